import type { EventType, JourneyEvent } from '../event.ts';
import type { Channel } from '../channel.ts';
import type { EventMatch, JourneyRules, StateCondition } from './rules.schema.ts';
import { compileWhere, type PropertyTest } from './where.matcher.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Tests an event on everything but its name; names are dispatched through a map before this runs. */
type EventTest = (event: JourneyEvent) => boolean;
/** Tests the orders placed before an event: how many, and the time of the last one (null if none). */
type OrderTest = (orderCount: number, lastOrderAt: number | null, at: number) => boolean;

export interface CompiledTransition {
  to: string;
  /** Stage keys the rule accepts, `NO_STAGE` for none; null accepts every stage. */
  from: ReadonlySet<string> | null;
  test: EventTest | null;
  condition: OrderTest | null;
}

export interface CompiledTimer {
  to: string;
  afterMs: number;
}

export interface CompiledStatus {
  prospectRhythmMs: number;
  defaultRhythmMs: number;
  minRhythmMs: number;
  atRiskFactor: number;
  churnFactor: number;
  negativeWindowMs: number;
  wonBackMs: number;
  /** Thresholds on the purchase model's probability alive, or null when the silence factors decide. */
  model: { atRiskBelow: number; churnedBelow: number } | null;
}

export interface CompiledRules {
  /** The candidate transition rules for an event name, in rule order. */
  readonly transitionsFor: (name: string) => readonly CompiledTransition[];
  readonly isOrder: (event: JourneyEvent) => boolean;
  readonly isNegative: (event: JourneyEvent) => boolean;
  /** The timer that fires first from a stage (a later one from the same stage could never fire). */
  readonly timerFrom: (stage: string) => CompiledTimer | undefined;
  readonly status: CompiledStatus;
}

const cache = new WeakMap<JourneyRules, CompiledRules>();

/**
 * Turns validated rules into matchers once; the engine calls this on every event, so it is cached per
 * rules object. Rules must not be mutated after their first use (`validateRules` returns them frozen).
 *
 * @example
 * compileRules(DEFAULT_RULES).transitionsFor('Order Completed').map((rule) => rule.to); // ['retention', 'purchase']
 */
export function compileRules(rules: JourneyRules): CompiledRules {
  let compiled = cache.get(rules);
  if (compiled === undefined) {
    compiled = build(rules);
    cache.set(rules, compiled);
  }
  return compiled;
}

function build(rules: JourneyRules): CompiledRules {
  const transitions = byName(
    rules.transitions.map((rule) => ({
      names: names(rule.when),
      item: {
        to: rule.to,
        from: rule.from === undefined ? null : new Set(rule.from),
        test: compileTest(rule.when),
        condition: rule.if === undefined ? null : compileCondition(rule.if),
      },
    })),
  );
  const orders = byName([{ names: names(rules.orders), item: compileTest(rules.orders) }]);
  const negatives = byName(
    rules.negative.map((match) => ({ names: names(match), item: compileTest(match) })),
  );
  const timers = new Map<string, CompiledTimer>();
  for (const timer of rules.timers) {
    const afterMs = Math.round(timer.afterHours * HOUR_MS);
    for (const stage of timer.from) {
      const current = timers.get(stage);
      if (current === undefined || afterMs < current.afterMs) timers.set(stage, { to: timer.to, afterMs });
    }
  }
  const anyMatch = (list: readonly (EventTest | null)[], event: JourneyEvent): boolean => {
    for (const test of list) if (test === null || test(event)) return true;
    return false;
  };
  const s = rules.status;
  return {
    transitionsFor: transitions,
    isOrder: (event) => anyMatch(orders(event.name), event),
    isNegative: (event) => anyMatch(negatives(event.name), event),
    timerFrom: (stage) => timers.get(stage),
    status: {
      prospectRhythmMs: s.prospectRhythmDays * DAY_MS,
      defaultRhythmMs: s.defaultRhythmDays * DAY_MS,
      minRhythmMs: s.minRhythmDays * DAY_MS,
      atRiskFactor: s.atRiskFactor,
      churnFactor: s.churnFactor,
      negativeWindowMs: Math.round(s.negativeWindowDays * DAY_MS),
      wonBackMs: Math.round(s.wonBackDays * DAY_MS),
      model: s.model ? { atRiskBelow: s.model.atRiskBelow, churnedBelow: s.model.churnedBelow } : null,
    },
  };
}

/** null stands for '*': the entry applies to every event name. */
function names(match: EventMatch): readonly string[] | null {
  const list = typeof match.event === 'string' ? [match.event] : match.event;
  return list.includes('*') ? null : list;
}

/**
 * Indexes entries by event name, keeping rule order, so an event only meets the rules that name it.
 * Unknown names share the wildcard list: the index never grows with the names customers send.
 */
function byName<T>(
  entries: readonly { names: readonly string[] | null; item: T }[],
): (name: string) => readonly T[] {
  const known = new Set(entries.flatMap((e) => e.names ?? []));
  const index = new Map<string, T[]>();
  for (const name of known) {
    index.set(
      name,
      entries.filter((e) => e.names === null || e.names.includes(name)).map((e) => e.item),
    );
  }
  const wildcard = entries.filter((e) => e.names === null).map((e) => e.item);
  return (name) => index.get(name) ?? wildcard;
}

function compileTest(match: EventMatch): EventTest | null {
  const types: readonly EventType[] | undefined = match.type;
  const channels: readonly Channel[] | undefined = match.channel;
  const where: readonly PropertyTest[] = (match.where ?? []).map(compileWhere);
  if (types === undefined && channels === undefined && where.length === 0) return null;
  return (event) => {
    if (types !== undefined && !types.includes(event.type)) return false;
    if (channels !== undefined && !channels.includes(event.channel)) return false;
    for (const test of where) if (!test(event.properties)) return false;
    return true;
  };
}

function compileCondition(condition: StateCondition): OrderTest {
  const { minOrders, maxOrders, lastOrderWithinDays, noOrderWithinDays } = condition;
  const within = lastOrderWithinDays === undefined ? undefined : lastOrderWithinDays * DAY_MS;
  const quiet = noOrderWithinDays === undefined ? undefined : noOrderWithinDays * DAY_MS;
  return (count, lastOrderAt, at) =>
    (minOrders === undefined || count >= minOrders) &&
    (maxOrders === undefined || count <= maxOrders) &&
    (within === undefined || (lastOrderAt !== null && at - lastOrderAt <= within)) &&
    (quiet === undefined || lastOrderAt === null || at - lastOrderAt > quiet);
}
