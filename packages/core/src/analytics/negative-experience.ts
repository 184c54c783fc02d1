// Negative experiences grouped by kind, touchpoint, branch and employee per week, and the customers
// who had several recently (DESIGN §2.2: after two or three bad experiences most customers leave).

export const NEGATIVE_KINDS = [
  'complaint',
  'low_rating',
  'refund',
  'missed_response',
  'bad_review',
  'other',
] as const;
export type NegativeKind = (typeof NEGATIVE_KINDS)[number];

export const NEGATIVE_DIMENSIONS = ['kind', 'touchpoint', 'branch', 'employee'] as const;
export type NegativeDimension = (typeof NEGATIVE_DIMENSIONS)[number];

/**
 * The kind of a negative experience from the event that carried it. What counts as negative is the
 * workspace's journey rules' call (a complaint is a ticket of category complaint by default; a low
 * rating is an NPS detractor, CSAT 1-2 or CES 1-3; a bad review 1-2 stars); an event a workspace added
 * to its rules itself is `other`.
 *
 * @example negativeKindOf('Order Refunded') // 'refund'
 */
export function negativeKindOf(eventName: string): NegativeKind {
  switch (eventName) {
    case 'Ticket Opened':
      return 'complaint';
    case 'Survey Responded':
      return 'low_rating';
    case 'Order Refunded':
      return 'refund';
    case 'Response Target Missed':
      return 'missed_response';
    case 'Review Posted':
      return 'bad_review';
    default:
      return 'other';
  }
}

export interface NegativeExperience {
  customerId: string;
  /** Local day number (days since 1970-01-01 in the workspace's zone) of the ISO week's Monday. */
  week: number;
  at: number;
  kind: NegativeKind;
  /** The channel it happened on. */
  touchpoint: string;
  /** Branch id, '' for none. */
  branch: string;
  /** Employee id (who served the order, owns the ticket), '' for none. */
  employee: string;
}

export interface NegativeSeries {
  dimension: NegativeDimension;
  key: string;
  /** Count per week, in the order of `weeks`. */
  counts: number[];
  total: number;
}

/**
 * Counts per week for every value of every dimension, the busiest value first in each dimension.
 *
 * @example negativeSeries(list, [20412, 20419]).filter((s) => s.dimension === 'kind')
 */
export function negativeSeries(
  list: readonly NegativeExperience[],
  weeks: readonly number[],
): NegativeSeries[] {
  const index = new Map(weeks.map((w, i) => [w, i]));
  const out: NegativeSeries[] = [];
  for (const dimension of NEGATIVE_DIMENSIONS) {
    const byKey = new Map<string, NegativeSeries>();
    for (const n of list) {
      const i = index.get(n.week);
      if (i === undefined) continue;
      const key = n[dimension];
      let s = byKey.get(key);
      if (!s)
        byKey.set(key, (s = { dimension, key, counts: new Array<number>(weeks.length).fill(0), total: 0 }));
      s.counts[i]!++;
      s.total++;
    }
    out.push(...[...byKey.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)));
  }
  return out;
}

export interface RepeatedNegatives {
  customerId: string;
  count: number;
  lastAt: number;
  kinds: NegativeKind[];
}

/** Customers with at least `min` negative experiences at or after `since`, most first. */
export function repeatedNegatives(
  list: readonly NegativeExperience[],
  since: number,
  min: number,
): RepeatedNegatives[] {
  const by = new Map<string, RepeatedNegatives>();
  for (const n of list) {
    if (n.at < since) continue;
    let r = by.get(n.customerId);
    if (!r) by.set(n.customerId, (r = { customerId: n.customerId, count: 0, lastAt: n.at, kinds: [] }));
    r.count++;
    r.lastAt = Math.max(r.lastAt, n.at);
    if (!r.kinds.includes(n.kind)) r.kinds.push(n.kind);
  }
  return [...by.values()]
    .filter((r) => r.count >= min)
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt || a.customerId.localeCompare(b.customerId));
}
