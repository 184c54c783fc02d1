import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/channel.ts';
import { compareEvents, EVENT_TYPES, type JourneyEvent } from '../../src/event.ts';
import { EVENT_CATALOGUE } from '../../src/journey/event-catalogue.ts';
import { advance, applyEvent, isLate, replay } from '../../src/journey/journey.engine.ts';
import { initialState, type JourneyState, type Transition } from '../../src/journey/journey-state.ts';
import { DEFAULT_RULES } from '../../src/journey/rules.default.ts';
import { validateRules } from '../../src/journey/rules.validate.ts';
import { DAY, rulesWith, T0 } from './journey.factory.ts';

// Short windows and a timer chain, so a year of events crosses many more deadlines than the defaults do.
const BUSY_RULES = rulesWith({
  timers: [
    { to: 'experience', from: ['purchase'], afterHours: 24 },
    { to: 'retention', from: ['experience'], afterHours: 100 },
  ],
  status: {
    prospectRhythmDays: 7,
    defaultRhythmDays: 10,
    minRhythmDays: 0.5,
    atRiskFactor: 1.2,
    churnFactor: 2,
    negativeWindowDays: 20,
    wonBackDays: 10,
  },
});

const NAMES = [...EVENT_CATALOGUE.map((e) => e.name), 'Identified', 'Coupon Copied', 'Order Cancelled'];

const time = fc.oneof(
  fc.integer({ min: 0, max: 365 }).map((d) => T0 + d * DAY), // whole days: many exact ties with events and deadlines
  fc.integer({ min: 0, max: 365 * DAY }).map((ms) => T0 + ms),
  fc.integer({ min: 0, max: 20 }).map((h) => T0 + h * 3_600_000),
);

const properties = fc.record(
  {
    rating: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('5', '1', 'bad')),
    score: fc.integer({ min: 0, max: 10 }),
    survey_type: fc.constantFrom('nps', 'csat', 'ces'),
    category: fc.constantFrom('complaint', 'question', 'product', 'pricing', 'comparison', 'blog'),
    stage: fc.constantFrom('consideration', 'awareness'),
  },
  { requiredKeys: [] },
);

const anyEvent = fc.record({
  idKey: fc.integer({ min: 0, max: 99 }),
  type: fc.oneof(
    { weight: 4, arbitrary: fc.constant('track' as const) },
    { weight: 1, arbitrary: fc.constantFrom(...EVENT_TYPES) },
  ),
  name: fc.oneof(
    { weight: 3, arbitrary: fc.constant('Order Completed') },
    {
      weight: 2,
      arbitrary: fc.constantFrom('Review Posted', 'Survey Responded', 'Ticket Opened', 'Product Shared'),
    },
    { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  ),
  at: time,
  channel: fc.constantFrom(...CHANNELS),
  properties,
});

/** Unique message ids; a random prefix decides the order among events at the same time. */
const events = fc
  .array(anyEvent, { maxLength: 40 })
  .map((list): JourneyEvent[] =>
    list.map(({ idKey, ...e }, i) => ({ ...e, messageId: `${String(idKey).padStart(2, '0')}-${i}` })),
  );

/** How the events reach the engine: arrival order, batches, and clock ticks between batches. */
const delivery = fc.record({
  disorder: fc.constantFrom(0, 2, 10, 1_000),
  noise: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  batchSizes: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 40, maxLength: 40 }),
  sortBatch: fc.boolean(),
  ticks: fc.array(fc.option(fc.integer({ min: -2 * DAY, max: 60 * DAY })), { minLength: 40, maxLength: 40 }),
  finalExtra: fc.integer({ min: 0, max: 400 * DAY }),
});

const rulesArb = fc.constantFrom(DEFAULT_RULES, BUSY_RULES);

function arrivalOrder(list: JourneyEvent[], disorder: number, noise: number[]): JourneyEvent[] {
  const sorted = list.slice().sort(compareEvents);
  const keyed = sorted.map((e, i) => ({ e, key: i + ((noise[i] ?? 0) % (disorder + 1)) }));
  return keyed.sort((a, b) => a.key - b.key).map((k) => k.e);
}

describe('the engine is a replay, however events arrive', () => {
  it('uses valid rule sets', () => {
    expect(validateRules(BUSY_RULES).ok).toBe(true);
  });

  it('ends in the state and transitions of a replay, whatever the order, batching and clock ticks', () => {
    fc.assert(
      fc.property(events, delivery, rulesArb, (all, d, rules) => {
        const arrived = arrivalOrder(all, d.disorder, d.noise);
        let state: JourneyState = initialState();
        let log: Transition[] = [];
        const seen: JourneyEvent[] = [];
        let latestTick = -Infinity;
        let offset = 0;
        for (let b = 0; offset < arrived.length; b++) {
          const batch = arrived.slice(offset, offset + (d.batchSizes[b] ?? 1));
          offset += batch.length;
          if (d.sortBatch) batch.sort(compareEvents);
          for (const event of batch) {
            seen.push(event);
            const late = isLate(state, event);
            const step = late ? replay(seen, rules) : applyEvent(state, event, rules);
            log = late ? step.transitions : [...log, ...step.transitions];
            state = step.state;
          }
          const tick = d.ticks[b];
          if (tick !== null && tick !== undefined) {
            const at = (batch.at(-1)?.at ?? T0) + tick;
            latestTick = Math.max(latestTick, at);
            const step = advance(state, at, rules);
            state = step.state;
            log = [...log, ...step.transitions];
          }
        }
        const lastAt = Math.max(T0, ...all.map((e) => e.at));
        const until = Math.max(lastAt, latestTick) + d.finalExtra;
        const final = advance(state, until, rules);
        const expected = replay(all, rules, until);
        expect(final.state).toEqual(expected.state);
        expect([...log, ...final.transitions]).toEqual(expected.transitions);
      }),
      { numRuns: 1000 },
    );
  });

  it('advances idempotently and composably', () => {
    const gaps = fc.tuple(fc.integer({ min: 0, max: 200 * DAY }), fc.integer({ min: 0, max: 200 * DAY }));
    fc.assert(
      fc.property(events, gaps, rulesArb, (all, [first, second], rules) => {
        const { state } = replay(all, rules);
        const a = (state.clock ?? T0) + first;
        const b = a + second;
        const viaA = advance(state, a, rules);
        const again = advance(viaA.state, a, rules);
        expect(again).toEqual({ state: viaA.state, transitions: [] });
        const direct = advance(state, b, rules);
        const stepwise = advance(viaA.state, b, rules);
        expect(stepwise.state).toEqual(direct.state);
        expect([...viaA.transitions, ...stepwise.transitions]).toEqual(direct.transitions);
      }),
      { numRuns: 500 },
    );
  });
});
