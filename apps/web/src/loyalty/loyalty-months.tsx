import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { LoyaltyMonth } from '../api/loyalty.api.ts';
import { EChart } from '../charts/echart.tsx';
import { currentLanguage } from '../i18n/i18n.ts';

type Format = { number: (n: number) => string };

const COLUMNS = ['issued', 'redeemed', 'expired', 'cancelled', 'upgraded', 'downgraded'] as const;

/** `2026-11` as `Nov 2026` in the reader's language. */
function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y!, m! - 1, 1),
  );
}

/** A CSV of the rows, with a header in the reader's language, as a link's data URL. */
function csvHref(header: string[], rows: (string | number)[][]): string {
  const quote = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
  const text = [header, ...rows].map((r) => r.map(quote).join(',')).join('\n');
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`${text}\n`)}`;
}

/**
 * The program month by month: points issued and redeemed as bars (tier changes up as a line on the
 * right axis), the table of every figure beside it, and its CSV.
 */
export function LoyaltyMonths({ months, format }: { months: LoyaltyMonth[]; format: Format }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const labels = months.map((m) => monthLabel(m.month, language));
  const headers = COLUMNS.map((c) => t(`loyalty.months.${c}`));
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
      yAxis: [
        { type: 'value', name: t('loyalty.months.points') },
        { type: 'value', name: t('loyalty.months.members'), minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: headers[0], data: months.map((m) => m.issued), itemStyle: { color: '#0f766e' } },
        {
          type: 'bar',
          name: headers[1],
          data: months.map((m) => m.redeemed),
          itemStyle: { color: '#b45309' },
        },
        {
          type: 'line',
          name: headers[4],
          yAxisIndex: 1,
          data: months.map((m) => m.upgraded),
          itemStyle: { color: '#6d28d9' },
          symbolSize: 4,
        },
      ],
    }),
    [months, labels, headers, t],
  );
  const href = csvHref(
    [t('loyalty.months.month'), ...headers],
    months.map((m) => [m.month, ...COLUMNS.map((c) => m[c])]),
  );
  return (
    <div className="loyalty-months" data-testid="loyalty-months">
      <div className="loyalty-head">
        <h3>{t('loyalty.months.title')}</h3>
        <a
          className="button secondary"
          href={href}
          download="poin-per-bulan.csv"
          data-testid="loyalty-months-csv"
        >
          {t('loyalty.months.csv')}
        </a>
      </div>
      <div className="chart-beside-table">
        <EChart option={option} height={280} label={t('loyalty.months.chartLabel')} />
        <div className="table-scroll" tabIndex={0} aria-label={t('loyalty.months.title')}>
          <table data-testid="loyalty-months-table">
            <thead>
              <tr>
                <th>{t('loyalty.months.month')}</th>
                {headers.map((h) => (
                  <th key={h} className="num">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m, i) => (
                <tr key={m.month}>
                  <th scope="row">{labels[i]}</th>
                  {COLUMNS.map((c) => (
                    <td key={c} className="num">
                      {format.number(m[c])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
