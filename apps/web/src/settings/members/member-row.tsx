import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole, type Role } from '@jejak/core/roles';
import type { Branch } from '../../api/branches.api.ts';
import { useChangeRole, useRemoveMember, type Member } from '../../api/members.api.ts';
import { ConfirmButton } from '../confirm-button.tsx';
import { SettingsError } from '../settings-error.tsx';
import { RoleFields } from './role-fields.tsx';

interface Props {
  workspaceId: string;
  member: Member;
  branches: Branch[];
  isMe: boolean;
  /** Whether the one looking may change roles, and whether they are an owner (who alone touches owners). */
  manage: boolean;
  actorIsOwner: boolean;
}

/** One person of the team: their role and branches, changed or removed in place. */
export function MemberRow({ workspaceId, member, branches, isMe, manage, actorIsOwner }: Props) {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const change = useChangeRole(workspaceId);
  const remove = useRemoveMember(workspaceId);
  const known = isRole(member.role) ? member.role : undefined;
  const [draft, setDraft] = useState<{ role: Role; branchIds: string[] }>({
    role: known ?? 'analyst',
    branchIds: member.branchIds,
  });
  const ownerLocked = member.role === 'owner' && !actorIsOwner;
  const editable = manage && known !== undefined && !ownerLocked;
  const changed =
    draft.role !== member.role ||
    draft.branchIds.slice().sort().join() !== member.branchIds.slice().sort().join();
  const names = member.branchIds.map((id) => branches.find((b) => b.id === id)?.name ?? id);

  return (
    <tr data-testid="member-row" data-email={member.email}>
      <td>
        <strong>{member.name}</strong>
        {isMe && <span className="st-badge">{t('members.you')}</span>}
        <div className="muted small">{member.email}</div>
      </td>
      <td>
        {editable ? (
          <RoleFields
            testId="member"
            role={draft.role}
            branchIds={draft.branchIds}
            branches={branches}
            disabledRoles={actorIsOwner ? [] : ['owner']}
            onChange={setDraft}
          />
        ) : (
          <>
            {known ? tc(`roles.${known}`) : member.role}
            {names.length > 0 && <div className="muted small">{names.join(', ')}</div>}
          </>
        )}
        {(change.error ?? remove.error) && <SettingsError error={change.error ?? remove.error} />}
      </td>
      <td className="st-row-actions">
        {editable && changed && (
          <button
            type="button"
            data-testid="member-save"
            disabled={change.isPending}
            onClick={() => change.mutate({ userId: member.userId, ...draft })}
          >
            {t('common.save')}
          </button>
        )}
        {editable && (
          <ConfirmButton
            testId="member-remove"
            label={t('members.remove')}
            question={t(isMe ? 'members.leaveQuestion' : 'members.removeQuestion', {
              name: member.name,
            })}
            onConfirm={() => remove.mutate(member.userId)}
          />
        )}
      </td>
    </tr>
  );
}
