import { describe, expect, it } from 'vitest';
import { sankeyOption } from './sankey-option.ts';

const words = { labelOf: (s: string | null) => s ?? 'entry', moves: (n: number) => `${n} moves` };

describe('the transitions Sankey', () => {
  it('draws backward and repeated moves as flows of their own, a stage left on one side and entered on the other', () => {
    const option = sankeyOption(
      [
        { from: null, to: 'awareness', count: 5 },
        { from: 'awareness', to: 'purchase', count: 3 },
        { from: 'purchase', to: 'awareness', count: 2 },
        { from: 'retention', to: 'purchase', count: 4 },
        { from: 'purchase', to: 'retention', count: 4 },
      ],
      words,
    );
    const [series] = option.series;
    expect(series!.links).toContainEqual({ source: 'from:purchase', target: 'to:awareness', value: 2 });
    expect(series!.links).toContainEqual({ source: 'from:retention', target: 'to:purchase', value: 4 });
    expect(series!.links).toContainEqual({ source: 'from:purchase', target: 'to:retention', value: 4 });
    // No node is both a source and a target: the cycle becomes two columns ECharts can draw.
    const depths = new Map(series!.data.map((d) => [d.name, d.depth]));
    for (const link of series!.links) {
      expect(depths.get(link.source)).toBe(0);
      expect(depths.get(link.target)).toBe(1);
    }
  });
});
