// Paths: what customers did after (or before) a chosen event, as counted transitions between
// (step, event name) nodes — a Sankey with no cycles, since every link goes one step further.
import type { EventColumns } from './event-columns.ts';

export interface PathsQuery {
  /** The event the paths start from (direction `after`) or lead to (`before`). */
  event: string;
  direction: 'after' | 'before';
  /** How many events after (or before) the anchor, 1..10. */
  steps: number;
  /** Keep only this many transitions per step, the most travelled; 1..100. */
  topPerStep: number;
  /** The anchor is the customer's first such event in [from, to) (`after`), or his last (`before`). */
  from?: number;
  to?: number;
}

export interface PathNode {
  /** `step:name`; step 0 is the anchor, 1..n after it (or -1..-n before it). */
  id: string;
  step: number;
  name: string;
  customers: number;
}

export interface PathLink {
  source: string;
  target: string;
  customers: number;
}

export interface PathsResult {
  /** Customers who did the anchor event. */
  customers: number;
  nodes: PathNode[];
  links: PathLink[];
  /** Per step (1..n): customers whose path ended before it (no further event). */
  ended: number[];
  /** The kept transitions of each step with how many customers made them (of all who got that far). */
  transitions: PathTransition[];
}

export interface PathTransition {
  /** 1..n: the transition into the step-th event after (before) the anchor. */
  step: number;
  from: string;
  to: string;
  customers: number;
}

export const MAX_PATH_STEPS = 10;

const nodeId = (step: number, name: string) => `${step}:${name}`;

/**
 * Per customer: his first anchor event in the period (direction `after`) or his last one (`before`),
 * and the next (previous) `steps` events in his time order, whatever they are. Transitions are
 * counted per customer once per step; the top `topPerStep` transitions of each step are kept, and a
 * node counts the customers that reached it through a kept link (the anchor: all of them).
 */
export function computePaths(columns: EventColumns, query: PathsQuery): PathsResult {
  const anchor = columns.names.indexOf(query.event);
  const n = query.steps;
  const result: PathsResult = {
    customers: 0,
    nodes: [],
    links: [],
    ended: new Array<number>(n).fill(0),
    transitions: [],
  };
  if (anchor < 0) return result;
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const names = columns.name;
  const at = columns.at;
  const start = columns.customerStart;
  // Transition counts per step: key = previous name code * names + next name code.
  const width = columns.names.length;
  const counts: Map<number, number>[] = Array.from({ length: n }, () => new Map<number, number>());
  const sign = query.direction === 'after' ? 1 : -1;
  // The sequence of each customer, to count node reach through kept links afterwards.
  const sequences: Uint32Array[] = [];
  for (let c = 0; c < columns.customerIds.length; c++) {
    const lo = start[c]!;
    const hi = start[c + 1]!;
    let a = -1;
    if (sign === 1) {
      for (let i = lo; i < hi; i++) {
        if (names[i] === anchor && at[i]! >= from && at[i]! < to) {
          a = i;
          break;
        }
      }
    } else {
      for (let i = hi - 1; i >= lo; i--) {
        if (names[i] === anchor && at[i]! >= from && at[i]! < to) {
          a = i;
          break;
        }
      }
    }
    if (a < 0) continue;
    result.customers++;
    const sequence: number[] = [anchor];
    let prev = anchor;
    for (let s = 1; s <= n; s++) {
      const i = a + sign * s;
      if (i < lo || i >= hi) {
        result.ended[s - 1]!++;
        break;
      }
      const next = names[i]!;
      const key = prev * width + next;
      counts[s - 1]!.set(key, (counts[s - 1]!.get(key) ?? 0) + 1);
      sequence.push(next);
      prev = next;
    }
    sequences.push(Uint32Array.from(sequence));
  }
  if (result.customers === 0) return result;
  const kept: Set<number>[] = counts.map((m) => {
    const top = [...m.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, query.topPerStep);
    return new Set(top.map(([key]) => key));
  });
  counts.forEach((m, s) => {
    for (const key of kept[s]!) {
      result.transitions.push({
        step: s + 1,
        from: columns.names[Math.floor(key / width)]!,
        to: columns.names[key % width]!,
        customers: m.get(key)!,
      });
    }
  });
  result.transitions.sort((x, y) => x.step - y.step || y.customers - x.customers);
  // Nodes reached through kept links only, so the Sankey's flows add up.
  const nodeCounts = new Map<string, { step: number; name: string; customers: number }>();
  const linkCounts = new Map<string, PathLink>();
  const bump = (step: number, code: number) => {
    const name = columns.names[code]!;
    const id = nodeId(step * sign, name);
    const node = nodeCounts.get(id) ?? { step: step * sign, name, customers: 0 };
    node.customers++;
    nodeCounts.set(id, node);
  };
  for (const sequence of sequences) {
    bump(0, sequence[0]!);
    for (let s = 1; s < sequence.length; s++) {
      const key = sequence[s - 1]! * width + sequence[s]!;
      if (!kept[s - 1]!.has(key)) break;
      bump(s, sequence[s]!);
      const source = nodeId((s - 1) * sign, columns.names[sequence[s - 1]!]!);
      const target = nodeId(s * sign, columns.names[sequence[s]!]!);
      const id = `${source}>${target}`;
      const link = linkCounts.get(id) ?? { source, target, customers: 0 };
      link.customers++;
      linkCounts.set(id, link);
    }
  }
  result.nodes = [...nodeCounts.entries()]
    .map(([id, v]) => ({ id, ...v }))
    .sort(
      (x, y) =>
        Math.abs(x.step) - Math.abs(y.step) || y.customers - x.customers || (x.name < y.name ? -1 : 1),
    );
  const depth = (id: string) => Math.abs(Number(id.slice(0, id.indexOf(':'))));
  result.links = [...linkCounts.values()].sort(
    (x, y) =>
      depth(x.source) - depth(y.source) ||
      y.customers - x.customers ||
      (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : 1),
  );
  return result;
}
