import type { EChartsCoreOption } from 'echarts/core';

const ACCENT = '#0f766e';
const SECOND = '#b45309';

/** Bars of one money figure per category name, largest on top, as a horizontal bar chart. */
export function barsOption(
  names: string[],
  values: number[],
  money: (n: number) => string,
  seriesName: string,
): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: money },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: shortMoney } },
    yAxis: { type: 'category', data: [...names].reverse(), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [{ type: 'bar', name: seriesName, data: [...values].reverse(), itemStyle: { color: ACCENT } }],
  };
}

/** Net sales as bars and gross profit as a line, per row of the period. */
export function overTimeOption(
  labels: string[],
  netSales: number[],
  grossProfit: number[],
  money: (n: number) => string,
  names: { netSales: string; grossProfit: string },
): EChartsCoreOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: money },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', axisLabel: { formatter: shortMoney } },
    series: [
      { type: 'bar', name: names.netSales, data: netSales, itemStyle: { color: ACCENT } },
      {
        type: 'line',
        name: names.grossProfit,
        data: grossProfit,
        itemStyle: { color: SECOND },
        symbolSize: 4,
      },
    ],
  };
}

/** 1.500.000 as `1,5 jt`, 250.000 as `250 rb`: axis labels a person takes in at a glance. */
export function shortMoney(value: number): string {
  const abs = Math.abs(value);
  const fmt = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(n);
  if (abs >= 1_000_000_000) return `${fmt(value / 1_000_000_000)} M`;
  if (abs >= 1_000_000) return `${fmt(value / 1_000_000)} jt`;
  if (abs >= 1_000) return `${fmt(value / 1_000)} rb`;
  return fmt(value);
}
