// Lifecycle per period (new, returning, resurrecting, dormant) as one pass over the event layout.
import { localDayIn, periodOf, periodStartDay, type PeriodUnit, type ZoneOffset } from './calendar-period.ts';
import { ANY, inScope, resolveName, resolveScope, type EventScope } from './event-scope.ts';
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
  const { unit, zone, toDay } = query;
  const first = periodOf(query.fromDay, unit);
  const last = periodOf(toDay, unit);
  const length = Math.max(0, last - first + 1);
  const counts = { new: new Array<number>(length).fill(0), returning: new Array<number>(length).fill(0) };
  const resurrecting = new Array<number>(length).fill(0);
  const dormant = new Array<number>(length).fill(0);
  const add = (into: number[], period: number) => {
    if (period >= first && period <= last) into[period - first]!++;
  };
  const event = resolveName(columns, query.event);
  const { branch, channel } = resolveScope(columns, query.scope);
  const { customerStart, name, at } = columns;

  for (let c = 0; c + 1 < customerStart.length; c++) {
    const end = customerStart[c + 1]!;
    let previous = NaN;
    for (let i = customerStart[c]!; i < end; i++) {
      if ((event !== ANY && name[i] !== event) || !inScope(columns, i, branch, channel)) continue;
      const day = localDayIn(at[i]!, zone);
      if (day > toDay) continue;
      const period = periodOf(day, unit);
      if (period <= previous) continue;
      if (Number.isNaN(previous)) add(counts.new, period);
      else if (period === previous + 1) add(counts.returning, period);
      else {
        add(resurrecting, period);
        add(dormant, previous + 1);
      }
      previous = period;
    }
    if (!Number.isNaN(previous)) add(dormant, previous + 1);
  }
  return Array.from({ length }, (_, k) => ({
    startDay: periodStartDay(first + k, unit),
    new: counts.new[k]!,
    returning: counts.returning[k]!,
    resurrecting: resurrecting[k]!,
    dormant: dormant[k]!,
  }));
}
