import { describe, expect, it } from 'vitest';
import { advance, applyEvent, isLate, replay } from '../../src/journey/journey.engine.ts';
import { initialState } from '../../src/journey/journey-state.ts';
import { DEFAULT_RULES } from '../../src/journey/rules.default.ts';
import { anEvent, anOrder, DAY, HOUR, run, T0 } from './journey.factory.ts';

describe('isLate', () => {
  it('accepts any event on a fresh state', () => {
    expect(isLate(initialState(), anEvent({ at: 0 }))).toBe(false);
  });

  it('calls an event late when it sorts before the last applied one', () => {
    const later = anEvent({ at: T0 });
    const { state } = run([later]);
    expect(isLate(state, anEvent({ at: T0 - 1 }))).toBe(true);
    expect(isLate(state, { ...anEvent({ at: T0 }), messageId: 'aaa' })).toBe(true);
    expect(isLate(state, anEvent({ at: T0 }))).toBe(false);
  });

  it('calls an event late when it is older than the clock the state was advanced to', () => {
    const { state } = advance(run([anOrder(T0)]).state, T0 + DAY, DEFAULT_RULES);
    expect(isLate(state, anEvent({ at: T0 + DAY - 1 }))).toBe(true);
    expect(isLate(state, anEvent({ at: T0 + DAY }))).toBe(false);
  });
});

describe('applyEvent', () => {
  it('refuses a late event', () => {
    const { state } = run([anOrder(T0)]);
    expect(() => applyEvent(state, anEvent({ at: T0 - DAY }), DEFAULT_RULES)).toThrow(/late/);
  });

  it('leaves the state it was given untouched', () => {
    const { state } = run([anOrder(T0)]);
    const before = structuredClone(state);
    applyEvent(state, anOrder(T0 + 100 * DAY), DEFAULT_RULES);
    expect(state).toEqual(before);
  });

  it('fires deadlines that fall before the event first, each at its own time', () => {
    const { state } = run([anOrder(T0)]);
    const delivered = anEvent({ name: 'Order Delivered', at: T0 + 50 * DAY });
    const { transitions } = applyEvent(state, delivered, DEFAULT_RULES);
    expect(transitions.map((t) => [t.kind, t.to, t.at, t.cause])).toEqual([
      ['stage', 'experience', T0 + 72 * HOUR, 'clock'],
      ['status', 'at_risk', T0 + 45 * DAY, 'clock'],
    ]);
  });

  it('fires a deadline before an event at the same millisecond', () => {
    const atDeadline = anOrder(T0 + 72 * HOUR);
    const { transitions } = applyEvent(run([anOrder(T0)]).state, atDeadline, DEFAULT_RULES);
    expect(transitions.map((t) => `${t.from}>${t.to}@${t.cause}`)).toEqual([
      'purchase>experience@clock',
      `experience>retention@${atDeadline.messageId}`,
      `new>active@${atDeadline.messageId}`,
    ]);
  });
});

describe('advance', () => {
  it('stamps time-driven transitions at their deadline, not at the time advanced to', () => {
    const { transitions, state } = advance(run([anOrder(T0)]).state, T0 + 365 * DAY, DEFAULT_RULES);
    expect(transitions.map((t) => t.at)).toEqual([T0 + 72 * HOUR, T0 + 45 * DAY, T0 + 90 * DAY]);
    expect(state.clock).toBe(T0 + 365 * DAY);
  });

  it('does nothing when asked to go back in time', () => {
    const { state } = advance(run([anOrder(T0)]).state, T0 + DAY, DEFAULT_RULES);
    expect(advance(state, T0, DEFAULT_RULES)).toEqual({ state, transitions: [] });
  });

  it('moves the clock of an empty state without inventing a journey', () => {
    expect(advance(initialState(), T0, DEFAULT_RULES)).toEqual({
      state: { ...initialState(), clock: T0 },
      transitions: [],
    });
  });
});

describe('replay', () => {
  it('gives the same result whatever order the events come in', () => {
    const events = [
      anEvent({ name: 'Ad Clicked' }),
      anOrder(T0 + DAY),
      anEvent({ name: 'Order Delivered', at: T0 + 2 * DAY }),
    ];
    expect(replay([...events].reverse(), DEFAULT_RULES, T0 + 9 * DAY)).toEqual(
      replay(events, DEFAULT_RULES, T0 + 9 * DAY),
    );
  });

  it('equals the events applied one by one', () => {
    const events = [anEvent({ name: 'Product Viewed' }), anOrder(T0 + DAY), anOrder(T0 + 9 * DAY)];
    let state = initialState();
    const transitions = [];
    for (const event of events) {
      const step = applyEvent(state, event, DEFAULT_RULES);
      state = step.state;
      transitions.push(...step.transitions);
    }
    expect(replay(events, DEFAULT_RULES)).toEqual({ state, transitions });
  });

  it('gives a state that survives a JSON round trip', () => {
    const { state } = run([anOrder(T0), anOrder(T0 + 5 * DAY)], T0 + 6 * DAY);
    const stored = JSON.parse(JSON.stringify(state)) as typeof state;
    const next = anOrder(T0 + 7 * DAY);
    expect(applyEvent(stored, next, DEFAULT_RULES)).toEqual(applyEvent(state, next, DEFAULT_RULES));
  });
});
