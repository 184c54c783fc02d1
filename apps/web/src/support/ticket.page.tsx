import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useAddMessage,
  useBranches,
  useTicket,
  useUpdateTicket,
  type TicketStatus,
} from '../api/tickets.api.ts';
import { useDateTime } from '../format/date-time.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { AssigneePicker } from './assignee-picker.tsx';
import { CsatLink } from './csat-link.tsx';
import { TargetBadge } from './target-badge.tsx';

/** One ticket: the conversation, replies and notes, status, its targets and the CSAT link once resolved. */
export function TicketPage() {
  const { t } = useTranslation();
  const { ticketId = '' } = useParams();
  const { workspace, membership } = useWorkspace();
  const dateTime = useDateTime(workspace.timezone);
  const detail = useTicket(workspace.id, ticketId);
  const branches = useBranches(workspace.id);
  const update = useUpdateTicket(workspace.id, ticketId);
  const addMessage = useAddMessage(workspace.id, ticketId);
  const [body, setBody] = useState('');
  const canWrite = membership.role !== 'analyst';
  if (detail.error) return <ErrorNotice error={detail.error} />;
  if (!detail.data) return <p className="loading">{t('app.loading')}</p>;
  const { ticket, customer, messages, csat } = detail.data;
  const branch = branches.data?.find((b) => b.id === ticket.branchId);
  const phoneDigits = customer.phone?.replace(/\D/g, '');

  const send = (kind: 'reply' | 'note') => (event?: FormEvent) => {
    event?.preventDefault();
    if (body.trim() === '') return;
    addMessage.mutate({ body, kind }, { onSuccess: () => setBody('') });
  };
  const setStatus = (status: TicketStatus) => update.mutate({ status });

  return (
    <div className="page">
      <header className="page-head">
        <Link to={`/w/${workspace.id}/tickets`}>← {t('ticket.back')}</Link>
        <h1>
          #{ticket.number} · {ticket.subject}
        </h1>
        <div className="actions">
          <span className={`badge ${ticket.status}`} data-testid="ticket-status">
            {t(`tickets.statusOf.${ticket.status}`)}
          </span>
          <span className={`badge ${ticket.priority}`}>{t(`tickets.priorityOf.${ticket.priority}`)}</span>
          {ticket.targets.map((target) => (
            <TargetBadge key={target.kind} target={target} />
          ))}
        </div>
      </header>
      <div className="two-columns">
        <section className="card">
          <h2>{t('ticket.conversation')}</h2>
          <div className="messages" data-testid="messages">
            {messages.length === 0 && <p className="muted">{t('ticket.noMessages')}</p>}
            {messages.map((m) => (
              <article key={m.id} className={`message ${m.kind}`}>
                <header>
                  <strong>
                    {m.kind === 'customer'
                      ? t('ticket.fromCustomer')
                      : m.kind === 'note'
                        ? t('ticket.note')
                        : t('ticket.reply')}{' '}
                    · {m.authorLabel}
                  </strong>
                  <time>{dateTime(m.createdAt)}</time>
                </header>
                {m.body}
              </article>
            ))}
          </div>
          {canWrite && (
            <form className="form" onSubmit={send('reply')}>
              <label className="field">
                <span>{t('ticket.replyLabel')}</span>
                <textarea
                  rows={4}
                  value={body}
                  onChange={(e) => setBody(e.target.value)}
                  data-testid="reply-body"
                />
              </label>
              <small className="muted">{t('ticket.replyHint')}</small>
              {addMessage.error && <ErrorNotice error={addMessage.error} />}
              <div className="actions">
                <button type="submit" disabled={addMessage.isPending}>
                  {t('ticket.sendReply')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => send('note')()}
                  disabled={addMessage.isPending}
                >
                  {t('ticket.addNote')}
                </button>
              </div>
            </form>
          )}
        </section>
        <div className="stack">
          <section className="card">
            <h2>{t('ticket.customer')}</h2>
            <p>
              <strong>{customer.name ?? '—'}</strong>
              <br />
              {customer.phone && <span>{customer.phone} · </span>}
              {phoneDigits && (
                <a href={`https://wa.me/${phoneDigits}`} target="_blank" rel="noreferrer">
                  {t('ticket.whatsapp')}
                </a>
              )}
              {customer.email && <span className="muted"> {customer.email}</span>}
            </p>
            <dl className="dl">
              <dt>{t('ticket.branch')}</dt>
              <dd>{branch?.name ?? t('tickets.noBranch')}</dd>
              <dt>{t('ticket.category')}</dt>
              <dd>{t(`tickets.categoryOf.${ticket.category}`)}</dd>
              <dt>{t('ticket.channel')}</dt>
              <dd>{t(`tickets.channelOf.${ticket.channel}`)}</dd>
              <dt>{t('ticket.assignee')}</dt>
              <dd>
                <AssigneePicker
                  workspaceId={workspace.id}
                  ticketId={ticket.id}
                  branchId={ticket.branchId}
                  assigneeId={ticket.assigneeId}
                  canWrite={canWrite}
                />
              </dd>
              <dt>{t('ticket.opened')}</dt>
              <dd>{dateTime(ticket.createdAt)}</dd>
              {ticket.targets.map((target) => (
                <TargetLine
                  key={target.kind}
                  kind={target.kind}
                  dueAt={target.dueAt}
                  endedAt={target.endedAt}
                  format={dateTime}
                />
              ))}
            </dl>
          </section>
          {canWrite && (
            <section className="card">
              <h2>{t('ticket.actions')}</h2>
              <div className="actions">
                {ticket.status === 'open' && (
                  <button type="button" className="secondary" onClick={() => setStatus('pending')}>
                    {t('ticket.setPending')}
                  </button>
                )}
                {(ticket.status === 'open' || ticket.status === 'pending') && (
                  <button type="button" onClick={() => setStatus('resolved')} data-testid="resolve">
                    {t('ticket.resolve')}
                  </button>
                )}
                {ticket.status !== 'closed' && (
                  <button type="button" className="secondary" onClick={() => setStatus('closed')}>
                    {t('ticket.close')}
                  </button>
                )}
                {(ticket.status === 'resolved' ||
                  ticket.status === 'closed' ||
                  ticket.status === 'pending') && (
                  <button type="button" className="secondary" onClick={() => setStatus('open')}>
                    {t('ticket.reopen')}
                  </button>
                )}
              </div>
              {update.error && <ErrorNotice error={update.error} />}
            </section>
          )}
          <CsatLink csat={csat} score={ticket.csatScore} phone={phoneDigits ?? null} />
        </div>
      </div>
    </div>
  );
}

function TargetLine({
  kind,
  dueAt,
  endedAt,
  format,
}: {
  kind: 'first_response' | 'resolution';
  dueAt: number | null;
  endedAt: number | null;
  format: (ms: number) => string;
}) {
  const { t } = useTranslation();
  const when =
    dueAt !== null
      ? t('ticket.due', { time: format(dueAt) })
      : endedAt !== null
        ? t('ticket.endedAt', { time: format(endedAt) })
        : '—';
  return (
    <>
      <dt>{t(`tickets.targetOf.${kind}`)}</dt>
      <dd>{when}</dd>
    </>
  );
}
