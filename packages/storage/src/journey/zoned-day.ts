/*
 * Local calendar days of a workspace, as whole numbers: days since 1970-01-01 of the local date. The
 * daily summaries are keyed by them, and a period the dashboard asks for (`2026-10-26` to `2026-11-24`,
 * in the workspace's zone) becomes a range of them without a time zone in sight.
 */

const DAY_MS = 86_400_000;
// Zones change their offset on the hour or half hour: a quarter of an hour always has one offset.
const SLOT_MS = 900_000;
const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

const zones = new Map<string, { format: Intl.DateTimeFormat; offsets: Map<number, number> }>();

/** The zone's offset from UTC at an instant, in ms (Asia/Jakarta: +7 h). Throws on an unknown zone. */
export function offsetAt(at: number, timeZone: string): number {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    zones.set(timeZone, (zone = { format, offsets: new Map() }));
  }
  const slot = Math.floor(at / SLOT_MS);
  let offset = zone.offsets.get(slot);
  if (offset === undefined) {
    const start = slot * SLOT_MS;
    const parts = zone.format.formatToParts(start);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    offset = local - start;
    zone.offsets.set(slot, offset);
  }
  return offset;
}

/**
 * The local day an instant falls on.
 * @example localDayOf(Date.parse('2026-11-23T17:30:00Z'), 'Asia/Jakarta') // dayNumber('2026-11-24')
 */
export function localDayOf(at: number, timeZone: string): number {
  return Math.floor((at + offsetAt(at, timeZone)) / DAY_MS);
}

/** The instant a local day begins (its midnight in the zone). */
export function startOfLocalDay(day: number, timeZone: string): number {
  const utcMidnight = day * DAY_MS;
  const guess = utcMidnight - offsetAt(utcMidnight, timeZone);
  // Again from the guess, in case the offset changes between the two (daylight saving).
  return utcMidnight - offsetAt(guess, timeZone);
}

/** `2026-11-24` as a day number, or undefined when it is not a real calendar date. */
export function dayNumber(text: string): number | undefined {
  const match = DAY_TEXT.exec(text);
  if (match === null) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    return undefined;
  return ms / DAY_MS;
}

/** A day number as `2026-11-24`. */
export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday that starts the ISO week of a day (1970-01-01 was a Thursday). */
export function isoWeekStart(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/**
 * The first day of the calendar month of a day.
 * @example dayText(monthStart(dayNumber('2026-11-24')!)) // '2026-11-01'
 */
export function monthStart(day: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
}

/** The first day of the month after the month of a day. */
export function nextMonthStart(day: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
}

/**
 * A range of days cut into the whole calendar months it holds and the days left at either end: a long
 * period is summed from a dozen monthly rows per group instead of 365 daily ones.
 * @example splitMonths({ fromDay: dayNumber('2026-01-15')!, toDay: dayNumber('2026-04-10')! })
 * // { days: [15..31 January, 1..10 April], months: { from: 1 February, to: 1 March } }
 */
export function splitMonths(range: { fromDay: number; toDay: number }): {
  days: { fromDay: number; toDay: number }[];
  /** First days of the first and last whole month, both included; null when none is whole. */
  months: { from: number; to: number } | null;
} {
  const firstWhole = monthStart(range.fromDay) === range.fromDay ? range.fromDay : nextMonthStart(range.fromDay);
  const afterLastWhole = monthStart(range.toDay + 1);
  if (firstWhole >= afterLastWhole) return { days: [range], months: null };
  const days = [
    { fromDay: range.fromDay, toDay: firstWhole - 1 },
    { fromDay: afterLastWhole, toDay: range.toDay },
  ].filter((d) => d.fromDay <= d.toDay);
  return { days, months: { from: firstWhole, to: monthStart(afterLastWhole - 1) } };
}
