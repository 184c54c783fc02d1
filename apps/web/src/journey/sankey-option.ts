import type { TransitionSummary } from '../api/journey.api.ts';
import { escapeHtml } from './count-bars.tsx';

export interface SankeyWords {
  labelOf: (stage: string | null) => string;
  /** "1.204 perpindahan" for a count. */
  moves: (count: number) => string;
}

/**
 * A Sankey of moves between stages. ECharts draws only acyclic graphs, and the journey is a cycle
 * (a retained customer buys again), so every stage appears twice: once on the left as the stage
 * left, once on the right as the stage entered. Backward and repeated moves stay visible that way.
 */
export function sankeyOption(items: TransitionSummary['items'], words: SankeyWords) {
  const left = (stage: string | null) => `from:${stage ?? ''}`;
  const right = (stage: string) => `to:${stage}`;
  const names = new Map<string, string>();
  for (const item of items) {
    names.set(left(item.from), words.labelOf(item.from));
    names.set(right(item.to), words.labelOf(item.to));
  }
  const totals = new Map<string, number>();
  for (const item of items) {
    totals.set(left(item.from), (totals.get(left(item.from)) ?? 0) + item.count);
    totals.set(right(item.to), (totals.get(right(item.to)) ?? 0) + item.count);
  }
  return {
    // Its entry animation reveals the flows from left to right; a screen read at a glance needs none.
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: {
        dataType: string;
        data: { source?: string; target?: string; value?: number; name?: string };
      }) =>
        p.dataType === 'edge'
          ? `${escapeHtml(names.get(p.data.source ?? '') ?? '')} → ${escapeHtml(names.get(p.data.target ?? '') ?? '')}: ${escapeHtml(words.moves(p.data.value ?? 0))}`
          : `${escapeHtml(names.get(p.data.name ?? '') ?? '')}: ${escapeHtml(words.moves(totals.get(p.data.name ?? '') ?? 0))}`,
    },
    series: [
      {
        type: 'sankey',
        // Stages left are labelled on their left, stages entered on their right: no label over a flow.
        left: 150,
        right: 150,
        top: 16,
        bottom: 16,
        nodeGap: 28, // two-line labels of small neighbouring stages need the room
        nodeAlign: 'justify',
        draggable: false,
        emphasis: { focus: 'adjacency' },
        data: [...names.keys()].map((id) => {
          const isLeft = id.startsWith('from:');
          return { name: id, depth: isLeft ? 0 : 1, label: { position: isLeft ? 'left' : 'right' } };
        }),
        links: items.map((item) => ({ source: left(item.from), target: right(item.to), value: item.count })),
        lineStyle: { color: 'gradient', opacity: 0.35 },
        label: {
          // Name over count, so the longest ("Masuk pertama kali") fits in the margin.
          formatter: (p: { name: string }) =>
            `${names.get(p.name) ?? ''}\n${words.moves(totals.get(p.name) ?? 0)}`,
          lineHeight: 15,
        },
      },
    ],
  };
}
