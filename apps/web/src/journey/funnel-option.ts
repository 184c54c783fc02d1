import type { FunnelStage } from '../api/journey.api.ts';
import { escapeHtml } from './count-bars.tsx';
import { stageColor } from './stage-colors.ts';

export interface FunnelWords {
  labelOf: (stage: FunnelStage) => string;
  /** What a segment says: "Kesadaran: 1.204 masuk". */
  label: (stage: FunnelStage) => string;
  tooltip: (stage: FunnelStage) => string;
}

/**
 * The stages of the period as an ECharts funnel, widest for the stage most entered, in journey order
 * (not sorted by size: a business whose later stage fills up should see that). Labels sit to the right
 * of the funnel, where a narrow stage still has room for its words.
 */
export function funnelOption(all: readonly FunnelStage[], words: FunnelWords) {
  // A stage nobody entered would draw as a sliver that widens into the next: the table still lists it.
  const colours = new Map(all.map((s, i) => [s.key, stageColor(i)]));
  const stages = all.filter((s) => s.entered > 0);
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const stage = stages[p.dataIndex];
        return stage ? escapeHtml(words.tooltip(stage)) : '';
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: 8,
        top: 8,
        bottom: 8,
        width: '52%',
        minSize: '6%',
        gap: 3,
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const stage = stages[p.dataIndex];
            return stage ? words.label(stage) : '';
          },
          color: '#1f2a27',
        },
        labelLine: { show: true, length: 12 },
        data: stages.map((s) => ({
          name: words.labelOf(s),
          value: s.entered,
          itemStyle: { color: colours.get(s.key) },
        })),
      },
    ],
  };
}
