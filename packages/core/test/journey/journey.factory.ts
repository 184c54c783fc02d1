import type { JourneyEvent } from '../../src/event.ts';
import { replay } from '../../src/journey/journey.engine.ts';
import type { Step, Transition } from '../../src/journey/journey-state.ts';
import { DEFAULT_RULES } from '../../src/journey/rules.default.ts';
import type { JourneyRules } from '../../src/journey/rules.schema.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Monday 5 January 2026, 10:00 in Jakarta. */
export const T0 = Date.UTC(2026, 0, 5, 3, 0, 0);

let sequence = 0;

/** A tracked event at T0; ids grow with each call, so events made later sort later at the same time. */
export function anEvent(overrides: Partial<JourneyEvent> = {}): JourneyEvent {
  sequence++;
  return {
    messageId: `msg-${String(sequence).padStart(8, '0')}`,
    type: 'track',
    name: 'Product Viewed',
    at: T0,
    channel: 'web',
    properties: {},
    ...overrides,
  };
}

export const anOrder = (at: number, overrides: Partial<JourneyEvent> = {}): JourneyEvent =>
  anEvent({ name: 'Order Completed', at, channel: 'store', properties: { total: 150_000 }, ...overrides });

export const aNegative = (at: number): JourneyEvent =>
  anEvent({ name: 'Ticket Opened', at, channel: 'whatsapp', properties: { category: 'complaint' } });

export const run = (
  events: readonly JourneyEvent[],
  until?: number,
  rules: JourneyRules = DEFAULT_RULES,
): Step => replay(events, rules, until);

/** The stages a customer went through, as 'from>to' pairs, to read a path at a glance. */
export const stageMoves = (transitions: readonly Transition[]): string[] =>
  transitions.filter((t) => t.kind === 'stage').map((t) => `${t.from ?? 'none'}>${t.to}`);

export const statusMoves = (transitions: readonly Transition[]): string[] =>
  transitions.filter((t) => t.kind === 'status').map((t) => `${t.from ?? 'none'}>${t.to}`);

/** Default rules with some changes, for tests that need a rule the defaults do not have. */
export function rulesWith(overrides: Partial<JourneyRules>): JourneyRules {
  return { ...structuredClone(DEFAULT_RULES), ...overrides };
}
