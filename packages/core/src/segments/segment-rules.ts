// The rule language of saved segments: conditions on a customer's traits, journey, RFM segment and
// recent events, combined with all/any, one level of nesting. Stored as JSON, validated here.
import { CUSTOMER_STATUSES } from '../journey/journey-state.ts';
import { RFM_SEGMENTS, type RfmSegment } from '../analytics/rfm.ts';

/** Events Jejak records when a customer enters or leaves a segment. The journey and segments ignore them. */
export const SEGMENT_ENTERED = 'Segment Entered';
export const SEGMENT_LEFT = 'Segment Left';
export const SEGMENT_EVENT_NAMES: readonly string[] = Object.freeze([SEGMENT_ENTERED, SEGMENT_LEFT]);

export function isSegmentEvent(name: string): boolean {
  return name === SEGMENT_ENTERED || name === SEGMENT_LEFT;
}

export const TRAIT_OPS = ['eq', 'neq', 'contains', 'exists', 'not_exists', 'gt', 'gte', 'lt', 'lte'] as const;
export type TraitOp = (typeof TRAIT_OPS)[number];
export const COUNT_OPS = ['gte', 'gt', 'eq', 'lte', 'lt'] as const;
export type CountOp = (typeof COUNT_OPS)[number];
export const CONDITION_TYPES = [
  'trait',
  'stage',
  'status',
  'rfm',
  'event_count',
  'event_sum',
  'negative_count',
] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

export type SegmentCondition =
  | { type: 'trait'; trait: string; op: TraitOp; value?: string | number | boolean }
  | { type: 'stage'; in: string[] }
  | { type: 'status'; in: string[] }
  | { type: 'rfm'; in: RfmSegment[] }
  | { type: 'event_count'; event: string; days: number; op: CountOp; value: number }
  | { type: 'event_sum'; event: string; property: string; days: number; op: CountOp; value: number }
  | { type: 'negative_count'; days: number; op: CountOp; value: number };

export interface SegmentGroup {
  match: 'all' | 'any';
  conditions: SegmentCondition[];
}

/** The top group may hold conditions and groups of conditions (one level of nesting). */
export interface SegmentRules {
  match: 'all' | 'any';
  conditions: (SegmentCondition | SegmentGroup)[];
}

export interface SegmentRuleError {
  /** JSON pointer of the bad field, e.g. `/conditions/1/days`. */
  path: string;
  message: string;
}

export type SegmentRulesResult =
  { ok: true; rules: SegmentRules } | { ok: false; errors: SegmentRuleError[] };

export const MAX_SEGMENT_DAYS = 3650;
const MAX_CONDITIONS = 50;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a segment's rules and returns them normalised (unknown fields dropped), or every error with
 * the path of its field. Stage keys are checked against `stages` (the workspace's journey stages).
 *
 * @example
 * validateSegmentRules({ match: 'all', conditions: [{ type: 'stage', in: ['retention'] }] }, ['retention']);
 * // { ok: true, rules: { match: 'all', conditions: [{ type: 'stage', in: ['retention'] }] } }
 */
export function validateSegmentRules(input: unknown, stages: readonly string[]): SegmentRulesResult {
  const errors: SegmentRuleError[] = [];
  const rules = group(input, '', 0, stages, errors);
  return rules && errors.length === 0 ? { ok: true, rules } : { ok: false, errors };
}

function group(
  input: unknown,
  path: string,
  depth: number,
  stages: readonly string[],
  errors: SegmentRuleError[],
): SegmentRules | null {
  const at = path || '/';
  if (!isRecord(input)) {
    errors.push({ path: at, message: 'must be an object with "match" and "conditions"' });
    return null;
  }
  if (input.match !== 'all' && input.match !== 'any')
    errors.push({ path: `${path}/match`, message: 'must be "all" or "any"' });
  if (!Array.isArray(input.conditions)) {
    errors.push({ path: `${path}/conditions`, message: 'must be a list of conditions' });
    return null;
  }
  if (input.conditions.length === 0)
    errors.push({ path: `${path}/conditions`, message: 'needs at least one condition' });
  if (input.conditions.length > MAX_CONDITIONS)
    errors.push({ path: `${path}/conditions`, message: `may hold at most ${MAX_CONDITIONS} conditions` });
  const conditions: (SegmentCondition | SegmentGroup)[] = [];
  input.conditions.forEach((item: unknown, i: number) => {
    const p = `${path}/conditions/${i}`;
    if (isRecord(item) && 'match' in item) {
      if (depth >= 1) {
        errors.push({ path: p, message: 'groups nest one level deep only' });
        return;
      }
      const inner = group(item, p, depth + 1, stages, errors);
      if (inner) conditions.push(inner as SegmentGroup);
      return;
    }
    const c = condition(item, p, stages, errors);
    if (c) conditions.push(c);
  });
  return { match: input.match === 'any' ? 'any' : 'all', conditions };
}

function condition(
  input: unknown,
  path: string,
  stages: readonly string[],
  errors: SegmentRuleError[],
): SegmentCondition | null {
  if (!isRecord(input)) {
    errors.push({ path, message: 'must be a condition object with a "type"' });
    return null;
  }
  const before = errors.length;
  const err = (field: string, message: string) => errors.push({ path: `${path}/${field}`, message });
  const type = input.type;
  switch (type) {
    case 'trait': {
      const trait = nonEmpty(input.trait, 'trait', err);
      const op = oneOf(input.op, TRAIT_OPS, 'op', err);
      const value = input.value;
      if (op === 'exists' || op === 'not_exists') {
        return errors.length === before ? { type, trait: trait!, op: op } : null;
      }
      if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') {
        if (typeof value !== 'number' || !Number.isFinite(value)) err('value', 'must be a number to compare');
      } else if (op === 'contains') {
        if (typeof value !== 'string' || value === '') err('value', 'must be a non-empty text');
      } else if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        err('value', 'must be a text, a number or true/false');
      }
      return errors.length === before ? { type, trait: trait!, op: op!, value: value as string } : null;
    }
    case 'stage': {
      const list = keys(input.in, stages, 'a journey stage of this workspace', err);
      return errors.length === before ? { type, in: list } : null;
    }
    case 'status': {
      const list = keys(input.in, CUSTOMER_STATUSES, 'a customer status', err);
      return errors.length === before ? { type, in: list } : null;
    }
    case 'rfm': {
      const list = keys(input.in, RFM_SEGMENTS, 'an RFM segment', err);
      return errors.length === before ? { type, in: list } : null;
    }
    case 'event_count':
    case 'event_sum':
    case 'negative_count': {
      const event = type === 'negative_count' ? '' : nonEmpty(input.event, 'event', err);
      if (event && isSegmentEvent(event))
        err('event', `"${event}" is recorded by segments themselves and cannot define one`);
      const days = input.days;
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_SEGMENT_DAYS)
        err('days', `must be a whole number of days from 1 to ${MAX_SEGMENT_DAYS}`);
      const op = oneOf(input.op, COUNT_OPS, 'op', err);
      const value = input.value;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        err('value', 'must be a number, 0 or more');
      else if (type !== 'event_sum' && !Number.isInteger(value)) err('value', 'must be a whole number');
      let property = 'revenue';
      if (type === 'event_sum' && input.property !== undefined)
        property = nonEmpty(input.property, 'property', err) ?? property;
      if (errors.length !== before) return null;
      const common = { days: days as number, op: op!, value: value as number };
      if (type === 'negative_count') return { type, ...common };
      if (type === 'event_count') return { type, event: event!, ...common };
      return { type, event: event!, property, ...common };
    }
    default:
      errors.push({
        path: `${path}/type`,
        message: `must be one of ${CONDITION_TYPES.join(', ')}`,
      });
      return null;
  }
}

function nonEmpty(v: unknown, field: string, err: (f: string, m: string) => void): string | null {
  if (typeof v !== 'string' || v.trim() === '' || v.length > 200) {
    err(field, 'must be a non-empty text of at most 200 characters');
    return null;
  }
  return v.trim();
}

function oneOf<T extends string>(
  v: unknown,
  allowed: readonly T[],
  field: string,
  err: (f: string, m: string) => void,
): T | null {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  err(field, `must be one of ${allowed.join(', ')}`);
  return null;
}

function keys<T extends string>(
  v: unknown,
  allowed: readonly T[],
  what: string,
  err: (f: string, m: string) => void,
): T[] {
  if (!Array.isArray(v) || v.length === 0) {
    err('in', `must be a non-empty list, each ${what}`);
    return [];
  }
  v.forEach((k: unknown, i: number) => {
    if (typeof k !== 'string' || !(allowed as readonly string[]).includes(k))
      err(`in/${i}`, `"${String(k)}" is not ${what}`);
  });
  return v as T[];
}

/** Every condition of the rules, nested ones included. */
export function conditionsOf(rules: SegmentRules): SegmentCondition[] {
  return rules.conditions.flatMap((c) => ('match' in c ? c.conditions : [c]));
}

/** What a set of rules needs to be evaluated: which events, how far back, RFM, negatives. */
export interface SegmentNeeds {
  /** Event names counted or summed, with the longest window each is read over (days). */
  events: Map<string, number>;
  /** Longest window over negative experiences (days), 0 when none is read. */
  negativeDays: number;
  rfm: boolean;
}

export function needsOf(all: Iterable<SegmentRules>): SegmentNeeds {
  const needs: SegmentNeeds = { events: new Map(), negativeDays: 0, rfm: false };
  for (const rules of all) {
    for (const c of conditionsOf(rules)) {
      if (c.type === 'event_count' || c.type === 'event_sum')
        needs.events.set(c.event, Math.max(needs.events.get(c.event) ?? 0, c.days));
      else if (c.type === 'negative_count') needs.negativeDays = Math.max(needs.negativeDays, c.days);
      else if (c.type === 'rfm') needs.rfm = true;
    }
  }
  return needs;
}
