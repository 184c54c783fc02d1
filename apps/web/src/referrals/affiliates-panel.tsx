import { useState } from 'react';
import {
  statementCsvUrl,
  useAffiliates,
  useCreateAffiliate,
  useSetAffiliateActive,
  type Affiliate,
} from '../api/referrals.api.ts';
import { useFormat } from '../format/use-format.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { useReferralTranslation } from './referral-i18n.ts';

/** Affiliate partners: their codes and commissions, switched on and off, a month's statement as CSV. */
export function AffiliatesPanel({
  workspaceId,
  canManage,
  timezone,
}: {
  workspaceId: string;
  canManage: boolean;
  timezone: string;
}) {
  const { t } = useReferralTranslation();
  const format = useFormat(timezone);
  const affiliates = useAffiliates(workspaceId);
  const create = useCreateAffiliate(workspaceId);
  const setActive = useSetAffiliateActive(workspaceId);
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const [form, setForm] = useState({ name: '', contact: '', code: '', percent: 10 });
  const commission = (a: Affiliate) =>
    a.commission.type === 'percent'
      ? t('affiliates.percentOf', { percent: format.number(a.commission.rateBp / 100) })
      : t('affiliates.fixed', { amount: format.money(a.commission.amount) });
  return (
    <section className="card" data-testid="affiliates">
      <h2>{t('affiliates.title')}</h2>
      <p className="muted">{t('affiliates.lead')}</p>
      <label className="field">
        {t('affiliates.month')}
        <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
      </label>
      {affiliates.error && <ErrorNotice error={affiliates.error} />}
      {affiliates.data?.length === 0 && <p className="muted">{t('affiliates.empty')}</p>}
      {affiliates.data && affiliates.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('col.name')}</th>
              <th scope="col">{t('col.code')}</th>
              <th scope="col">{t('col.commission')}</th>
              <th scope="col">{t('col.active')}</th>
              <th scope="col">{t('col.statement')}</th>
            </tr>
          </thead>
          <tbody>
            {affiliates.data.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.name}
                  {a.contact && <span className="muted small"> · {a.contact}</span>}
                </th>
                <td>{a.code}</td>
                <td>{commission(a)}</td>
                <td>
                  {a.active ? t('affiliates.active') : t('affiliates.inactive')}{' '}
                  {canManage && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => setActive.mutate({ id: a.id, active: !a.active })}
                    >
                      {a.active ? t('affiliates.switchOff') : t('affiliates.switchOn')}
                    </button>
                  )}
                </td>
                <td>
                  <a href={statementCsvUrl(workspaceId, a.id, month)} download>
                    {t('csv')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(
              {
                name: form.name,
                contact: form.contact || null,
                code: form.code,
                commission: { type: 'percent', rateBp: Math.round(form.percent * 100) },
              },
              { onSuccess: () => setForm({ name: '', contact: '', code: '', percent: 10 }) },
            );
          }}
        >
          <label className="field">
            {t('affiliates.name')}
            <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label className="field">
            {t('affiliates.contact')}
            <input value={form.contact} onChange={(e) => setForm({ ...form, contact: e.target.value })} />
          </label>
          <label className="field">
            {t('affiliates.code')}
            <input
              required
              minLength={3}
              value={form.code}
              onChange={(e) => setForm({ ...form, code: e.target.value })}
            />
          </label>
          <label className="field">
            {t('affiliates.percent')}
            <input
              type="number"
              min={0.01}
              max={100}
              step={0.01}
              value={form.percent}
              onChange={(e) => setForm({ ...form, percent: Number(e.target.value) })}
            />
          </label>
          <button type="submit" disabled={create.isPending}>
            {t('affiliates.add')}
          </button>
        </form>
      )}
      {create.error && <ErrorNotice error={create.error} />}
    </section>
  );
}
