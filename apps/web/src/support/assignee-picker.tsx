import { useTranslation } from 'react-i18next';
import { useMembers } from '../api/members.api.ts';
import { useUpdateTicket } from '../api/tickets.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { agentsFor } from './agents.ts';

/** Who handles the ticket: a select of the members who may answer it here, saved on change. */
export function AssigneePicker({
  workspaceId,
  ticketId,
  branchId,
  assigneeId,
  canWrite,
}: {
  workspaceId: string;
  ticketId: string;
  branchId: string | null;
  assigneeId: string | null;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const canSeeTeam = useCan('members.read');
  const members = useMembers(workspaceId);
  const update = useUpdateTicket(workspaceId, ticketId);
  const all = canSeeTeam ? (members.data ?? []) : [];
  const current = all.find((m) => m.userId === assigneeId);
  if (!canWrite || !canSeeTeam)
    return <span>{current?.name ?? (assigneeId ? '…' : t('ticket.nobody'))}</span>;
  const agents = agentsFor(all, branchId);
  // Someone assigned before a change of branch or role still shows, so the select tells the truth.
  const options = current && !agents.includes(current) ? [current, ...agents] : agents;
  return (
    <>
      <select
        aria-label={t('ticket.assignee')}
        aria-describedby="assignee-hint"
        value={assigneeId ?? ''}
        disabled={update.isPending || members.isPending}
        onChange={(e) => update.mutate({ assigneeId: e.target.value || null })}
        data-testid="assignee"
      >
        <option value="">{t('ticket.nobody')}</option>
        {options.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
      <small id="assignee-hint" className="muted" style={{ display: 'block' }}>
        {t('ticket.assigneeHint')}
      </small>
      {update.error && <ErrorNotice error={update.error} />}
    </>
  );
}
