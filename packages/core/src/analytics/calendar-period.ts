// Weeks and months of local days, as whole numbers, so that a scan over millions of events can cut them
// with a few integer operations and no Date object: the retention matrix and the lifecycle need a
// period for every event they read.

const DAY_MS = 86_400_000;

export const PERIOD_UNITS = ['week', 'month'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** The zone's offset from UTC until an instant (null: from then on), in ms; in time order. */
export interface ZoneOffset {
  readonly until: number | null;
  readonly offset: number;
}

/**
 * The local day (days since 1970-01-01 of the local date) of an instant, from the zone's offsets over
 * the time the instants fall in (an instant before the first change takes the first offset).
 * @example localDayIn(Date.parse('2026-11-23T17:30:00Z'), [{ until: null, offset: 7 * 3_600_000 }]) // 2026-11-24
 */
export function localDayIn(at: number, zone: readonly ZoneOffset[]): number {
  let offset = zone[0]!.offset;
  if (zone.length > 1) {
    for (const segment of zone) {
      offset = segment.offset;
      if (segment.until === null || at < segment.until) break;
    }
  }
  return Math.floor((at + offset) / DAY_MS);
}

/**
 * The week (Monday to Sunday, as ISO weeks) or calendar month a local day falls in, as a number that
 * grows by one from one period to the next.
 * @example periodOf(dayNumber('2026-11-25'), 'month') - periodOf(dayNumber('2026-10-31'), 'month') // 1
 */
export function periodOf(day: number, unit: PeriodUnit): number {
  if (unit === 'week') return Math.floor((day + 3) / 7);
  // Days to the civil date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** The first local day of a period (a Monday, or the 1st of the month). */
export function periodStartDay(period: number, unit: PeriodUnit): number {
  if (unit === 'week') return period * 7 - 3;
  const year = Math.floor(period / 12);
  return Date.UTC(year, period - year * 12, 1) / DAY_MS;
}

/**
 * Periods of instants for a scan: a table from local day to period over the range (and the period
 * before it, which the lifecycle needs), so an event costs a division and a lookup. Instants before
 * the table are in `earlier`; instants after `toDay` are at or past `endAt` and the scans skip them.
 */
export interface PeriodClock {
  readonly unit: PeriodUnit;
  /** The period holding `fromDay`. */
  readonly first: number;
  /** The period holding `toDay`. */
  readonly last: number;
  /** Stands for every period before `first - 1`. */
  readonly earlier: number;
  readonly toDay: number;
  readonly zone: readonly ZoneOffset[];
  /** The zone's one offset, or NaN when it has more than one over the scan's instants. */
  readonly offset: number;
  readonly startDay: number;
  readonly table: Int32Array;
}

export function periodClock(
  unit: PeriodUnit,
  fromDay: number,
  toDay: number,
  zone: readonly ZoneOffset[],
): PeriodClock {
  const first = periodOf(fromDay, unit);
  const last = periodOf(toDay, unit);
  const startDay = periodStartDay(first - 1, unit);
  const table = new Int32Array(Math.max(0, toDay - startDay + 1));
  for (let d = 0; d < table.length; d++) table[d] = periodOf(startDay + d, unit);
  const offset = zone.length === 1 ? zone[0]!.offset : NaN;
  return { unit, first, last, earlier: first - 2, toDay, zone, offset, startDay, table };
}

/** The period of an instant by the clock: `earlier` before its table, NaN after `toDay`. */
export function periodAt(clock: PeriodClock, at: number): number {
  const day = Number.isNaN(clock.offset)
    ? localDayIn(at, clock.zone)
    : Math.floor((at + clock.offset) / DAY_MS);
  const d = day - clock.startDay;
  if (d < 0) return clock.earlier;
  return d < clock.table.length ? clock.table[d]! : NaN;
}
