import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export type PeriodUnit = 'week' | 'month';
export type EventChoice = 'purchase' | 'any' | 'event';

export interface RepeatFigures {
  buyers: number;
  repeatBuyers: number;
  repeatRate: number | null;
  eligible: number;
  repeatWithin: number;
  repeatWithinRate: number | null;
}

export interface RetentionReport {
  unit: PeriodUnit;
  from: string;
  to: string;
  timezone: string;
  cohortEvent: string | null;
  returnEvent: string | null;
  filter: { branchId: string | null; channel: string | null };
  cohorts: {
    start: string;
    size: number;
    retained: number[];
    share: (number | null)[];
    revenue: number[];
    revenueShare: (number | null)[];
  }[];
  repeat: { withinDays: number; total: RepeatFigures; cohorts: (RepeatFigures & { start: string })[] };
  lifecycle: { start: string; new: number; returning: number; resurrecting: number; dormant: number }[];
  eventNames: string[];
  channels: string[];
}

/** What the page asks: every field as the API names it; empty ones are left out. */
export interface RetentionFilter {
  unit: PeriodUnit;
  cohortBy: EventChoice;
  cohortEvent: string;
  returnBy: EventChoice;
  returnEvent: string;
  from: string;
  to: string;
  branchId: string;
  channel: string;
  withinDays: number;
}

function queryOf(filter: RetentionFilter): URLSearchParams {
  const query = new URLSearchParams({
    unit: filter.unit,
    cohortBy: filter.cohortBy,
    returnBy: filter.returnBy,
    withinDays: String(filter.withinDays),
  });
  if (filter.cohortBy === 'event' && filter.cohortEvent) query.set('cohortEvent', filter.cohortEvent);
  if (filter.returnBy === 'event' && filter.returnEvent) query.set('returnEvent', filter.returnEvent);
  for (const key of ['from', 'to', 'branchId', 'channel'] as const)
    if (filter[key]) query.set(key, filter[key]);
  return query;
}

const base = (ws: string) => `/workspaces/${ws}/analytics/retention`;

export function retentionCsvUrl(
  ws: string,
  table: 'cohorts' | 'repeat' | 'lifecycle',
  filter: RetentionFilter,
  lang: 'id' | 'en',
): string {
  const query = queryOf(filter);
  query.set('lang', lang);
  return `/api/v1${base(ws)}/${table}.csv?${query}`;
}

/** The report; an 'event' choice without its event is not asked until one is chosen. */
export function useRetention(ws: string, filter: RetentionFilter) {
  const complete =
    (filter.cohortBy !== 'event' || filter.cohortEvent !== '') &&
    (filter.returnBy !== 'event' || filter.returnEvent !== '');
  return useQuery({
    queryKey: ['retention', ws, filter],
    enabled: complete,
    placeholderData: keepPreviousData,
    queryFn: () => api.get<RetentionReport>(`${base(ws)}?${queryOf(filter)}`),
  });
}
