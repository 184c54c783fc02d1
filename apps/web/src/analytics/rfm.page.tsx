import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RFM_SEGMENTS, rfmSegment, type RfmSegment } from '@jejak/core/rfm';
import { rfmCsvUrl, useRfm, useRfmCustomers } from '../api/customer-value.api.ts';
import { EChart } from '../charts/echart.tsx';
import { formatDate, formatMoney, formatNumber, formatShare } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import './customer-value.css';

const DAY_MS = 86_400_000;
/** One colour per segment, warm for those slipping away, cool for those who stay. */
const COLOURS: Record<RfmSegment, string> = {
  champions: '#1f4e8c',
  loyal: '#3f73b5',
  potential_loyalist: '#7aa2d6',
  new_customer: '#5fa88a',
  promising: '#a6d3bf',
  need_attention: '#e9c46a',
  about_to_sleep: '#f1a66a',
  at_risk: '#e07a5f',
  cant_lose: '#b23a48',
  hibernating: '#b9b9b9',
};

/** RFM segments: buyers per segment (chart and table), the R × F grid, and the buyers of a segment. */
export function RfmPage() {
  const { t, i18n } = useTranslation('analytics');
  const { workspace } = useWorkspace();
  const language = currentLanguage(i18n.language);
  const report = useRfm(workspace.id);
  const [segment, setSegment] = useState<RfmSegment | undefined>();
  const [offset, setOffset] = useState(0);
  const list = useRfmCustomers(workspace.id, segment, offset);
  const money = (v: number) => formatMoney(v, workspace.currency, language);
  const n = (v: number, digits = 0) =>
    new Intl.NumberFormat(language === 'en' ? 'en-ID' : 'id-ID', { maximumFractionDigits: digits }).format(v);
  const data = report.data;
  const name = (s: RfmSegment) => t(`rfm.name.${s}`);
  const option = data && {
    grid: { left: 150, right: 24, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: data.segments.map((s) => name(s.segment)) },
    series: [
      {
        type: 'bar',
        name: t('rfm.customers'),
        data: data.segments.map((s) => ({ value: s.customers, itemStyle: { color: COLOURS[s.segment] } })),
      },
    ],
  };
  const choose = (s: RfmSegment | undefined) => {
    setSegment(s);
    setOffset(0);
  };
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('rfm.title')}</h1>
        <p className="lead">{t('rfm.lead')}</p>
      </header>
      {report.error && <ErrorNotice error={report.error} />}
      {data && data.customers === 0 && <p className="card muted">{t('rfm.empty')}</p>}
      {data && data.customers > 0 && (
        <>
          <section className="card">
            <p data-testid="rfm-as-of">
              {t('rfm.asOf', {
                day: formatDate(data.asOfDay * DAY_MS, 'UTC', language),
                customers: formatNumber(data.customers, language),
              })}
            </p>
            <div className="rfm-summary">
              {option && <EChart option={option} height={320} label={t('rfm.chart')} />}
              <div className="cv-table-wrap">
                <table data-testid="rfm-segments">
                  <thead>
                    <tr>
                      <th>{t('rfm.segment')}</th>
                      <th className="num">{t('rfm.customers')}</th>
                      <th className="num">{t('rfm.share')}</th>
                      <th className="num">{t('rfm.recency')}</th>
                      <th className="num">{t('rfm.frequency')}</th>
                      <th className="num">{t('rfm.monetary')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.segments.map((s) => (
                      <tr key={s.segment}>
                        <td>
                          <button
                            type="button"
                            className="link rfm-segment"
                            onClick={() => choose(s.segment)}
                          >
                            <span className="rfm-swatch" style={{ background: COLOURS[s.segment] }} />
                            {name(s.segment)}
                          </button>
                        </td>
                        <td className="num">{n(s.customers)}</td>
                        <td className="num">{formatShare(s.share, language)}</td>
                        <td className="num">{t('rfm.days', { count: Math.round(s.averageRecencyDays) })}</td>
                        <td className="num">{n(s.averageFrequency, 1)}</td>
                        <td className="num">{money(Math.round(s.averageMonetary))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </section>
          <section className="card">
            <h2>{t('rfm.gridTitle')}</h2>
            <p className="muted small">{t('rfm.gridLead')}</p>
            <table className="rfm-grid" data-testid="rfm-grid">
              <thead>
                <tr>
                  <th>R \ F</th>
                  {[1, 2, 3, 4, 5].map((f) => (
                    <th key={f} className="num">
                      F {f}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[5, 4, 3, 2, 1].map((r) => (
                  <tr key={r}>
                    <th>R {r}</th>
                    {[1, 2, 3, 4, 5].map((f) => {
                      const cell = rfmSegment(r, f);
                      return (
                        <td key={f} className="num" style={{ background: COLOURS[cell] }} title={name(cell)}>
                          {n(data.grid[r - 1]![f - 1]!)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card">
            <div className="cv-list-head">
              <h2>{segment ? t('rfm.listTitle', { segment: name(segment) }) : t('rfm.listAll')}</h2>
              <a href={rfmCsvUrl(workspace.id, segment)} download data-testid="rfm-csv">
                {t('rfm.csv')}
              </a>
            </div>
            <label className="cv-filter">
              {t('rfm.segment')}{' '}
              <select
                value={segment ?? ''}
                onChange={(e) => choose(e.target.value ? (e.target.value as RfmSegment) : undefined)}
              >
                <option value="">{t('rfm.all')}</option>
                {RFM_SEGMENTS.map((s) => (
                  <option key={s} value={s}>
                    {name(s)}
                  </option>
                ))}
              </select>
            </label>
            {list.error && <ErrorNotice error={list.error} />}
            {list.data && (
              <div className="cv-table-wrap">
                <table data-testid="rfm-customers">
                  <thead>
                    <tr>
                      <th>{t('value.customer')}</th>
                      <th>{t('rfm.segment')}</th>
                      <th className="num">{t('value.lastPurchase')}</th>
                      <th className="num">{t('rfm.purchases')}</th>
                      <th className="num">{t('rfm.revenue')}</th>
                      <th>RFM</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((c) => (
                      <tr key={c.customerId}>
                        <td>
                          <Link to={`/w/${workspace.id}/customers/${c.customerId}`}>
                            {c.customerName ?? t('value.unnamed')}
                          </Link>
                        </td>
                        <td>{name(c.segment)}</td>
                        <td className="num">{t('rfm.daysAgo', { count: c.recencyDays })}</td>
                        <td className="num">{n(c.frequency)}</td>
                        <td className="num">{money(c.monetary)}</td>
                        <td>{t('rfm.scores', { r: c.r, f: c.f, m: c.m })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {list.data && list.data.total > 50 && (
              <nav className="cv-pager">
                <button
                  type="button"
                  className="secondary"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - 50))}
                >
                  {t('value.previous')}
                </button>
                <span>
                  {t('value.pageOf', {
                    from: formatNumber(offset + 1, language),
                    to: formatNumber(Math.min(offset + 50, list.data.total), language),
                    total: formatNumber(list.data.total, language),
                  })}
                </span>
                <button
                  type="button"
                  className="secondary"
                  disabled={offset + 50 >= list.data.total}
                  onClick={() => setOffset(offset + 50)}
                >
                  {t('value.next')}
                </button>
              </nav>
            )}
          </section>
        </>
      )}
    </div>
  );
}
