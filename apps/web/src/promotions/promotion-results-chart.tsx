import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { Promotion, PromotionResult } from '../api/promotions.api.ts';
import { EChart } from '../charts/echart.tsx';
import { shortMoney } from '../reports/chart-options.ts';

/** A CSV of the rows, with a header in the reader's language, as a link's data URL. */
function csvHref(header: string[], rows: (string | number)[][]): string {
  const quote = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`);
  const text = [header, ...rows].map((r) => r.map(quote).join(',')).join('\n');
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`${text}\n`)}`;
}

/**
 * Per promotion: the revenue of the orders that used it beside the discount it gave, as bars (the
 * table below has every figure), and the CSV of those figures.
 */
export function PromotionResultsChart({
  promotions,
  results,
  money,
}: {
  promotions: Promotion[];
  results: PromotionResult[];
  money: (n: number) => string;
}) {
  const { t } = useTranslation();
  const byId = new Map(results.map((r) => [r.promotionId, r]));
  const rows = promotions.map((p) => ({ name: p.name, r: byId.get(p.id) }));
  const used = rows.filter((row) => (row.r?.redemptions ?? 0) > 0);
  const option = useMemo<EChartsCoreOption>(() => {
    const names = used.map((row) => row.name).reverse();
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: money },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: shortMoney } },
      yAxis: { type: 'category', data: names, axisLabel: { width: 160, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('promotions.col.revenue'),
          data: used.map((row) => row.r!.revenue).reverse(),
          itemStyle: { color: '#0f766e' },
        },
        {
          type: 'bar',
          name: t('promotions.col.discount'),
          data: used.map((row) => row.r!.discount).reverse(),
          itemStyle: { color: '#b45309' },
        },
      ],
    };
  }, [used, money, t]);
  const href = csvHref(
    [
      t('promotions.col.name'),
      t('promotions.col.redemptions'),
      t('promotions.col.reversed'),
      t('promotions.col.discount'),
      t('promotions.col.revenue'),
      t('promotions.col.customers'),
    ],
    rows.map(({ name, r }) => [
      name,
      r?.redemptions ?? 0,
      r?.reversed ?? 0,
      r?.discount ?? 0,
      r?.revenue ?? 0,
      r?.customers ?? 0,
    ]),
  );
  return (
    <div className="promotion-chart" data-testid="promotion-chart">
      <div className="promotion-chart-head">
        <p className="muted">{t('promotions.chartHint')}</p>
        <a
          className="button secondary"
          href={href}
          download="hasil-promo.csv"
          data-testid="promotion-results-csv"
        >
          {t('promotions.csv')}
        </a>
      </div>
      {used.length > 0 ? (
        <EChart
          option={option}
          height={Math.max(140, 60 + used.length * 44)}
          label={t('promotions.chartLabel')}
        />
      ) : (
        <p className="muted">{t('promotions.noRedemptions')}</p>
      )}
    </div>
  );
}
