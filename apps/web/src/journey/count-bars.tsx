import { useMemo } from 'react';
import { EChart } from '../charts/echart.tsx';

export interface Bar {
  label: string;
  value: number;
  /** What the bar's label says, with its unit: "1.204 pelanggan". */
  text: string;
}

interface Props {
  bars: Bar[];
  /** The axis' meaning, e.g. "Pelanggan". */
  unit: string;
  label: string;
  color: string;
  /** Axis numbers in the reader's convention (ECharts would write 1,200 for Rp-land's 1.200). */
  formatNumber: (value: number) => string;
}

const ROW_HEIGHT = 40;

/** Horizontal bars in the given order (the journey's order, not sorted by size), labelled with units. */
export function CountBars({ bars, unit, label, color, formatNumber }: Props) {
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 120, top: 8, bottom: 28, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => tooltip(bars[p.dataIndex]) },
      animationDuration: 300,
      xAxis: {
        type: 'value',
        name: unit,
        nameLocation: 'middle',
        nameGap: 24,
        minInterval: 1,
        axisLabel: { hideOverlap: true, formatter: formatNumber },
      },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => b.value),
          itemStyle: { color, borderRadius: [0, 4, 4, 0] },
          barMaxWidth: 26,
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => bars[p.dataIndex]?.text ?? '',
          },
        },
      ],
    }),
    [bars, unit, color, formatNumber],
  );
  return <EChart option={option} height={bars.length * ROW_HEIGHT + 44} label={label} />;
}

function tooltip(bar: Bar | undefined): string {
  return bar ? `${escapeHtml(bar.label)}: ${escapeHtml(bar.text)}` : '';
}

/** ECharts puts tooltip text into HTML; stage names come from the workspace's own rules. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
