import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isBranchScoped, type Role } from '@jejak/core/roles';
import type { Branch } from '../../api/branches.api.ts';
import { useInvite } from '../../api/members.api.ts';
import { CopyField } from '../copy-field.tsx';
import { SettingsError } from '../settings-error.tsx';
import { RoleFields } from './role-fields.tsx';

interface Props {
  workspaceId: string;
  branches: Branch[];
  actorIsOwner: boolean;
}

/**
 * Invites someone by email address. Jejak sends no email yet, so the one-time link is shown to copy
 * and send by WhatsApp or email, as the CLI prints password reset links.
 */
export function InviteForm({ workspaceId, branches, actorIsOwner }: Props) {
  const { t } = useTranslation('settings');
  const invite = useInvite(workspaceId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<{ role: Role; branchIds: string[] }>({ role: 'cashier', branchIds: [] });
  const missingBranch = isBranchScoped(role.role) && role.branchIds.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email: email.trim(), ...role }, { onSuccess: () => setEmail('') });
  };

  return (
    <section className="card">
      <h2>{t('members.invite')}</h2>
      <form className="form" onSubmit={submit} data-testid="invite-form">
        <div className="st-form-row">
          <label className="field st-grow">
            <span>{t('members.email')}</span>
            <input
              name="email"
              type="email"
              required
              value={email}
              placeholder="nama@contoh.id"
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          <div className="field">
            <span>{t('members.role')}</span>
            <RoleFields
              testId="invite"
              role={role.role}
              branchIds={role.branchIds}
              branches={branches}
              disabledRoles={actorIsOwner ? [] : ['owner']}
              onChange={setRole}
            />
          </div>
        </div>
        <p className="muted small">{t(`members.roleHints.${role.role}`)}</p>
        {missingBranch && <p className="small st-warning">{t('members.pickBranch')}</p>}
        {invite.error && <SettingsError error={invite.error} />}
        <div className="st-actions">
          <button type="submit" disabled={invite.isPending || missingBranch}>
            {t('members.inviteSubmit')}
          </button>
        </div>
      </form>
      {invite.data && (
        <div className="st-created" role="status">
          <p>
            <strong>{t('members.invited', { email: invite.data.email })}</strong>
          </p>
          <p className="small">{t('members.linkHint')}</p>
          <CopyField label={t('members.link')} value={invite.data.link} testId="invitation-link" />
        </div>
      )}
    </section>
  );
}
