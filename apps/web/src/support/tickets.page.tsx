import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useBranches, useTickets, type TicketFilters } from '../api/tickets.api.ts';
import { useMe } from '../api/auth.api.ts';
import { useMembers } from '../api/members.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { useDateTime } from '../format/date-time.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { NewTicketForm } from './new-ticket-form.tsx';
import { TargetBadge } from './target-badge.tsx';

const FILTER_KEYS: (keyof TicketFilters)[] = ['status', 'priority', 'branchId', 'target', 'q', 'assigneeId'];

/** The inbox: tickets most recently updated first, filtered in the URL, each with its target timers. */
export function TicketsPage() {
  const { t } = useTranslation();
  const { workspace, membership } = useWorkspace();
  const dateTime = useDateTime(workspace.timezone);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.get(key) ?? (key === 'status' ? 'open,pending' : '')]),
  ) as unknown as TicketFilters;
  const tickets = useTickets(workspace.id, filters);
  const branches = useBranches(workspace.id);
  const branchName = new Map((branches.data ?? []).map((b) => [b.id, b.name]));
  const canWrite = membership.role !== 'analyst';
  const me = useMe();
  const canSeeTeam = useCan('members.read');
  const members = useMembers(workspace.id);
  const team = canSeeTeam ? (members.data ?? []) : [];
  const memberName = new Map(team.map((m) => [m.userId, m.name]));

  const setFilter = (key: keyof TicketFilters, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('tickets.title')}</h1>
        <p className="lead">{t('tickets.lead')}</p>
      </header>
      {creating ? (
        <NewTicketForm
          workspaceId={workspace.id}
          branches={branches.data ?? []}
          onDone={(ticket) => {
            setCreating(false);
            if (ticket) void navigate(`/w/${workspace.id}/tickets/${ticket.id}`);
          }}
        />
      ) : (
        canWrite && (
          <div>
            <button type="button" onClick={() => setCreating(true)} data-testid="new-ticket-button">
              {t('tickets.new')}
            </button>
          </div>
        )
      )}
      <section className="card">
        <form
          className="filters"
          role="search"
          aria-label={t('tickets.filters')}
          onSubmit={(e) => e.preventDefault()}
        >
          <select
            aria-label={t('tickets.status')}
            value={filters.status}
            onChange={(e) => setFilter('status', e.target.value)}
          >
            <option value="open,pending">{t('tickets.openOrPending')}</option>
            <option value="">{t('tickets.allStatuses')}</option>
            {(['open', 'pending', 'resolved', 'closed'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`tickets.statusOf.${s}`)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('tickets.priority')}
            value={filters.priority}
            onChange={(e) => setFilter('priority', e.target.value)}
          >
            <option value="">{t('tickets.allPriorities')}</option>
            {(['urgent', 'high', 'normal', 'low'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`tickets.priorityOf.${p}`)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('tickets.form.branch')}
            value={filters.branchId}
            onChange={(e) => setFilter('branchId', e.target.value)}
          >
            <option value="">{t('tickets.allBranches')}</option>
            {(branches.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          <select
            aria-label={t('tickets.targets')}
            value={filters.target}
            onChange={(e) => setFilter('target', e.target.value)}
          >
            <option value="">{t('tickets.anyTarget')}</option>
            <option value="missed">{t('tickets.missedOnly')}</option>
            <option value="running">{t('tickets.runningOnly')}</option>
          </select>
          <select
            aria-label={t('tickets.assignee')}
            value={filters.assigneeId}
            onChange={(e) => setFilter('assigneeId', e.target.value)}
            data-testid="assignee-filter"
          >
            <option value="">{t('tickets.anyAssignee')}</option>
            {me.data && <option value={me.data.user.id}>{t('tickets.mine')}</option>}
            <option value="none">{t('tickets.unassigned')}</option>
            {team
              .filter((m) => m.userId !== me.data?.user.id)
              .map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
          </select>
          <input
            type="search"
            aria-label={t('tickets.search')}
            placeholder={t('tickets.search')}
            defaultValue={filters.q}
            onChange={(e) => setFilter('q', e.target.value)}
          />
        </form>
        {tickets.error && <ErrorNotice error={tickets.error} />}
        {tickets.data && tickets.data.items.length === 0 && <p className="muted">{t('tickets.empty')}</p>}
        {tickets.data && tickets.data.items.length > 0 && (
          <table data-testid="tickets">
            <thead>
              <tr>
                <th className="num">{t('tickets.number')}</th>
                <th>{t('tickets.subject')}</th>
                <th>{t('tickets.customer')}</th>
                <th>{t('tickets.status')}</th>
                <th>{t('tickets.priority')}</th>
                <th>{t('tickets.targets')}</th>
                <th className="num">{t('tickets.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {tickets.data.items.map((ticket) => (
                <tr key={ticket.id}>
                  <td className="num">#{ticket.number}</td>
                  <td>
                    <Link className="row-link" to={`/w/${workspace.id}/tickets/${ticket.id}`}>
                      {ticket.subject}
                    </Link>
                    <div className="small muted">
                      {t(`tickets.channelOf.${ticket.channel}`)} ·{' '}
                      {ticket.branchId ? (branchName.get(ticket.branchId) ?? '') : t('tickets.noBranch')}
                      {ticket.assigneeId &&
                        ` · ${t('tickets.assignee')}: ${memberName.get(ticket.assigneeId) ?? '…'}`}
                    </div>
                  </td>
                  <td>{ticket.customerName ?? '—'}</td>
                  <td>
                    <span className={`badge ${ticket.status}`}>{t(`tickets.statusOf.${ticket.status}`)}</span>
                  </td>
                  <td>
                    <span className={`badge ${ticket.priority}`}>
                      {t(`tickets.priorityOf.${ticket.priority}`)}
                    </span>
                  </td>
                  <td>
                    <div className="targets">
                      {ticket.targets.map((target) => (
                        <TargetBadge key={target.kind} target={target} />
                      ))}
                    </div>
                  </td>
                  <td className="num">{dateTime(ticket.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
