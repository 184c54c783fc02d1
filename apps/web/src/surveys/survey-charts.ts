import type { EChartsCoreOption } from 'echarts/core';

const ACCENT = '#2f6f5e';
const GROUP_COLORS = { positive: '#2f6f5e', neutral: '#b9a66b', negative: '#a3322b' };

/** The score per bucket as a line; buckets without answers are left out rather than drawn as zero. */
export function trendOption(
  points: { start: string; score: number | null }[],
  label: (d: string) => string,
  unit: string,
): EChartsCoreOption {
  return {
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)} ${unit}`.trim() },
    xAxis: { type: 'category', data: points.map((p) => label(p.start)) },
    yAxis: { type: 'value' },
    series: [{ type: 'line', data: points.map((p) => p.score), color: ACCENT, symbolSize: 8 }],
  };
}

/** Answers per scale value, each bar coloured by the side of the scale it falls on. */
export function distributionOption(
  bars: { value: number; count: number; group: 'positive' | 'neutral' | 'negative' }[],
  countLabel: string,
): EChartsCoreOption {
  return {
    grid: { left: 40, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)} ${countLabel}` },
    xAxis: { type: 'category', data: bars.map((b) => String(b.value)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => ({ value: b.count, itemStyle: { color: GROUP_COLORS[b.group] } })),
      },
    ],
  };
}
