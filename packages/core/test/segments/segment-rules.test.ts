import { describe, expect, it } from 'vitest';
import {
  evaluateSegment,
  validateSegmentRules,
  type SegmentFacts,
  type SegmentRules,
} from '../../src/index.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T08:00:00Z');
const STAGES = ['awareness', 'consideration', 'purchase', 'experience', 'retention', 'advocacy'];

function facts(overrides: Partial<SegmentFacts> = {}): SegmentFacts {
  return { traits: {}, stage: null, status: null, rfm: null, events: [], negatives: [], ...overrides };
}

function rules(input: unknown): SegmentRules {
  const result = validateSegmentRules(input, STAGES);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.rules;
}

/*
 * 100 generated customers whose answers are known by construction: customer i has (i mod 5) orders,
 * the k-th of them (k + 1) × (i mod 7 + 1) days ago, worth 10.000 × (k + 1); he lives in Bandung when i
 * is even; his stage is the (i mod 6)-th; he had (i mod 4) negative experiences, the j-th j + 1 days ago.
 */
function customer(i: number): SegmentFacts {
  const gap = (i % 7) + 1;
  const events = Array.from({ length: i % 5 }, (_, k) => ({
    name: 'Order Completed',
    at: NOW - (k + 1) * gap * DAY,
    properties: { revenue: 10_000 * (k + 1) },
  }));
  return facts({
    traits: { city: i % 2 === 0 ? 'Bandung' : 'Surabaya', visits: String(i) },
    stage: STAGES[i % 6]!,
    status: 'active',
    events: [...events, { name: 'Product Viewed', at: NOW - DAY, properties: {} }],
    negatives: Array.from({ length: i % 4 }, (_, j) => NOW - (j + 1) * DAY),
  });
}

/** Orders of customer i inside the last `days` days, by the construction above. */
function ordersWithin(i: number, days: number): number[] {
  const gap = (i % 7) + 1;
  return Array.from({ length: i % 5 }, (_, k) => k).filter((k) => (k + 1) * gap < days);
}

describe('segment rules', () => {
  it('names the bad field of invalid rules', () => {
    const result = validateSegmentRules(
      {
        match: 'some',
        conditions: [
          { type: 'trait', trait: 'city', op: 'gt', value: 'x' },
          { match: 'any', conditions: [{ match: 'all', conditions: [] }] },
          { type: 'rfm', in: ['champions', 'kings'] },
          { type: 'weather' },
        ],
      },
      STAGES,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      '/match',
      '/conditions/0/value',
      '/conditions/1/conditions/0',
      '/conditions/2/in/1',
      '/conditions/3/type',
    ]);
  });

  it('counts and sums events inside the window, on generated customers with known answers', () => {
    const r = rules({
      match: 'all',
      conditions: [
        { type: 'event_count', event: 'Order Completed', days: 10, op: 'gte', value: 2 },
        { type: 'event_sum', event: 'Order Completed', days: 10, op: 'gte', value: 30_000 },
      ],
    });
    for (let i = 0; i < 100; i++) {
      const inside = ordersWithin(i, 10);
      const sum = inside.reduce((s, k) => s + 10_000 * (k + 1), 0);
      expect(evaluateSegment(r, customer(i), NOW).member, `customer ${i}`).toBe(
        inside.length >= 2 && sum >= 30_000,
      );
    }
  });

  it('combines traits, stage and negative experiences with all/any and one nested group', () => {
    const r = rules({
      match: 'any',
      conditions: [
        { type: 'negative_count', days: 30, op: 'gte', value: 3 },
        {
          match: 'all',
          conditions: [
            { type: 'trait', trait: 'city', op: 'eq', value: 'bandung' },
            { type: 'stage', in: ['retention', 'advocacy'] },
            { type: 'trait', trait: 'visits', op: 'gt', value: 50 },
          ],
        },
      ],
    });
    const expected: number[] = [];
    for (let i = 0; i < 100; i++) {
      const known = i % 4 >= 3 || (i % 2 === 0 && [4, 5].includes(i % 6) && i > 50);
      if (known) expected.push(i);
    }
    const found = Array.from({ length: 100 }, (_, i) => i).filter(
      (i) => evaluateSegment(r, customer(i), NOW).member,
    );
    expect(found).toEqual(expected);
  });

  it('gives the time the first counted event leaves its window as the due time', () => {
    const r = rules({
      match: 'all',
      conditions: [{ type: 'event_count', event: 'Order Completed', days: 30, op: 'gte', value: 1 }],
    });
    const f = facts({
      events: [
        { name: 'Order Completed', at: NOW - 20 * DAY, properties: {} },
        { name: 'Order Completed', at: NOW - 5 * DAY, properties: {} },
        { name: 'Order Completed', at: NOW - 40 * DAY, properties: {} },
      ],
    });
    expect(evaluateSegment(r, f, NOW)).toEqual({ member: true, dueAt: NOW + 10 * DAY });
    expect(evaluateSegment(r, f, NOW + 25 * DAY - 1)).toEqual({ member: true, dueAt: NOW + 25 * DAY });
    expect(evaluateSegment(r, f, NOW + 25 * DAY)).toEqual({ member: false, dueAt: null });
  });

  it('refuses segment events as a condition, so entered/left cannot feed back into membership', () => {
    const result = validateSegmentRules(
      {
        match: 'all',
        conditions: [{ type: 'event_count', event: 'Segment Left', days: 3, op: 'gte', value: 1 }],
      },
      STAGES,
    );
    expect(result.ok).toBe(false);
  });
});
