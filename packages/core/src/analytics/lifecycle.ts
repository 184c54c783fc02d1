// Lifecycle per period (new, returning, resurrecting, dormant) as one pass over the event layout.
import {
  periodAt,
  periodClock,
  periodStartDay,
  type PeriodUnit,
  type ZoneOffset,
} from './calendar-period.ts';
import { ANY, resolveName, resolveScope, type EventScope } from './event-scope.ts';
import type { EventColumns } from './event-columns.ts';

export interface LifecycleQuery {
  readonly unit: PeriodUnit;
  /** The event that makes a customer active in a period; null: any event. */
  readonly event: string | null;
  /** The periods from the one holding `fromDay` to the one holding `toDay`; nothing after `toDay` is read. */
  readonly fromDay: number;
  readonly toDay: number;
  readonly zone: readonly ZoneOffset[];
  readonly scope: EventScope;
}

/**
 * Customers per lifecycle state in one period. Active in a period = did the event in it (in the scope):
 * new = active, and never active before; returning = active, and active in the period before;
 * resurrecting = active, not in the period before, but in some earlier one; dormant = not active, but
 * active in the period before. Every customer active in the period is exactly one of the first three.
 */
export interface LifecyclePeriod {
  readonly startDay: number;
  readonly new: number;
  readonly returning: number;
  readonly resurrecting: number;
  readonly dormant: number;
}

/**
 * The lifecycle of the customers per period, counted from their whole history (a customer active
 * before the range is returning, resurrecting or dormant in it, never new).
 * @example lifecycle(columns, { unit: 'week', event: 'Order Completed', fromDay, toDay, zone, scope: {} })
 * // [{ startDay, new: 12, returning: 30, resurrecting: 4, dormant: 9 }, ...]
 */
export function lifecycle(columns: EventColumns, query: LifecycleQuery): LifecyclePeriod[] {
  const clock = periodClock(query.unit, query.fromDay, query.toDay, query.zone);
  const { first, last } = clock;
  const length = Math.max(0, last - first + 1);
  // Per period of the range; index -1 and `length` (the periods just outside) are dropped.
  const fresh = new Int32Array(length + 2);
  const returning = new Int32Array(length + 2);
  const resurrecting = new Int32Array(length + 2);
  const dormant = new Int32Array(length + 2);
  const slot = (period: number) => (period >= first && period <= last ? period - first + 1 : 0);
  const event = resolveName(columns, query.event);
  const anyEvent = event === ANY;
  const { branch: branchIndex, channel: channelIndex } = resolveScope(columns, query.scope);
  const anyBranch = branchIndex === ANY;
  const anyChannel = channelIndex === ANY;
  const { customerStart, name, at, branch, channel } = columns;

  for (let c = 0; c + 1 < customerStart.length; c++) {
    const end = customerStart[c + 1]!;
    let previous = NaN;
    for (let i = customerStart[c]!; i < end; i++) {
      if (!(anyEvent || name[i] === event)) continue;
      if (!(anyBranch || branch[i] === branchIndex) || !(anyChannel || channel[i] === channelIndex)) continue;
      const period = periodAt(clock, at[i]!);
      if (Number.isNaN(period)) break; // after `toDay`: so are the rest
      if (period <= previous) continue;
      if (Number.isNaN(previous)) fresh[slot(period)]!++;
      else if (period === previous + 1) returning[slot(period)]!++;
      else {
        resurrecting[slot(period)]!++;
        dormant[slot(previous + 1)]!++;
      }
      previous = period;
    }
    if (!Number.isNaN(previous)) dormant[slot(previous + 1)]!++;
  }
  return Array.from({ length }, (_, k) => ({
    startDay: periodStartDay(first + k, query.unit),
    new: fresh[k + 1]!,
    returning: returning[k + 1]!,
    resurrecting: resurrecting[k + 1]!,
    dormant: dormant[k + 1]!,
  }));
}
