// RFM: recency, frequency and monetary value scored 1 to 5 across a workspace's buyers, and the
// usual segments named from the recency and frequency scores.
import type { Purchase } from './purchase-history.ts';

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new_customer',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmCustomer {
  readonly customerId: string;
  /** Days from the last purchase to `asOf`. */
  readonly recencyDays: number;
  /** Days with a purchase. */
  readonly frequency: number;
  /** What the customer paid in all, net of refunds. */
  readonly monetary: number;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly segment: RfmSegment;
}

/*
 * The segment of each (recency score, frequency score) cell, recency 1..5 down, frequency 1..5 across:
 * the grid that RFM practice draws (champions bought recently and often; hibernating neither).
 */
const GRID: readonly (readonly RfmSegment[])[] = [
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  ['new_customer', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
];

export function rfmSegment(r: number, f: number): RfmSegment {
  return GRID[r - 1]![f - 1]!;
}

/**
 * Scores every buyer 1 to 5 on each measure by the share of buyers he does better than:
 * score = 1 + floor(5 × (buyers strictly worse) / (all buyers)). Equal values always get equal
 * scores (no tie is broken by order, so the result does not depend on how rows were sorted), and a
 * measure where most buyers are equal (most bought once) leaves them all at 1 rather than spreading
 * them over made-up quintiles. Recency: fewer days is better; frequency and monetary: more is better.
 * Purchases on one day are one purchase. Purchases after `asOfDay` are ignored.
 *
 * @example scoreRfm(purchases, today).filter((c) => c.segment === 'at_risk')
 */
export function scoreRfm(purchases: Iterable<Purchase>, asOfDay: number): RfmCustomer[] {
  const byCustomer = new Map<string, { days: Set<number>; last: number; monetary: number }>();
  for (const p of purchases) {
    if (p.day > asOfDay) continue;
    let c = byCustomer.get(p.customerId);
    if (!c) byCustomer.set(p.customerId, (c = { days: new Set(), last: p.day, monetary: 0 }));
    c.days.add(p.day);
    c.last = Math.max(c.last, p.day);
    c.monetary += p.amount;
  }
  const rows = [...byCustomer].map(([customerId, c]) => ({
    customerId,
    recencyDays: asOfDay - c.last,
    frequency: c.days.size,
    monetary: c.monetary,
  }));
  const r = scores(rows.map((x) => -x.recencyDays));
  const f = scores(rows.map((x) => x.frequency));
  const m = scores(rows.map((x) => x.monetary));
  return rows.map((x, i) => ({ ...x, r: r[i]!, f: f[i]!, m: m[i]!, segment: rfmSegment(r[i]!, f[i]!) }));
}

/** 1 + floor(5 × (values strictly below) / n) for each value, higher being better. */
function scores(values: readonly number[]): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((v) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return 1 + Math.floor((5 * lo) / n);
  });
}

export interface RfmSegmentSummary {
  readonly segment: RfmSegment;
  readonly customers: number;
  readonly share: number;
  readonly averageRecencyDays: number;
  readonly averageFrequency: number;
  readonly averageMonetary: number;
  readonly monetary: number;
}

/** Customers, averages and revenue per segment, in RFM_SEGMENTS order (empty segments included). */
export function summarizeRfm(customers: readonly RfmCustomer[]): RfmSegmentSummary[] {
  return RFM_SEGMENTS.map((segment) => {
    const members = customers.filter((c) => c.segment === segment);
    const n = members.length;
    const sum = (pick: (c: RfmCustomer) => number) => members.reduce((s, c) => s + pick(c), 0);
    return {
      segment,
      customers: n,
      share: customers.length ? n / customers.length : 0,
      averageRecencyDays: n ? sum((c) => c.recencyDays) / n : 0,
      averageFrequency: n ? sum((c) => c.frequency) / n : 0,
      averageMonetary: n ? sum((c) => c.monetary) / n : 0,
      monetary: sum((c) => c.monetary),
    };
  });
}
