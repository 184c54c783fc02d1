import { useMemo, useState } from 'react';
import {
  referralsCsvUrl,
  useReferralRefusals,
  useReferralResults,
  useReferrals,
  type ReferralStatus,
} from '../api/referrals.api.ts';
import { EChart } from '../charts/echart.tsx';
import { useCan } from '../customers/customer-labels.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { AffiliatesPanel } from './affiliates-panel.tsx';
import { ProgramPanel } from './program-panel.tsx';
import { useReferralTranslation } from './referral-i18n.ts';
import '../loyalty/loyalty.css';
import './referrals.css';

const PERIODS = [30, 90, 365] as const;
const STATUSES: readonly ReferralStatus[] = ['pending', 'qualified', 'rewarded', 'cancelled'];

/**
 * Referral and affiliate programs (owners and admins run them; managers and analysts read): how many
 * referrals were made and converted, per day, the top advocates, every referral by status (CSV), the
 * refused claims with their reason, the program's rules and the affiliate partners with their statements.
 */
export function ReferralPage() {
  const { t, word } = useReferralTranslation();
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone);
  const canManage = useCan('loyalty.manage');
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [status, setStatus] = useState<ReferralStatus | ''>('');
  // The start of the period, fixed per choice so the query key does not change every render.
  const from = useMemo(() => new Date(Date.now() - days * 86_400_000).toISOString(), [days]);
  const results = useReferralResults(workspace.id, from);
  const list = useReferrals(workspace.id, status);
  const refusals = useReferralRefusals(workspace.id);
  const r = results.data;
  const points = (r?.rewards ?? []).filter((x) => x.kind === 'points').reduce((s, x) => s + x.points, 0);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('made'), t('converted')] },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      // 05:00 UTC is noon in Jakarta: the workspace's day, whatever zone formats it.
      xAxis: {
        type: 'category',
        data: (r?.daily ?? []).map((d) => format.date(Date.parse(`${d.day}T05:00:00Z`))),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('made'), type: 'bar', data: (r?.daily ?? []).map((d) => d.made) },
        { name: t('converted'), type: 'bar', data: (r?.daily ?? []).map((d) => d.converted) },
      ],
    }),
    // The labels change with the language, which also rebuilds `format`.
    [r, format],
  );
  return (
    <div className="page referrals">
      <header className="page-head loyalty-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="lead">{t('lead')}</p>
        </div>
        <label className="field">
          {t('period')}
          <select value={days} onChange={(e) => setDays(Number(e.target.value) as (typeof PERIODS)[number])}>
            {PERIODS.map((d) => (
              <option key={d} value={d}>
                {format.date(Date.now() - d * 86_400_000)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {results.error && <ErrorNotice error={results.error} />}
      {r && (
        <section className="card">
          <div className="loyalty-kpis" data-testid="referral-kpis">
            <div className="kpi">
              <div className="value">{format.number(r.total)}</div>
              <div className="label">{t('kpi.total')}</div>
            </div>
            <div className="kpi">
              <div className="value" data-testid="referral-rewarded">
                {format.number(r.byStatus.rewarded)}
              </div>
              <div className="label">
                {t('kpi.conversion', { rate: format.share(r.conversionRate) })} ·{' '}
                {t('kpi.conversionHint', { rewarded: r.byStatus.rewarded, total: r.total })}
              </div>
            </div>
            <div className="kpi">
              <div className="value">{format.number(r.byStatus.pending + r.byStatus.qualified)}</div>
              <div className="label">
                {t('kpi.pending')} / {t('kpi.qualified')}
              </div>
            </div>
            <div className="kpi">
              <div className="value">{format.number(r.byStatus.cancelled)}</div>
              <div className="label">{t('kpi.cancelled')}</div>
            </div>
            <div className="kpi">
              <div className="value">{t('kpi.pointsValue', { points: format.number(points) })}</div>
              <div className="label">{t('kpi.points')}</div>
            </div>
          </div>
          <h2>{t('chart')}</h2>
          <EChart option={option} height={220} label={t('chart')} />
          <h2>{t('advocates')}</h2>
          {r.advocates.length === 0 ? (
            <p className="muted">{t('noAdvocates')}</p>
          ) : (
            <table data-testid="referral-advocates">
              <thead>
                <tr>
                  <th scope="col">{t('col.customer')}</th>
                  <th scope="col">{t('col.code')}</th>
                  <th scope="col" className="num">
                    {t('col.referrals')}
                  </th>
                  <th scope="col" className="num">
                    {t('col.converted')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.advocates.map((a) => (
                  <tr key={a.customerId}>
                    <th scope="row">
                      <a href={`/w/${workspace.id}/customers/${a.customerId}`}>{a.name ?? a.code}</a>
                    </th>
                    <td>{a.code}</td>
                    <td className="num">{format.number(a.referrals)}</td>
                    <td className="num">{format.number(a.converted)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <section className="card">
        <div className="loyalty-head">
          <h2>{t('list')}</h2>
          <div className="row">
            <label className="field">
              {t('filter')}
              <select
                value={status}
                data-testid="referral-status"
                onChange={(e) => setStatus(e.target.value as ReferralStatus | '')}
              >
                <option value="">{t('all')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {word('statuses', s)}
                  </option>
                ))}
              </select>
            </label>
            <a className="button secondary" href={referralsCsvUrl(workspace.id, status)} download>
              {t('csv')}
            </a>
          </div>
        </div>
        {list.error && <ErrorNotice error={list.error} />}
        {list.data?.length === 0 && <p className="muted">{t('empty')}</p>}
        {list.data && list.data.length > 0 && (
          <div className="table-scroll">
            <table data-testid="referral-list">
              <thead>
                <tr>
                  <th scope="col">{t('col.made')}</th>
                  <th scope="col">{t('col.referrer')}</th>
                  <th scope="col">{t('col.friend')}</th>
                  <th scope="col">{t('col.code')}</th>
                  <th scope="col">{t('col.channel')}</th>
                  <th scope="col">{t('col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((x) => (
                  <tr key={x.id}>
                    <td>{format.dateTime(x.createdAt)}</td>
                    <td>{x.referrer?.name ?? x.affiliate?.name ?? '—'}</td>
                    <td>
                      <a href={`/w/${workspace.id}/customers/${x.friend.customerId}`}>
                        {x.friend.name ?? '—'}
                      </a>
                    </td>
                    <td>{x.code}</td>
                    <td>{word('channels', x.channel)}</td>
                    <td>
                      <span className={`badge referral-${x.status}`}>{word('statuses', x.status)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card">
        <h2>{t('refusals')}</h2>
        {refusals.data?.length === 0 && <p className="muted">{t('noRefusals')}</p>}
        {refusals.data && refusals.data.length > 0 && (
          <div className="table-scroll">
            <table data-testid="referral-refusals">
              <thead>
                <tr>
                  <th scope="col">{t('col.day')}</th>
                  <th scope="col">{t('col.code')}</th>
                  <th scope="col">{t('col.referrer')}</th>
                  <th scope="col">{t('col.friend')}</th>
                  <th scope="col">{t('col.reason')}</th>
                  <th scope="col">{t('col.channel')}</th>
                </tr>
              </thead>
              <tbody>
                {refusals.data.map((x) => (
                  <tr key={x.id}>
                    <td>{format.dateTime(x.at)}</td>
                    <td>{x.code}</td>
                    <td>{x.referrerName ?? '—'}</td>
                    <td>{x.friend?.name ?? '—'}</td>
                    <td>{word('reasons', x.reason)}</td>
                    <td>{word('channels', x.channel)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <ProgramPanel workspaceId={workspace.id} canManage={canManage} />
      <AffiliatesPanel workspaceId={workspace.id} canManage={canManage} timezone={workspace.timezone} />
    </div>
  );
}
