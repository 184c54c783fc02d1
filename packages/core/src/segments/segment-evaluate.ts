// Whether one customer belongs to a segment now, and when that can next change by time alone.
import { assertUnreachable } from '../assert.ts';
import type { RfmSegment } from '../analytics/rfm.ts';
import type { CountOp, SegmentCondition, SegmentRules, TraitOp } from './segment-rules.ts';

const DAY_MS = 86_400_000;

/** What is known of a customer when a segment is evaluated. */
export interface SegmentFacts {
  /** Traits, with `name`, `email` and `phone` of the profile among them. */
  readonly traits: Readonly<Record<string, unknown>>;
  readonly stage: string | null;
  readonly status: string | null;
  readonly rfm: RfmSegment | null;
  /** The customer's events of the names the rules read, in any order, at least as far back as they read. */
  readonly events: readonly { name: string; at: number; properties: Readonly<Record<string, unknown>> }[];
  /** Times of the customer's negative experiences, as far back as the rules read. */
  readonly negatives: readonly number[];
}

export interface SegmentVerdict {
  member: boolean;
  /**
   * The next time the verdict can change with no new event (an event leaving a "last N days" window,
   * or a future-dated one entering it); null when only new data can change it.
   */
  dueAt: number | null;
}

/**
 * Evaluates rules for one customer at `now`. A "last N days" window holds the events with
 * now − N days < at ≤ now. Text traits compare without regard to case; a number trait sent as text
 * ("12") compares as a number.
 *
 * @example
 * evaluateSegment(
 *   { match: 'all', conditions: [{ type: 'event_count', event: 'Order Completed', days: 30, op: 'gte', value: 2 }] },
 *   { traits: {}, stage: null, status: null, rfm: null, negatives: [],
 *     events: [{ name: 'Order Completed', at: now - DAY_MS, properties: {} }, { name: 'Order Completed', at: now - 2 * DAY_MS, properties: {} }] },
 *   now,
 * ); // { member: true, dueAt: now + 28 * DAY_MS }
 */
export function evaluateSegment(rules: SegmentRules, facts: SegmentFacts, now: number): SegmentVerdict {
  const due = { at: null as number | null };
  const test = (c: SegmentCondition) => holds(c, facts, now, due);
  const member =
    rules.match === 'all'
      ? rules.conditions.every((c) => ('match' in c ? groupHolds(c, test) : test(c)))
      : rules.conditions.some((c) => ('match' in c ? groupHolds(c, test) : test(c)));
  return { member, dueAt: due.at };
}

function groupHolds(
  g: { match: 'all' | 'any'; conditions: SegmentCondition[] },
  test: (c: SegmentCondition) => boolean,
): boolean {
  return g.match === 'all' ? g.conditions.every(test) : g.conditions.some(test);
}

function holds(c: SegmentCondition, f: SegmentFacts, now: number, due: { at: number | null }): boolean {
  switch (c.type) {
    case 'trait':
      return traitHolds(f.traits[c.trait], c.op, c.value);
    case 'stage':
      return f.stage !== null && c.in.includes(f.stage);
    case 'status':
      return f.status !== null && c.in.includes(f.status);
    case 'rfm':
      return f.rfm !== null && c.in.includes(f.rfm);
    case 'event_count':
    case 'event_sum': {
      let total = 0;
      for (const e of f.events) {
        if (e.name !== c.event) continue;
        if (!inWindow(e.at, c.days, now, due)) continue;
        total += c.type === 'event_count' ? 1 : (numberOf(e.properties[c.property]) ?? 0);
      }
      return compare(total, c.op, c.value);
    }
    case 'negative_count': {
      let total = 0;
      for (const at of f.negatives) if (inWindow(at, c.days, now, due)) total++;
      return compare(total, c.op, c.value);
    }
    default:
      return assertUnreachable(c);
  }
}

/** Whether `at` is inside the window now, noting when it enters (future) or leaves it. */
function inWindow(at: number, days: number, now: number, due: { at: number | null }): boolean {
  const leaves = at + days * DAY_MS;
  let next: number | null = null;
  let inside = false;
  if (at > now) next = at;
  else if (leaves > now) {
    inside = true;
    next = leaves;
  }
  if (next !== null && (due.at === null || next < due.at)) due.at = next;
  return inside;
}

export function compare(x: number, op: CountOp, value: number): boolean {
  switch (op) {
    case 'gte':
      return x >= value;
    case 'gt':
      return x > value;
    case 'eq':
      return x === value;
    case 'lte':
      return x <= value;
    case 'lt':
      return x < value;
    default:
      return assertUnreachable(op);
  }
}

function numberOf(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function traitHolds(actual: unknown, op: TraitOp, value: string | number | boolean | undefined): boolean {
  const present = actual !== undefined && actual !== null && actual !== '';
  switch (op) {
    case 'exists':
      return present;
    case 'not_exists':
      return !present;
    case 'eq':
      return present && same(actual, value);
    case 'neq':
      return !present || !same(actual, value);
    case 'contains': {
      const needle = String(value).toLowerCase();
      if (Array.isArray(actual)) return actual.some((x) => String(x).toLowerCase() === needle);
      return typeof actual === 'string' && actual.toLowerCase().includes(needle);
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const n = numberOf(actual);
      return n !== null && typeof value === 'number' && compare(n, op, value);
    }
    default:
      return assertUnreachable(op);
  }
}

function same(actual: unknown, value: unknown): boolean {
  if (typeof value === 'number') return numberOf(actual) === value;
  if (typeof value === 'boolean') return actual === value || String(actual).toLowerCase() === String(value);
  if (typeof actual !== 'string' && typeof actual !== 'number' && typeof actual !== 'boolean') return false;
  return String(actual).toLowerCase() === String(value).toLowerCase();
}
