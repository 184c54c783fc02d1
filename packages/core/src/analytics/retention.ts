// Retention cohorts and revenue retention as one pass over the event column layout (DESIGN §4.4).
import {
  localDayIn,
  periodAt,
  periodClock,
  periodOf,
  periodStartDay,
  type PeriodUnit,
  type ZoneOffset,
} from './calendar-period.ts';
import { ANY, resolveName, resolveScope, type EventScope } from './event-scope.ts';
import type { EventColumns } from './event-columns.ts';

export interface RetentionQuery {
  readonly unit: PeriodUnit;
  /** The event whose first occurrence puts a customer in the cohort of its period; null: any event. */
  readonly cohortEvent: string | null;
  /** The event that counts as coming back; null: any event. */
  readonly returnEvent: string | null;
  /** Cohorts of the periods from the one holding `fromDay` to the one holding `toDay` (local days). */
  readonly fromDay: number;
  /** Nothing after this local day is read: the last period is cut short at it. */
  readonly toDay: number;
  readonly zone: readonly ZoneOffset[];
  readonly scope: EventScope;
}

export interface RetentionCohort {
  /** First local day of the cohort's period. */
  readonly startDay: number;
  /** Customers whose first cohort event fell in the period. */
  readonly size: number;
  /**
   * `retained[k]`: customers of the cohort who did the return event in period +k (in period +0, at or
   * after their cohort event), for every period up to the one holding `toDay`.
   */
  readonly retained: number[];
  /** `revenue[k]`: what the cohort's customers spent in period +k (in +0, from their cohort event on). */
  readonly revenue: number[];
}

export interface RetentionMatrix {
  readonly unit: PeriodUnit;
  /** One per period of the range, oldest first, empty cohorts included. */
  readonly cohorts: RetentionCohort[];
}

/**
 * The retention matrix: customers by the period of their first cohort event (ever, within the scope),
 * and how many of each cohort did the return event in each later period, with their revenue.
 * @example
 * retentionMatrix(columns, { unit: 'month', cohortEvent: 'Order Completed', returnEvent: 'Order Completed',
 *   fromDay, toDay, zone: [{ until: null, offset: 7 * 3_600_000 }], scope: {} })
 * // { unit: 'month', cohorts: [{ startDay, size: 120, retained: [120, 31, 18], revenue: [...] }, ...] }
 */
export function retentionMatrix(columns: EventColumns, query: RetentionQuery): RetentionMatrix {
  const clock = periodClock(query.unit, query.fromDay, query.toDay, query.zone);
  const { first, last } = clock;
  const width = Math.max(0, last - first + 1);
  // Flat per (cohort, period) so the loop below touches typed arrays only.
  const sizes = new Int32Array(width);
  const retained = new Int32Array(width * width);
  const revenueOf = new Float64Array(width * width);
  const cohortName = resolveName(columns, query.cohortEvent);
  const returnName = resolveName(columns, query.returnEvent);
  const { branch: branchIndex, channel: channelIndex } = resolveScope(columns, query.scope);
  const anyBranch = branchIndex === ANY;
  const anyChannel = channelIndex === ANY;
  const anyCohort = cohortName === ANY;
  const anyReturn = returnName === ANY;
  const { customerStart, name, at, revenue, branch, channel } = columns;
  const customers = customerStart.length - 1;

  for (let c = 0; c < customers; c++) {
    const begin = customerStart[c]!;
    const end = customerStart[c + 1]!;
    let i = begin;
    while (
      i < end &&
      !(
        (anyCohort || name[i] === cohortName) &&
        (anyBranch || branch[i] === branchIndex) &&
        (anyChannel || channel[i] === channelIndex)
      )
    )
      i++;
    if (i === end) continue;
    const startPeriod = periodAt(clock, at[i]!);
    // Before the range (his first was earlier) or after `toDay` (NaN): in no cohort of this range.
    if (!(startPeriod >= first)) continue;
    const row = (startPeriod - first) * width;
    sizes[startPeriod - first]!++;
    let marked = -1;
    // From the cohort event's instant on: events of the same instant stored before it count too.
    while (i > begin && at[i - 1] === at[i]) i--;
    for (; i < end; i++) {
      if (!(anyBranch || branch[i] === branchIndex) || !(anyChannel || channel[i] === channelIndex)) continue;
      const k = periodAt(clock, at[i]!) - startPeriod;
      if (!(k >= 0)) continue;
      revenueOf[row + k]! += revenue[i]!;
      if (k !== marked && (anyReturn || name[i] === returnName)) {
        retained[row + k]!++;
        marked = k;
      }
    }
  }
  const cohorts = Array.from({ length: width }, (_, c) => {
    const span = width - c;
    return {
      startDay: periodStartDay(first + c, query.unit),
      size: sizes[c]!,
      retained: Array.from(retained.subarray(c * width, c * width + span)),
      revenue: Array.from(revenueOf.subarray(c * width, c * width + span)),
    };
  });
  return { unit: query.unit, cohorts };
}

export interface RepeatPurchaseQuery {
  readonly unit: PeriodUnit;
  readonly purchaseEvent: string;
  readonly fromDay: number;
  readonly toDay: number;
  /** The "within N days" of the second rate. */
  readonly withinDays: number;
  readonly zone: readonly ZoneOffset[];
  readonly scope: EventScope;
}

export interface RepeatPurchaseRow {
  /** Buyers whose first purchase fell in the period (or the range, for the total). */
  readonly buyers: number;
  /** Of them, those with two purchases or more by the end of `toDay`. */
  readonly repeatBuyers: number;
  /** Buyers whose first purchase lies `withinDays` days or more before `toDay`: their window is over. */
  readonly eligible: number;
  /** Of the eligible, those whose second purchase came within `withinDays` × 24 h of the first. */
  readonly repeatWithin: number;
}

/**
 * Repeat purchase: of the customers whose first purchase falls in each period of the range, how many
 * bought again (by `toDay`) and how many within `withinDays` days of their first purchase.
 * @example repeatPurchases(columns, { unit: 'month', purchaseEvent: 'Order Completed', withinDays: 30, ... })
 * // { total: { buyers: 400, repeatBuyers: 130, eligible: 380, repeatWithin: 70 }, cohorts: [...] }
 */
export function repeatPurchases(
  columns: EventColumns,
  query: RepeatPurchaseQuery,
): { total: RepeatPurchaseRow; cohorts: (RepeatPurchaseRow & { startDay: number })[] } {
  const { unit, zone, toDay } = query;
  const first = periodOf(query.fromDay, unit);
  const last = periodOf(toDay, unit);
  const rows = Array.from({ length: Math.max(0, last - first + 1) }, (_, c) => ({
    startDay: periodStartDay(first + c, unit),
    buyers: 0,
    repeatBuyers: 0,
    eligible: 0,
    repeatWithin: 0,
  }));
  const purchase = resolveName(columns, query.purchaseEvent);
  const { branch: branchIndex, channel: channelIndex } = resolveScope(columns, query.scope);
  const anyBranch = branchIndex === ANY;
  const anyChannel = channelIndex === ANY;
  const { customerStart, name, at, branch, channel } = columns;
  const clock = periodClock(unit, query.fromDay, toDay, zone);
  const windowMs = query.withinDays * 86_400_000;

  for (let c = 0; c + 1 < customerStart.length; c++) {
    const end = customerStart[c + 1]!;
    let firstAt = NaN;
    let period = NaN;
    let secondAt = NaN;
    for (let i = customerStart[c]!; i < end; i++) {
      if (name[i] !== purchase) continue;
      if (!(anyBranch || branch[i] === branchIndex) || !(anyChannel || channel[i] === channelIndex)) continue;
      const p = periodAt(clock, at[i]!);
      if (Number.isNaN(p)) break; // after `toDay`: so are the rest
      if (Number.isNaN(firstAt)) {
        firstAt = at[i]!;
        period = p;
      } else {
        secondAt = at[i]!;
        break;
      }
    }
    if (!(period >= first)) continue;
    const row = rows[period - first]!;
    row.buyers++;
    if (!Number.isNaN(secondAt)) row.repeatBuyers++;
    if (localDayIn(firstAt, zone) + query.withinDays <= toDay) {
      row.eligible++;
      if (secondAt - firstAt <= windowMs) row.repeatWithin++;
    }
  }
  const total = { buyers: 0, repeatBuyers: 0, eligible: 0, repeatWithin: 0 };
  for (const row of rows) {
    total.buyers += row.buyers;
    total.repeatBuyers += row.repeatBuyers;
    total.eligible += row.eligible;
    total.repeatWithin += row.repeatWithin;
  }
  return { total, cohorts: rows };
}
