import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

/*
 * Calendar dates and wall-clock times in a named time zone. The zone arithmetic is date-fns-tz's;
 * dates are plain `YYYY-MM-DD` strings so they compare, sort and store as they are.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const MINUTES_PER_DAY = 24 * 60;

/** Whether the runtime knows an IANA zone name (Asia/Jakarta, Asia/Makassar, Asia/Jayapura...). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isLocalDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Minutes after midnight of a wall-clock time `HH:MM`; `24:00` is the end of the day.
 *
 * @example minutesOfDay('12:30') // 750
 */
export function minutesOfDay(time: string): number | null {
  const match = TIME.exec(time);
  if (!match) return null;
  return time === '24:00' ? MINUTES_PER_DAY : Number(match[1]) * 60 + Number(match[2]);
}

/** The calendar date in `zone` at an instant. */
export function localDateOf(at: number, zone: string): string {
  return formatInTimeZone(at, zone, 'yyyy-MM-dd');
}

/** The day after a date. */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday, the way an Indonesian week is written. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/**
 * The instant a wall clock in `zone` shows `minutes` after midnight of `date`.
 *
 * @example instantAt('2026-06-01', 8 * 60, 'Asia/Jakarta') // Date.parse('2026-06-01T01:00:00Z')
 */
export function instantAt(date: string, minutes: number, zone: string): number {
  if (minutes >= MINUTES_PER_DAY) return instantAt(nextDate(date), minutes - MINUTES_PER_DAY, zone);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return fromZonedTime(`${date}T${hh}:${mm}:00`, zone).getTime();
}
