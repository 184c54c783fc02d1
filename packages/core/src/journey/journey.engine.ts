import { compareEvents, type JourneyEvent } from '../event.ts';
import { earliestAfter, medianGap, nextStatusThreshold, riskOf, statusAt } from './customer-status.ts';
import {
  cloneState,
  initialState,
  MAX_NEGATIVE_TIMES,
  MAX_ORDER_TIMES,
  PREDICTION_EVENT,
  type JourneyState,
  type Step,
  type Transition,
} from './journey-state.ts';
import { addAmount, orderAmount } from './order-value.ts';
import { compileRules, type CompiledRules } from './rules.compile.ts';
import { NO_STAGE, type JourneyRules } from './rules.schema.ts';
import { isSegmentEvent } from '../segments/segment-rules.ts';

const CLOCK = 'clock';

/**
 * True when the event sorts before what the state has already seen, or before its clock: applying it
 * would rewrite the past, so the caller replays the customer instead.
 *
 * @example
 * if (isLate(state, event)) state = replay([...stored, event], rules).state;
 * else state = applyEvent(state, event, rules).state;
 */
export function isLate(state: JourneyState, event: JourneyEvent): boolean {
  if (isSegmentEvent(event.name)) return false;
  if (state.clock !== null && event.at < state.clock) return true;
  if (state.lastEventAt === null || state.lastMessageId === null) return false;
  return compareEvents(event, { at: state.lastEventAt, messageId: state.lastMessageId }) < 0;
}

/**
 * Moves a state forward in time: fires every deadline up to `until` (stage timers, status thresholds,
 * negatives leaving the window, the end of won-back), each stamped at its own time with cause 'clock'.
 *
 * @example
 * const { state, transitions } = advance(stored, Date.parse('2026-03-01T00:00:00Z'), rules);
 */
export function advance(state: JourneyState, until: number, rules: JourneyRules): Step {
  assertTime(until);
  const s = cloneState(state);
  const transitions: Transition[] = [];
  advanceInPlace(s, until, compileRules(rules), transitions);
  return { state: s, transitions };
}

/**
 * Applies one event in order: deadlines up to its time fire first, then its stage rule, order, negative
 * experience and status. Throws when the event is late (see `isLate`).
 *
 * @example
 * const { state, transitions } = applyEvent(initialState(), orderCompleted, DEFAULT_RULES);
 * transitions; // [{ kind: 'stage', from: null, to: 'purchase', at: orderCompleted.at, cause: orderCompleted.messageId }]
 */
export function applyEvent(state: JourneyState, event: JourneyEvent, rules: JourneyRules): Step {
  if (isLate(state, event)) {
    throw new Error(
      `Event ${event.messageId} at ${event.at} is late for this state (replay the customer instead)`,
    );
  }
  const s = cloneState(state);
  const transitions: Transition[] = [];
  applyInPlace(s, event, compileRules(rules), transitions);
  return { state: s, transitions };
}

/** Sees each event of a replay once it is applied, with the state it left (read it, do not keep it). */
export type AppliedObserver = (event: JourneyEvent, state: Readonly<JourneyState>) => void;

/**
 * The state of a customer from all his events, in (at, messageId) order whatever the order given,
 * optionally advanced to `until`. Equal to applying the same events one by one. `onApplied` sees
 * each event with the state right after it (the stage it left the customer in, for instance).
 *
 * @example
 * const { state } = replay(events, rules, now);
 */
export function replay(
  events: readonly JourneyEvent[],
  rules: JourneyRules,
  until?: number,
  onApplied?: AppliedObserver,
): Step {
  if (until !== undefined) assertTime(until);
  const compiled = compileRules(rules);
  const sorted = events.slice().sort(compareEvents);
  const s = initialState();
  const transitions: Transition[] = [];
  for (const event of sorted) {
    applyInPlace(s, event, compiled, transitions);
    onApplied?.(event, s);
  }
  if (until !== undefined) advanceInPlace(s, until, compiled, transitions);
  return { state: s, transitions };
}

// A NaN or infinite clock would silently stop every future deadline; it can only be a caller's bug.
function assertTime(until: number): void {
  if (!Number.isFinite(until)) throw new Error(`Cannot advance a journey to ${until}: not a time`);
}

/** `advance` on a state the caller owns: mutates it and pushes the transitions to `out` (for a ReplayPass). */
export function advanceInPlace(
  s: JourneyState,
  until: number,
  rules: CompiledRules,
  out: Transition[],
): void {
  while (s.dueAt !== null && s.dueAt <= until) {
    const at = s.dueAt;
    fireDeadlines(s, at, rules, out);
    s.dueAt = nextDeadline(s, at, rules);
  }
  if (s.clock === null || until > s.clock) s.clock = until;
}

function fireDeadlines(s: JourneyState, at: number, rules: CompiledRules, out: Transition[]): void {
  const { negativeWindowMs, wonBackMs } = rules.status;
  while (s.negativeTimes.length > 0 && (s.negativeTimes[0] as number) + negativeWindowMs <= at) {
    s.negativeTimes.shift();
  }
  if (s.wonBackAt !== null && s.wonBackAt + wonBackMs <= at) s.wonBackAt = null;
  const timer = s.stage === null ? undefined : rules.timerFrom(s.stage);
  if (timer !== undefined && s.stageEnteredAt !== null && s.stageEnteredAt + timer.afterMs <= at) {
    moveStage(s, timer.to, at, CLOCK, out);
  }
  s.risk = riskOf(s.negativeTimes.length);
  updateStatus(s, at, CLOCK, rules, out);
}

/** `applyEvent` on a state the caller owns, without the lateness check: mutates it, pushes to `out`. */
export function applyInPlace(
  s: JourneyState,
  event: JourneyEvent,
  rules: CompiledRules,
  out: Transition[],
): void {
  // Segment Entered/Left record what Jejak derived, not what the customer did: they move nothing.
  if (isSegmentEvent(event.name)) return;
  const at = event.at;
  advanceInPlace(s, at, rules, out);
  if (event.name === PREDICTION_EVENT) {
    applyPrediction(s, event, rules, out);
    return;
  }
  const touchpoint = event.type === 'track' || event.type === 'page' || event.type === 'screen';
  // Before the stage rule, so the move this event causes is counted where the event happened.
  if (touchpoint && s.firstChannel == null) s.firstChannel = event.channel;
  if (event.branchId != null) s.homeBranch = event.branchId;
  const lastOrderAt = s.orderTimes[s.orderTimes.length - 1] ?? null;
  const current = s.stage ?? NO_STAGE;
  for (const rule of rules.transitionsFor(event.name)) {
    if (rule.from !== null && !rule.from.has(current)) continue;
    if (rule.test !== null && !rule.test(event)) continue;
    if (rule.condition !== null && !rule.condition(s.orderCount, lastOrderAt, at)) continue;
    // A rule into the current stage is a stay: no transition, and its timers keep running.
    if (rule.to !== s.stage) moveStage(s, rule.to, at, event.messageId, out);
    break;
  }
  if (touchpoint) {
    if (s.firstSeenAt === null) s.firstSeenAt = at;
    s.lastSeenAt = at;
  }
  if (rules.isOrder(event)) recordOrder(s, at, orderAmount(event.properties));
  if (rules.isNegative(event)) {
    if (s.negativeTimes.length === MAX_NEGATIVE_TIMES) s.negativeTimes.shift();
    s.negativeTimes.push(at);
  }
  s.risk = riskOf(s.negativeTimes.length);
  if (s.statusSince === null) s.statusSince = at;
  updateStatus(s, at, event.messageId, rules, out);
  s.lastEventAt = at;
  s.lastMessageId = event.messageId;
  s.dueAt = nextDeadline(s, at, rules);
}

/** A refit's prediction: not a touchpoint, no stage rule; only the status may follow it. */
function applyPrediction(
  s: JourneyState,
  event: JourneyEvent,
  rules: CompiledRules,
  out: Transition[],
): void {
  const p = event.properties.probability_alive;
  if (typeof p === 'number' && p >= 0 && p <= 1) s.predictedAlive = p;
  if (s.statusSince === null) s.statusSince = event.at;
  updateStatus(s, event.at, event.messageId, rules, out);
  s.lastEventAt = event.at;
  s.lastMessageId = event.messageId;
  s.dueAt = nextDeadline(s, event.at, rules);
}

function recordOrder(s: JourneyState, at: number, amount: number): void {
  // "Won back" needs a customer who had bought before and churned; a lapsed prospect's first order is new.
  s.wonBackAt = s.status === 'churned' && s.orderCount > 0 ? at : null;
  // The prediction did not know this order: the silence rules decide until the next refit.
  if (s.predictedAlive != null) s.predictedAlive = null;
  s.orderCount++;
  s.orderValue = addAmount(s.orderValue, amount);
  if (s.orderTimes.length === MAX_ORDER_TIMES) s.orderTimes.shift();
  s.orderTimes.push(at);
  s.medianOrderGapMs = medianGap(s.orderTimes);
}

function moveStage(s: JourneyState, to: string, at: number, cause: string, out: Transition[]): void {
  out.push({
    kind: 'stage',
    from: s.stage,
    to,
    at,
    cause,
    since: s.stageEnteredAt,
    // `?? null`: a state stored before these fields existed lacks them until the customer is replayed.
    firstChannel: s.firstChannel ?? null,
    homeBranch: s.homeBranch ?? null,
    sinceHomeBranch: s.stageHomeBranch ?? null,
  });
  s.stage = to;
  s.stageEnteredAt = at;
  s.stageHomeBranch = s.homeBranch ?? null;
}

function updateStatus(
  s: JourneyState,
  at: number,
  cause: string,
  rules: CompiledRules,
  out: Transition[],
): void {
  const next = statusAt(s, at, rules.status);
  if (next === s.status) return;
  out.push({
    kind: 'status',
    from: s.status,
    to: next,
    at,
    cause,
    since: s.statusSince,
    firstChannel: s.firstChannel ?? null,
    homeBranch: s.homeBranch ?? null,
    sinceHomeBranch: null,
  });
  s.status = next;
  s.statusSince = at;
}

/** The earliest moment after `after` at which time alone changes something in the state. */
function nextDeadline(s: JourneyState, after: number, rules: CompiledRules): number | null {
  let next = nextStatusThreshold(s, after, rules.status);
  const timer = s.stage === null ? undefined : rules.timerFrom(s.stage);
  if (timer !== undefined && s.stageEnteredAt !== null) {
    next = earliestAfter(next, s.stageEnteredAt + timer.afterMs, after);
  }
  const { negativeWindowMs, wonBackMs } = rules.status;
  const firstNegative = s.negativeTimes[0];
  if (firstNegative !== undefined) next = earliestAfter(next, firstNegative + negativeWindowMs, after);
  if (s.wonBackAt !== null) next = earliestAfter(next, s.wonBackAt + wonBackMs, after);
  return next === Infinity ? null : next;
}
