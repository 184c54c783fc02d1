import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole } from '@jejak/core/roles';
import { useMe } from '../../api/auth.api.ts';
import { useBranches } from '../../api/branches.api.ts';
import { useCancelInvitation, useInvitations, useMembers, type Invitation } from '../../api/members.api.ts';
import { useFormat } from '../../format/use-format.ts';
import { can } from '../../layout/navigation.ts';
import { useWorkspace } from '../../layout/workspace-context.ts';
import { ErrorNotice } from '../../pages/error-notice.tsx';
import { ConfirmButton } from '../confirm-button.tsx';
import { InviteForm } from './invite-form.tsx';
import { MemberRow } from './member-row.tsx';

/** The team: who works in the business, with which role and at which branches; invitations to join. */
export function MembersPage() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const { workspace, membership } = useWorkspace();
  const me = useMe();
  const manage = can(membership.role, 'members.manage');
  const members = useMembers(workspace.id);
  const branches = useBranches(workspace.id);
  const invitations = useInvitations(workspace.id, manage);
  const error = members.error ?? branches.error ?? invitations.error;
  if (error) return <ErrorNotice error={error} />;
  if (!members.data || !branches.data) return <p className="loading">{tc('app.loading')}</p>;
  const actorIsOwner = membership.role === 'owner';
  const owners = members.data.filter((m) => m.role === 'owner').length;

  return (
    <div className="page">
      <header>
        <h1>{t('members.title')}</h1>
        <p className="lead">{t('members.lead')}</p>
      </header>
      {manage && (
        <InviteForm workspaceId={workspace.id} branches={branches.data} actorIsOwner={actorIsOwner} />
      )}
      <section className="card">
        <h2>{t('members.team', { count: members.data.length })}</h2>
        {owners === 1 && manage && <p className="muted small">{t('members.lastOwnerHint')}</p>}
        <table className="st-settings-table">
          <thead>
            <tr>
              <th>{t('members.person')}</th>
              <th>{t('members.roleAndBranches')}</th>
              <th>
                <span className="st-visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => (
              <MemberRow
                key={`${member.userId}:${member.role}:${member.branchIds.join()}`}
                workspaceId={workspace.id}
                member={member}
                branches={branches.data}
                isMe={member.userId === me.data?.user.id}
                manage={manage}
                actorIsOwner={actorIsOwner}
              />
            ))}
          </tbody>
        </table>
      </section>
      {manage && invitations.data && invitations.data.length > 0 && (
        <Invitations workspaceId={workspace.id} items={invitations.data} timeZone={workspace.timezone} />
      )}
    </div>
  );
}

function Invitations({
  workspaceId,
  items,
  timeZone,
}: {
  workspaceId: string;
  items: Invitation[];
  timeZone: string;
}) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const format = useFormat(timeZone);
  const cancel = useCancelInvitation(workspaceId);
  // The reader's clock, read once, is good enough to tell an expired link from an open one.
  const [now] = useState(Date.now);
  const stateOf = (i: Invitation) =>
    i.acceptedAt !== null ? 'accepted' : i.expiresAt <= now ? 'expired' : ('open' as const);
  return (
    <section className="card">
      <h2>{t('members.invitations')}</h2>
      <table className="st-settings-table">
        <thead>
          <tr>
            <th>{t('members.email')}</th>
            <th>{t('members.role')}</th>
            <th>{t('members.invitationState')}</th>
            <th>
              <span className="st-visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((invitation) => {
            const state = stateOf(invitation);
            return (
              <tr key={invitation.id} data-testid="invitation-row">
                <td>{invitation.email}</td>
                <td>{isRole(invitation.role) ? tc(`roles.${invitation.role}`) : invitation.role}</td>
                <td>
                  {t(`members.states.${state}`, {
                    date: format.date(
                      state === 'accepted' ? (invitation.acceptedAt ?? 0) : invitation.expiresAt,
                    ),
                  })}
                </td>
                <td className="st-row-actions">
                  {state === 'open' && (
                    <ConfirmButton
                      label={t('members.cancelInvitation')}
                      question={t('members.cancelQuestion')}
                      onConfirm={() => cancel.mutate(invitation.id)}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
