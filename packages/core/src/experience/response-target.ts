import { addBusinessTime, businessTimeBetween, type BusinessHours } from './business-hours.ts';

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** First response: the first reply the customer sees. Resolution: the ticket marked resolved. */
export const TARGET_KINDS = ['first_response', 'resolution'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * running: the clock counts; paused: the resolution clock stops while the ticket waits on the customer
 * (pending); met: stopped before its due time; missed: its due time passed first (final).
 */
export const TARGET_STATES = ['running', 'paused', 'met', 'missed'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/** Business time follows the branch's opening hours and holidays; calendar time runs day and night. */
export const TARGET_CLOCKS = ['business', 'calendar'] as const;
export type TargetClock = (typeof TARGET_CLOCKS)[number];

export interface TargetPolicy {
  minutes: number;
  clock: TargetClock;
}

/** Response targets per priority; null leaves a kind without a target. */
export type TargetPolicies = Record<TicketPriority, Record<TargetKind, TargetPolicy | null>>;

const business = (minutes: number): TargetPolicy => ({ minutes, clock: 'business' });
const calendar = (minutes: number): TargetPolicy => ({ minutes, clock: 'calendar' });

/** What a new workspace starts with: urgent tickets around the clock, the rest in opening hours. */
export const DEFAULT_TARGET_POLICIES: TargetPolicies = {
  urgent: { first_response: calendar(30), resolution: calendar(4 * 60) },
  high: { first_response: business(60), resolution: business(8 * 60) },
  normal: { first_response: business(4 * 60), resolution: business(3 * 8 * 60) },
  low: { first_response: business(8 * 60), resolution: business(5 * 8 * 60) },
};

/** One target of one ticket, as stored. Times are epoch ms. */
export interface TargetClockState {
  kind: TargetKind;
  clock: TargetClock;
  budgetMs: number;
  state: TargetState;
  /** Start of the current running stretch (when it last started or resumed). */
  runningSince: number;
  /** Counted time used before `runningSince` (earlier stretches, before a pause). */
  usedMs: number;
  /** When it falls due while running; null while paused or once stopped. */
  dueAt: number | null;
  /** When it was met, or the due time it missed. */
  endedAt: number | null;
}

/** The hours to count in: a branch's for business time, none for calendar time. */
type HoursFor = BusinessHours | null;

function dueFrom(clock: TargetClock, hours: HoursFor, from: number, remainingMs: number): number {
  if (clock === 'calendar' || hours === null) return from + remainingMs;
  return addBusinessTime(hours, from, remainingMs);
}

function counted(clock: TargetClock, hours: HoursFor, from: number, to: number): number {
  if (clock === 'calendar' || hours === null) return Math.max(0, to - from);
  return businessTimeBetween(hours, from, to);
}

/**
 * A target starting to run at `at`. Business time with no hours known counts as calendar time.
 *
 * @example startTarget('first_response', { minutes: 60, clock: 'calendar' }, null, t).dueAt // t + 3_600_000
 */
export function startTarget(
  kind: TargetKind,
  policy: TargetPolicy,
  hours: HoursFor,
  at: number,
): TargetClockState {
  const budgetMs = policy.minutes * 60_000;
  return {
    kind,
    clock: policy.clock,
    budgetMs,
    state: 'running',
    runningSince: at,
    usedMs: 0,
    dueAt: dueFrom(policy.clock, hours, at, budgetMs),
    endedAt: null,
  };
}

/** A running target whose due time has come is missed, stamped at its due time; others are unchanged. */
export function missIfDue(target: TargetClockState, now: number): TargetClockState {
  if (target.state !== 'running' || target.dueAt === null || target.dueAt > now) return target;
  return { ...target, state: 'missed', endedAt: target.dueAt, dueAt: null };
}

/** Stops the clock at `at`: met when still inside its time (or paused), missed when already due. */
export function stopTarget(target: TargetClockState, at: number): TargetClockState {
  const checked = missIfDue(target, at);
  if (checked.state !== 'running' && checked.state !== 'paused') return checked;
  return { ...checked, state: 'met', endedAt: at, dueAt: null };
}

/** Pauses a running target at `at`, keeping the time it has used (missed first if already due). */
export function pauseTarget(target: TargetClockState, hours: HoursFor, at: number): TargetClockState {
  const checked = missIfDue(target, at);
  if (checked.state !== 'running') return checked;
  const usedMs = checked.usedMs + counted(checked.clock, hours, checked.runningSince, at);
  return { ...checked, state: 'paused', usedMs, dueAt: null };
}

/** Restarts a paused target at `at` with the time it has left. */
export function resumeTarget(target: TargetClockState, hours: HoursFor, at: number): TargetClockState {
  if (target.state !== 'paused') return target;
  const left = Math.max(0, target.budgetMs - target.usedMs);
  return { ...target, state: 'running', runningSince: at, dueAt: dueFrom(target.clock, hours, at, left) };
}

/**
 * Counted time left before the due time (negative once overdue), for the inbox's timers; null once
 * the target is met or missed.
 */
export function timeLeft(target: TargetClockState, hours: HoursFor, now: number): number | null {
  if (target.state === 'met' || target.state === 'missed') return null;
  if (target.state === 'paused') return target.budgetMs - target.usedMs;
  const due = target.dueAt ?? now;
  return now <= due ? counted(target.clock, hours, now, due) : -counted(target.clock, hours, due, now);
}
