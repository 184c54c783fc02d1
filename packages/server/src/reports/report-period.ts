import { offsetAt, startOfLocalDay, type DayRange, type OffsetSegment } from '@jejak/storage';
import { badRequest } from '../http/http-error.ts';

const DAY_MS = 86_400_000;
const SLOT_MS = 900_000;
/** Three years of days: enough to compare a year with the one before, small enough to answer at once. */
export const MAX_REPORT_DAYS = 1_100;

/** A period of local days as the instants it spans, with the zone's offsets over it. */
export interface ReportPeriod {
  range: DayRange;
  from: number;
  to: number;
  zone: OffsetSegment[];
}

export function reportPeriod(range: DayRange, timeZone: string): ReportPeriod {
  const days = range.toDay - range.fromDay + 1;
  if (days > MAX_REPORT_DAYS) {
    throw badRequest(`the period has ${days} days; a report covers at most ${MAX_REPORT_DAYS}`);
  }
  const from = startOfLocalDay(range.fromDay, timeZone);
  const to = startOfLocalDay(range.toDay + 1, timeZone);
  return { range, from, to, zone: offsetSegments(from, to, timeZone) };
}

/**
 * The zone's offsets over [from, to): a day-by-day walk that, where the offset changes between two
 * days, finds the quarter of an hour it changed at (zones change on the hour or half hour).
 */
export function offsetSegments(from: number, to: number, timeZone: string): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let current = offsetAt(from, timeZone);
  for (let at = from; at < to; at += DAY_MS) {
    const next = Math.min(at + DAY_MS, to);
    if (offsetAt(next, timeZone) === current) continue;
    let lo = Math.floor(at / SLOT_MS);
    let hi = Math.floor(next / SLOT_MS);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid * SLOT_MS, timeZone) === current) lo = mid;
      else hi = mid;
    }
    segments.push({ until: hi * SLOT_MS, offset: current });
    current = offsetAt(hi * SLOT_MS, timeZone);
  }
  segments.push({ until: null, offset: current });
  return segments;
}
