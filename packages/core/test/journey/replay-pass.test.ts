import { describe, expect, it } from 'vitest';
import type { JourneyEvent } from '../../src/event.ts';
import { replay } from '../../src/journey/journey.engine.ts';
import type { Transition } from '../../src/journey/journey-state.ts';
import { ReplayPass } from '../../src/journey/replay-pass.ts';
import { DEFAULT_RULES } from '../../src/journey/rules.default.ts';
import { namesReadingProperties } from '../../src/journey/rules.properties.ts';
import { aNegative, anEvent, anOrder, DAY, HOUR, rulesWith, T0 } from './journey.factory.ts';

type Tagged = { customerId: string; event: JourneyEvent };

function runPass(events: readonly Tagged[], until: number) {
  const transitions = new Map<string, Transition[]>();
  const pass = new ReplayPass(DEFAULT_RULES, (customerId, t) => {
    transitions.set(customerId, [...(transitions.get(customerId) ?? []), t]);
  });
  for (const { customerId, event } of events) pass.apply(customerId, event);
  const states = new Map(pass.finish(until));
  return { pass, states, transitions };
}

const ana = (event: JourneyEvent): Tagged => ({ customerId: 'ana', event });
const budi = (event: JourneyEvent): Tagged => ({ customerId: 'budi', event });

describe('ReplayPass', () => {
  it('gives every customer the state and transitions of replaying his own events, whatever the interleaving', () => {
    const anaEvents = [
      anEvent({ name: 'Page Viewed', at: T0, properties: { category: 'pricing' } }),
      anOrder(T0 + HOUR),
      aNegative(T0 + 5 * DAY),
    ];
    const budiEvents = [anEvent({ at: T0 + 30 * 60_000 }), anOrder(T0 + 2 * DAY), anOrder(T0 + 40 * DAY)];
    const interleaved = [
      ana(anaEvents[0]!),
      budi(budiEvents[0]!),
      ana(anaEvents[1]!),
      budi(budiEvents[1]!),
      ana(anaEvents[2]!),
      budi(budiEvents[2]!),
    ];
    const until = T0 + 400 * DAY;
    const { pass, states, transitions } = runPass(interleaved, until);

    for (const [customerId, events] of [
      ['ana', anaEvents],
      ['budi', budiEvents],
    ] as const) {
      const expected = replay(events, DEFAULT_RULES, until);
      expect(states.get(customerId)).toEqual(expected.state);
      expect(transitions.get(customerId)).toEqual(expected.transitions);
    }
    expect(pass.late()).toEqual([]);
    expect(pass.customers).toBe(2);
  });

  it('sets aside a customer whose events come out of order and hands over only the others', () => {
    const first = anEvent({ at: T0 });
    const later = anOrder(T0 + DAY);
    const earlier = anEvent({ at: T0 + HOUR });
    const { pass, states } = runPass([ana(first), ana(later), budi(anEvent()), ana(earlier)], T0 + 2 * DAY);
    expect(pass.late()).toEqual(['ana']);
    expect([...states.keys()]).toEqual(['budi']);
    expect(pass.customers).toBe(2);
  });

  it('refuses to advance journeys to a time that is not one', () => {
    const pass = new ReplayPass(DEFAULT_RULES, () => undefined);
    pass.apply('ana', anEvent());
    expect(() => [...pass.finish(Number.NaN)]).toThrow(/not a time/);
  });
});

describe('namesReadingProperties', () => {
  it('lists the names of the default rules that carry a where, and the orders, and no other', () => {
    expect([...(namesReadingProperties(DEFAULT_RULES) as Set<string>)].sort()).toEqual([
      'Content Viewed',
      'Order Completed',
      'Page Viewed',
      'Review Posted',
      'Survey Responded',
      'Ticket Opened',
    ]);
  });

  it("answers 'all' when a rule with a where matches every event name", () => {
    const rules = rulesWith({
      negative: [{ event: '*', where: [{ property: 'complaint', op: 'exists' }] }],
    });
    expect(namesReadingProperties(rules)).toBe('all');
  });

  it("answers 'all' when every event counts as an order, since an order's amount is read from it", () => {
    expect(namesReadingProperties(rulesWith({ orders: { event: '*', type: ['track'] } }))).toBe('all');
  });
});
