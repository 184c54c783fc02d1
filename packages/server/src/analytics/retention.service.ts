import {
  assertUnreachable,
  lifecycle,
  periodOf,
  periodStartDay,
  repeatPurchases,
  retentionMatrix,
  type EventColumns,
  type PeriodUnit,
} from '@jejak/core';
import {
  BranchRepository,
  WorkspaceRepository,
  dayNumber,
  dayText,
  localDayOf,
  startOfLocalDay,
} from '@jejak/storage';
import type { Store } from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';
import { offsetSegments } from '../reports/report-period.ts';

/** The event the order service and the sales import record for every completed sale. */
export const PURCHASE_EVENT = 'Order Completed';
/** Two years of weeks, five of months: a matrix a person can still read. */
export const MAX_PERIODS = 104;
const DEFAULT_PERIODS = 12;

export type EventChoice = 'purchase' | 'any' | 'event';

export interface RetentionRequest {
  unit: PeriodUnit;
  cohortBy: EventChoice;
  cohortEvent?: string | undefined;
  returnBy: EventChoice;
  returnEvent?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  branchId?: string | undefined;
  channel?: string | undefined;
  withinDays: number;
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
  repeat: {
    withinDays: number;
    total: RepeatFigures;
    cohorts: (RepeatFigures & { start: string })[];
  };
  lifecycle: { start: string; new: number; returning: number; resurrecting: number; dormant: number }[];
  /** What the filters and event choices can name: the workspace's event names and channels. */
  eventNames: string[];
  channels: string[];
}

export interface RepeatFigures {
  buyers: number;
  repeatBuyers: number;
  repeatRate: number | null;
  eligible: number;
  repeatWithin: number;
  repeatWithinRate: number | null;
}

/** Where the snapshot of a workspace's event layout comes from (services.eventColumns). */
export interface EventColumnsSource {
  snapshot(workspaceId: string): Promise<EventColumns>;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Retention cohorts, revenue retention, repeat purchase and lifecycle of a workspace, as scans over
 * its event layout (see retentionMatrix and lifecycle in @jejak/core for the definitions).
 */
export class RetentionService {
  constructor(
    private readonly store: Store,
    private readonly columns: EventColumnsSource,
    private readonly now: () => number,
  ) {}

  async report(workspaceId: string, request: RetentionRequest): Promise<RetentionReport> {
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    if (request.branchId !== undefined) {
      const branch = await new BranchRepository(this.store.db).get(workspaceId, request.branchId);
      if (!branch) throw notFound(`Branch ${request.branchId}`);
    }
    const tz = workspace.timezone;
    const { unit } = request;
    const toDay = request.to !== undefined ? parseDay(request.to, 'to') : localDayOf(this.now(), tz);
    const fromDay =
      request.from !== undefined
        ? parseDay(request.from, 'from')
        : periodStartDay(periodOf(toDay, unit) - (DEFAULT_PERIODS - 1), unit);
    if (fromDay > toDay) throw badRequest(`from (${dayText(fromDay)}) is after to (${dayText(toDay)})`);
    const periods = periodOf(toDay, unit) - periodOf(fromDay, unit) + 1;
    if (periods > MAX_PERIODS) {
      throw badRequest(
        `the range holds ${periods} ${unit}s; a retention report covers at most ${MAX_PERIODS}`,
      );
    }
    const cohortEvent = chosenEvent(request.cohortBy, request.cohortEvent, 'cohortEvent');
    const returnEvent = chosenEvent(request.returnBy, request.returnEvent, 'returnEvent');

    const columns = await this.columns.snapshot(workspaceId);
    const zone = offsetSegments(
      earliest(columns, startOfLocalDay(fromDay, tz)),
      startOfLocalDay(toDay + 1, tz),
      tz,
    );
    const scope = { branchId: request.branchId, channel: request.channel };
    const range = { unit, fromDay, toDay, zone, scope };
    const matrix = retentionMatrix(columns, { ...range, cohortEvent, returnEvent });
    const repeat = repeatPurchases(columns, {
      ...range,
      purchaseEvent: PURCHASE_EVENT,
      withinDays: request.withinDays,
    });
    const active = lifecycle(columns, { ...range, event: returnEvent });
    return {
      unit,
      from: dayText(periodStartDay(periodOf(fromDay, unit), unit)),
      to: dayText(toDay),
      timezone: tz,
      cohortEvent,
      returnEvent,
      filter: { branchId: request.branchId ?? null, channel: request.channel ?? null },
      cohorts: matrix.cohorts.map((c) => ({
        start: dayText(c.startDay),
        size: c.size,
        retained: c.retained,
        share: c.retained.map((n) => ratio(n, c.size)),
        revenue: c.revenue,
        revenueShare: c.revenue.map((r) => ratio(r, c.revenue[0]!)),
      })),
      repeat: {
        withinDays: request.withinDays,
        total: repeatFigures(repeat.total),
        cohorts: repeat.cohorts.map((r) => ({ start: dayText(r.startDay), ...repeatFigures(r) })),
      },
      lifecycle: active.map(({ startDay, ...counts }) => ({ start: dayText(startDay), ...counts })),
      eventNames: [...columns.names].sort(),
      channels: [...columns.channels].sort(),
    };
  }
}

function repeatFigures(r: { buyers: number; repeatBuyers: number; eligible: number; repeatWithin: number }) {
  return {
    buyers: r.buyers,
    repeatBuyers: r.repeatBuyers,
    repeatRate: ratio(r.repeatBuyers, r.buyers),
    eligible: r.eligible,
    repeatWithin: r.repeatWithin,
    repeatWithinRate: ratio(r.repeatWithin, r.eligible),
  };
}

function parseDay(text: string, field: string): number {
  const day = dayNumber(text);
  if (day === undefined) throw badRequest(`${field} (${text}) is not a calendar date`);
  return day;
}

function chosenEvent(by: EventChoice, name: string | undefined, field: string): string | null {
  if (by === 'event' && name === undefined)
    throw badRequest(`${field} is required when the choice is 'event'`);
  if (by !== 'event' && name !== undefined)
    throw badRequest(`${field} is given only with the choice 'event'`);
  switch (by) {
    case 'purchase':
      return PURCHASE_EVENT;
    case 'any':
      return null;
    case 'event':
      return name!;
    default:
      return assertUnreachable(by);
  }
}

/** The earliest event (or `from`, if earlier): the zone's offsets must cover every event the scan reads. */
function earliest(columns: EventColumns, from: number): number {
  let min = from;
  const { at, customerStart } = columns;
  // Each customer's events are in time order: his first is his earliest.
  for (let c = 0; c + 1 < customerStart.length; c++) {
    if (customerStart[c]! < customerStart[c + 1]! && at[customerStart[c]!]! < min)
      min = at[customerStart[c]!]!;
  }
  return min;
}
