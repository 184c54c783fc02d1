import { useState } from 'react';
import { Link } from 'react-router';
import { NEGATIVE_DIMENSIONS, NEGATIVE_KINDS, type NegativeDimension } from '@jejak/core/negative-experience';
import {
  negativeCsvUrl,
  repeatedCsvUrl,
  useNegativeReport,
  useRepeatedNegatives,
  type NegativeReport,
} from '../api/segments.api.ts';
import { EChart } from '../charts/echart.tsx';
import { useCustomerLabels } from '../customers/customer-labels.ts';
import { formatDate, formatDateTime, formatNumber } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { useSegmentsTranslation } from './segments-i18n.ts';
import './customer-value.css';

const KIND_COLOURS: Record<string, string> = {
  complaint: '#b23a48',
  low_rating: '#e07a5f',
  refund: '#f1a66a',
  missed_response: '#e9c46a',
  bad_review: '#7a5195',
  other: '#b9b9b9',
};

/** Negative experiences per week by kind, touchpoint, branch and employee; customers with several. */
export function NegativeExperiencesPage() {
  const { t, i18n } = useSegmentsTranslation();
  const language = currentLanguage(i18n.language);
  const labels = useCustomerLabels();
  const { workspace } = useWorkspace();
  const [weeks, setWeeks] = useState(12);
  const [dimension, setDimension] = useState<NegativeDimension>('kind');
  const [days, setDays] = useState(30);
  const [min, setMin] = useState(2);
  const report = useNegativeReport(workspace.id, weeks);
  const repeated = useRepeatedNegatives(workspace.id, days, min);
  const data = report.data;
  const week = (w: string) => formatDate(Date.parse(`${w}T12:00:00Z`), 'UTC', language);
  const kindName = (k: string) =>
    (NEGATIVE_KINDS as readonly string[]).includes(k) ? t(`negative.kind.${k as 'other'}`) : k;
  const keyName = (d: NegativeDimension, key: string, r: NegativeReport) => {
    if (key === '') return t('negative.none');
    if (d === 'kind') return kindName(key);
    if (d === 'touchpoint') return labels.channel(key);
    return r.labels[`${d}:${key}`] ?? key;
  };
  const kinds = data?.series.filter((s) => s.dimension === 'kind') ?? [];
  const option = data && {
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: data.weeks.map(week) },
    yAxis: { type: 'value', minInterval: 1, name: t('negative.count') },
    series: kinds.map((s) => ({
      type: 'bar',
      stack: 'all',
      name: kindName(s.key),
      itemStyle: { color: KIND_COLOURS[s.key] ?? '#888' },
      data: s.counts,
    })),
  };
  const rows = data?.series.filter((s) => s.dimension === dimension) ?? [];
  return (
    <div className="page seg-page">
      <header className="page-head">
        <h1>{t('negative.title')}</h1>
        <p className="lead">{t('negative.lead')}</p>
      </header>
      {report.error && <ErrorNotice error={report.error} />}
      <section className="card">
        <div className="cv-list-head">
          <label className="cv-filter">
            {t('negative.weeks')}{' '}
            <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
              {[4, 8, 12, 26, 52].map((w) => (
                <option key={w} value={w}>
                  {w}
                </option>
              ))}
            </select>
          </label>
          <a href={negativeCsvUrl(workspace.id, weeks)} download data-testid="neg-csv">
            {t('negative.csv')}
          </a>
        </div>
        {data && (
          <p data-testid="neg-summary">
            {t('negative.summary', { weeks, value: formatNumber(data.total, language) })}
          </p>
        )}
        {data && data.total === 0 && <p className="muted">{t('negative.empty')}</p>}
        {option && data && data.total > 0 && (
          <EChart option={option} height={300} label={t('negative.chart')} />
        )}
      </section>
      {data && data.total > 0 && (
        <section className="card">
          <label className="cv-filter">
            {t('negative.by')}{' '}
            <select
              value={dimension}
              onChange={(e) => setDimension(e.target.value as NegativeDimension)}
              data-testid="neg-dimension"
            >
              {NEGATIVE_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`negative.dimension.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="cv-table-wrap">
            <table data-testid="neg-table">
              <thead>
                <tr>
                  <th>{t(`negative.dimension.${dimension}`)}</th>
                  {data.weeks.map((w) => (
                    <th key={w} className="num" title={t('negative.weekOf', { date: week(w) })}>
                      {week(w)}
                    </th>
                  ))}
                  <th className="num">{t('negative.total')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.key}>
                    <td>{keyName(dimension, s.key, data)}</td>
                    {s.counts.map((n, i) => (
                      <td key={i} className="num">
                        {formatNumber(n, language)}
                      </td>
                    ))}
                    <td className="num">
                      <strong>{formatNumber(s.total, language)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section className="card">
        <div className="cv-list-head">
          <h2>{t('negative.repeatTitle')}</h2>
          <a href={repeatedCsvUrl(workspace.id, days, min)} download data-testid="neg-customers-csv">
            {t('negative.csv')}
          </a>
        </div>
        <p className="muted small">{t('negative.repeatLead')}</p>
        <label className="cv-filter">
          {t('negative.repeatDays')}{' '}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 14, 30, 60, 90].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>{' '}
        <label className="cv-filter">
          {t('negative.repeatMin')}{' '}
          <select value={min} onChange={(e) => setMin(Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((m) => (
              <option key={m} value={m}>
                {t('negative.countValue', { count: m })}
              </option>
            ))}
          </select>
        </label>
        {repeated.error && <ErrorNotice error={repeated.error} />}
        {repeated.data && repeated.data.length === 0 && <p className="muted">{t('negative.repeatEmpty')}</p>}
        {repeated.data && repeated.data.length > 0 && (
          <div className="cv-table-wrap">
            <table data-testid="neg-customers">
              <thead>
                <tr>
                  <th>{t('negative.customer')}</th>
                  <th className="num">{t('negative.count')}</th>
                  <th>{t('negative.lastAt')}</th>
                  <th>{t('negative.kinds')}</th>
                </tr>
              </thead>
              <tbody>
                {repeated.data.map((c) => (
                  <tr key={c.customerId}>
                    <td>
                      <Link to={`/w/${workspace.id}/customers/${c.customerId}`}>
                        {c.customerName ?? t('negative.unnamed')}
                      </Link>
                    </td>
                    <td className="num">{t('negative.countValue', { count: c.count })}</td>
                    <td>{formatDateTime(c.lastAt, workspace.timezone, language)}</td>
                    <td>{c.kinds.map(kindName).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
