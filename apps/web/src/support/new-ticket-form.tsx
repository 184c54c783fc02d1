import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateTicket,
  type Branch,
  type Ticket,
  type TicketCategory,
  type TicketChannel,
  type TicketPriority,
} from '../api/tickets.api.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { formValues } from '../pages/text-field.tsx';

const CHANNELS: TicketChannel[] = ['whatsapp', 'phone', 'email', 'chat', 'store', 'web'];
const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
const CATEGORIES: TicketCategory[] = ['question', 'complaint', 'request', 'other'];

/** A ticket taken by hand: a phone call, a customer at the counter, a WhatsApp chat on the shop's phone. */
export function NewTicketForm({
  workspaceId,
  branches,
  onDone,
}: {
  workspaceId: string;
  branches: Branch[];
  onDone: (ticket: Ticket | null) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateTicket(workspaceId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    create.mutate(
      {
        subject: v.subject ?? '',
        customer: {
          ...(v.name ? { name: v.name } : {}),
          ...(v.phone ? { phone: v.phone } : {}),
          ...(v.email ? { email: v.email } : {}),
        },
        channel: (v.channel ?? 'whatsapp') as TicketChannel,
        priority: (v.priority ?? 'normal') as TicketPriority,
        category: (v.category ?? 'question') as TicketCategory,
        branchId: v.branchId || null,
        ...(v.message ? { message: v.message } : {}),
      },
      { onSuccess: (ticket) => onDone(ticket) },
    );
  }

  return (
    <section className="card" aria-labelledby="new-ticket">
      <h2 id="new-ticket">{t('tickets.form.title')}</h2>
      <form className="form" onSubmit={submit} data-testid="new-ticket">
        <label className="field">
          <span>{t('tickets.form.subject')}</span>
          <input name="subject" required maxLength={300} />
        </label>
        <div className="filters">
          <label className="field">
            <span>{t('tickets.form.name')}</span>
            <input name="name" autoComplete="off" />
          </label>
          <label className="field">
            <span>{t('tickets.form.phone')}</span>
            <input name="phone" inputMode="tel" autoComplete="off" />
          </label>
          <label className="field">
            <span>{t('tickets.form.email')}</span>
            <input name="email" type="email" autoComplete="off" />
          </label>
        </div>
        <small className="muted">{t('tickets.form.contactHint')}</small>
        <div className="filters">
          <label className="field">
            <span>{t('tickets.form.channel')}</span>
            <select name="channel" defaultValue="whatsapp">
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`tickets.channelOf.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('tickets.priority')}</span>
            <select name="priority" defaultValue="normal">
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`tickets.priorityOf.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('tickets.form.category')}</span>
            <select name="category" defaultValue="question">
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`tickets.categoryOf.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('tickets.form.branch')}</span>
            <select name="branchId" defaultValue={branches[0]?.id ?? ''}>
              <option value="">{t('tickets.noBranch')}</option>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>{t('tickets.form.message')}</span>
          <textarea name="message" rows={3} />
        </label>
        {create.error && <ErrorNotice error={create.error} />}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            {t('tickets.form.submit')}
          </button>
          <button type="button" className="secondary" onClick={() => onDone(null)}>
            {t('tickets.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
