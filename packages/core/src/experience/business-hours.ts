import {
  instantAt,
  isLocalDate,
  isTimeZone,
  localDateOf,
  minutesOfDay,
  nextDate,
  weekdayOf,
} from './local-time.ts';

/** Monday first, the way an Indonesian week is written. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One day's opening hours as wall-clock `HH:MM` (close may be `24:00`), with an optional lunch break. */
export interface DayHours {
  open: string;
  close: string;
  breakStart?: string | null;
  breakEnd?: string | null;
}

/** A week of opening hours: a day left out or null is closed. */
export type WeekHours = Partial<Record<Weekday, DayHours | null>>;

/** Where and when a branch (or the whole business) counts working time. */
export interface BusinessHours {
  /** IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timeZone: string;
  week: WeekHours;
  /** Local dates `YYYY-MM-DD` the business is closed all day (public holidays, its own days off). */
  holidays: readonly string[];
}

export interface HoursProblem {
  path: string;
  message: string;
}

/** The longest stretch searched for open time before a deadline is declared impossible. */
const MAX_DAYS_AHEAD = 3660;

/**
 * What is wrong with opening hours, each problem with the field it concerns; empty when they are usable.
 *
 * @example checkBusinessHours({ timeZone: 'Asia/Jakarta', week: { mon: { open: '17:00', close: '08:00' } }, holidays: [] })
 * // [{ path: 'week.mon', message: 'opens at 17:00 but closes at 08:00: close must be later than open' }]
 */
export function checkBusinessHours(hours: BusinessHours): HoursProblem[] {
  const problems: HoursProblem[] = [];
  if (!isTimeZone(hours.timeZone)) {
    problems.push({ path: 'timeZone', message: `${hours.timeZone} is not a known IANA time zone` });
  }
  let openDays = 0;
  for (const day of WEEKDAYS) {
    const hoursOfDay = hours.week[day];
    if (!hoursOfDay) continue;
    const problem = checkDay(hoursOfDay);
    if (problem) problems.push({ path: `week.${day}`, message: problem });
    else openDays += 1;
  }
  if (openDays === 0 && problems.length === 0) {
    problems.push({ path: 'week', message: 'at least one day must have opening hours' });
  }
  hours.holidays.forEach((date, i) => {
    if (!isLocalDate(date))
      problems.push({ path: `holidays.${i}`, message: `${date} is not a date YYYY-MM-DD` });
  });
  return problems;
}

function checkDay(day: DayHours): string | null {
  const open = minutesOfDay(day.open);
  const close = minutesOfDay(day.close);
  if (open === null) return `open ${day.open} is not a time HH:MM`;
  if (close === null) return `close ${day.close} is not a time HH:MM`;
  if (close <= open) return `opens at ${day.open} but closes at ${day.close}: close must be later than open`;
  const hasBreak = (day.breakStart ?? null) !== null || (day.breakEnd ?? null) !== null;
  if (!hasBreak) return null;
  const start = minutesOfDay(day.breakStart ?? '');
  const end = minutesOfDay(day.breakEnd ?? '');
  if (start === null || end === null) return 'a break needs both breakStart and breakEnd as HH:MM';
  if (!(open < start && start < end && end < close)) {
    return `the break ${day.breakStart}-${day.breakEnd} must lie inside opening hours ${day.open}-${day.close}`;
  }
  return null;
}

/** Open stretches of each weekday in minutes after midnight, breaks cut out. */
function openIntervals(hours: BusinessHours): [number, number][][] {
  return WEEKDAYS.map((day) => {
    const d = hours.week[day];
    if (!d) return [];
    const open = minutesOfDay(d.open) ?? 0;
    const close = minutesOfDay(d.close) ?? 0;
    const start = d.breakStart ? minutesOfDay(d.breakStart) : null;
    const end = d.breakEnd ? minutesOfDay(d.breakEnd) : null;
    return start !== null && end !== null
      ? [
          [open, start],
          [end, close],
        ]
      : [[open, close]];
  });
}

/** Open stretches as instants, day by day from the local date of `from`, holidays skipped. */
function* openStretches(hours: BusinessHours, from: number): Generator<[number, number]> {
  const week = openIntervals(hours);
  const holidays = new Set(hours.holidays);
  let date = localDateOf(from, hours.timeZone);
  for (let day = 0; day < MAX_DAYS_AHEAD; day++, date = nextDate(date)) {
    if (holidays.has(date)) continue;
    for (const [open, close] of week[weekdayOf(date)] ?? []) {
      yield [instantAt(date, open, hours.timeZone), instantAt(date, close, hours.timeZone)];
    }
  }
}

/**
 * The instant at which `durationMs` of open time has passed since `start`: time outside opening hours,
 * in lunch breaks and on holidays does not count. A duration that ends exactly at closing time is due at
 * closing time. Throws when the hours leave no open time within ten years (a calendar of holidays only).
 *
 * @example
 * // Jakarta, Mon-Fri 08:00-17:00 with lunch 12:00-13:00; a 4-hour target set on Friday 15:00 WIB
 * addBusinessTime(hours, Date.parse('2026-06-05T08:00:00Z'), 4 * 3_600_000)
 * // Monday 10:00 WIB = Date.parse('2026-06-08T03:00:00Z'): 2 h on Friday, 2 h on Monday
 */
export function addBusinessTime(hours: BusinessHours, start: number, durationMs: number): number {
  let remaining = Math.max(0, durationMs);
  for (const [open, close] of openStretches(hours, start)) {
    const from = Math.max(open, start);
    if (close <= from) continue;
    if (close - from >= remaining) return from + remaining;
    remaining -= close - from;
  }
  throw new Error(`No open time within ${MAX_DAYS_AHEAD} days of ${new Date(start).toISOString()}`);
}

/**
 * How much open time lies between two instants (zero when `to` is not after `from`).
 *
 * @example businessTimeBetween(hours, fridayAt15, mondayAt10) // 4 hours, in ms
 */
export function businessTimeBetween(hours: BusinessHours, from: number, to: number): number {
  let total = 0;
  if (to <= from) return 0;
  for (const [open, close] of openStretches(hours, from)) {
    if (open >= to) break;
    const overlap = Math.min(close, to) - Math.max(open, from);
    if (overlap > 0) total += overlap;
  }
  return total;
}
