import { useSearchParams } from 'react-router';
import { addDays, dayOf, isDay, startOfDay } from '../format/zoned-day.ts';

export interface Period {
  /** First day, YYYY-MM-DD in the workspace's zone. */
  fromDay: string;
  /** Last day, inclusive. */
  toDay: string;
  /** The same period as instants [from, to) for the API. */
  from: number;
  to: number;
}

export const DEFAULT_DAYS = 30;

/**
 * The period a page shows, kept in the URL (?from=2026-10-26&to=2026-11-24) so a link or a reload
 * shows the same numbers. Without one: the last 30 days up to today, in the workspace's zone.
 */
export function usePeriod(timeZone: string) {
  const [params, setParams] = useSearchParams();
  const today = dayOf(Date.now(), timeZone);
  const toParam = params.get('to');
  const fromParam = params.get('from');
  const toDay = isDay(toParam) ? toParam : today;
  const fromDay = isDay(fromParam) ? fromParam : addDays(toDay, 1 - DEFAULT_DAYS);
  const period: Period = {
    fromDay,
    toDay,
    from: startOfDay(fromDay, timeZone),
    to: startOfDay(addDays(toDay, 1), timeZone),
  };
  const setPeriod = (next: { fromDay: string; toDay: string }) =>
    setParams(
      (current) => {
        current.set('from', next.fromDay);
        current.set('to', next.toDay);
        return current;
      },
      { replace: false },
    );
  const setLastDays = (days: number) => setPeriod({ fromDay: addDays(today, 1 - days), toDay: today });
  return { period, setPeriod, setLastDays, valid: period.from < period.to };
}
