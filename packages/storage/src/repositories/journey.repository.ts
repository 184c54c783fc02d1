import { sql } from 'kysely';
import { medianWait, quantileWait } from '../journey/wait-histogram.ts';
import { isoWeekStart, splitMonths } from '../journey/zoned-day.ts';
import type { TransitionRow } from '../schema.ts';
import type { Executor } from './executor.ts';
import { journeyFilterSql, type JourneyFilter } from './journey-filter.ts';
import { periodEntries, periodExits, type DayRange, type ExitCount } from './journey-period.ts';
import type { StageCount, StatusCount } from './journey-state.repository.ts';
import type { TransitionCount } from './transition.repository.ts';

/** The share of ended stays shorter than a stay that counts as longer than usual. */
const LONG_STAY = 0.9;

export type { DayRange } from './journey-period.ts';

export interface FunnelOptions {
  /** The workspace's stages in journey order: a move to a later one is a move on. */
  stages: readonly string[];
  range: DayRange;
  filter?: JourneyFilter;
}

/** One stage of the funnel of a period. */
export interface FunnelStep {
  stage: string;
  /** Entries into the stage during the period; a customer who entered twice counts twice. */
  entered: number;
  /** Of those visits, the ones that have ended by now, by a move in any direction. */
  left: number;
  /** Of those visits, the ones that ended by now in a move to a later stage (a skip counts too). */
  movedOn: number;
  /** Where the ended visits went, most first. */
  next: { stage: string; count: number }[];
  /** Median time from entering to moving on, over the visits that moved on (ms); null when none did. */
  medianToMoveOnMs: number | null;
  /** Median time in the stage, over the visits that ended (ms); null when none did. */
  medianInStageMs: number | null;
  /** The time 9 in 10 of the visits that ended stayed less than (ms): longer is stuck. Null when none ended. */
  longStayMs: number | null;
}

export interface NowCounts {
  stages: StageCount[];
  statuses: StatusCount[];
}

export interface WeeklyEntries {
  /** The Monday that starts the ISO week, as a local day. */
  weekStart: number;
  stage: string;
  entries: number;
}

/**
 * The journey questions of the dashboard (the overview and the journey map), answered from state kept
 * current on ingestion: journey_states for "now", the daily summaries for a period. Each takes a
 * JourneyFilter, so every section of a page answers for the same customers.
 */
export class JourneyRepository {
  constructor(private readonly db: Executor) {}

  /**
   * The stage funnel of a period: per stage, how many entered during it, how many of those visits have
   * moved on to a later stage by now, and how long that took (median).
   *
   * @example
   * await new JourneyRepository(db).funnel(workspaceId, {
   *   stages: ['awareness', 'consideration', 'purchase'],
   *   range: { fromDay: dayNumber('2026-11-01')!, toDay: dayNumber('2026-11-30')! },
   *   filter: { channel: 'whatsapp' },
   * }); // [{ stage: 'awareness', entered: 120, movedOn: 45, medianToMoveOnMs: 259200000, ... }, ...]
   */
  async funnel(workspaceId: string, options: FunnelOptions): Promise<FunnelStep[]> {
    const { range, filter, stages } = options;
    // Entries by touchpoint add up to the entries: every move into a stage has one ('' for the clock).
    const [entries, exits] = await Promise.all([
      periodEntries(this.db, workspaceId, 'touchpoint', range, filter),
      periodExits(this.db, workspaceId, range, filter),
    ]);
    const entered = new Map<string, number>();
    for (const e of entries) entered.set(e.stage, (entered.get(e.stage) ?? 0) + e.entries);
    const order = new Map(stages.map((stage, i) => [stage, i]));
    return stages.map((stage) => {
      const own = exits.filter((e) => e.stage === stage);
      const forward = own.filter((e) => (order.get(e.next_stage) ?? -1) > (order.get(stage) ?? -1));
      return {
        stage,
        entered: entered.get(stage) ?? 0,
        left: total(own),
        movedOn: total(forward),
        next: byNextStage(own),
        medianToMoveOnMs: medianWait(histogram(forward)),
        medianInStageMs: medianWait(histogram(own)),
        longStayMs: quantileWait(histogram(own), LONG_STAY),
      };
    });
  }

  /**
   * Entries into each stage per ISO week (Monday to Sunday, local days) that meets the period, counting
   * the period's days only: its whole weeks from journey_weekly_entries, the days of the weeks cut at its
   * ends from journey_daily_moves.
   */
  async weeklyEntries(
    workspaceId: string,
    range: DayRange,
    filter?: JourneyFilter,
  ): Promise<WeeklyEntries[]> {
    const firstWhole =
      isoWeekStart(range.fromDay) === range.fromDay ? range.fromDay : isoWeekStart(range.fromDay) + 7;
    const afterLastWhole = isoWeekStart(range.toDay + 1);
    const whole = firstWhole < afterLastWhole;
    const days = whole
      ? [
          { fromDay: range.fromDay, toDay: firstWhole - 1 },
          { fromDay: afterLastWhole, toDay: range.toDay },
        ].filter((d) => d.fromDay <= d.toDay)
      : [range];
    // 1970-01-01 was a Thursday: day - (day + 3) % 7 is the Monday of its week (days here are positive).
    const weekStart = sql<number>`${sql.ref('day')} - (${sql.ref('day')} + 3) % 7`;
    const reads = days.map((d) =>
      this.db
        .selectFrom('journey_daily_moves')
        .select((eb) => [weekStart.as('week'), 'to_value as stage', eb.fn.sum<number>('moves').as('count')])
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', 'stage')
        .where('day', '>=', d.fromDay)
        .where('day', '<=', d.toDay)
        .where(journeyFilterSql(filter, 'home_branch_id'))
        .groupBy([weekStart, 'to_value'])
        .execute(),
    );
    if (whole)
      reads.push(
        this.db
          .selectFrom('journey_weekly_entries')
          .select((eb) => ['week', 'stage', eb.fn.sum<number>('entries').as('count')])
          .where('workspace_id', '=', workspaceId)
          .where('week', '>=', firstWhole)
          .where('week', '<', afterLastWhole)
          .where(journeyFilterSql(filter, 'home_branch_id'))
          .groupBy(['week', 'stage'])
          .execute(),
      );
    const sums = new Map<string, WeeklyEntries>();
    for (const r of (await Promise.all(reads)).flat()) {
      const key = `${Number(r.week)}\u001f${r.stage}`;
      const sum = sums.get(key) ?? { weekStart: Number(r.week), stage: r.stage, entries: 0 };
      sum.entries += Number(r.count);
      sums.set(key, sum);
    }
    return [...sums.values()]
      .filter((s) => s.entries !== 0)
      .sort((a, b) => a.weekStart - b.weekStart || (a.stage < b.stage ? -1 : a.stage > b.stage ? 1 : 0));
  }

  /**
   * The transition matrix of whole local days, from the summaries (see TransitionRepository.summary): the
   * whole calendar months from journey_monthly_moves, the days at either end from journey_daily_moves.
   */
  async moves(
    workspaceId: string,
    kind: TransitionRow['kind'],
    range: DayRange,
    filter?: JourneyFilter,
  ): Promise<TransitionCount[]> {
    const { days, months } = splitMonths(range);
    const reads = days.map((d) =>
      this.db
        .selectFrom('journey_daily_moves')
        .select((eb) => ['from_value', 'to_value', eb.fn.sum<number>('moves').as('count')])
        .where('workspace_id', '=', workspaceId)
        .where('kind', '=', kind)
        .where('day', '>=', d.fromDay)
        .where('day', '<=', d.toDay)
        .where(journeyFilterSql(filter, 'home_branch_id'))
        .groupBy(['from_value', 'to_value'])
        .execute(),
    );
    if (months !== null)
      reads.push(
        this.db
          .selectFrom('journey_monthly_moves')
          .select((eb) => ['from_value', 'to_value', eb.fn.sum<number>('moves').as('count')])
          .where('workspace_id', '=', workspaceId)
          .where('kind', '=', kind)
          .where('month', '>=', months.from)
          .where('month', '<=', months.to)
          .where(journeyFilterSql(filter, 'home_branch_id'))
          .groupBy(['from_value', 'to_value'])
          .execute(),
      );
    const sums = new Map<string, { from: string; to: string; count: number }>();
    for (const r of (await Promise.all(reads)).flat()) {
      const key = `${r.from_value}\u001f${r.to_value}`;
      const sum = sums.get(key) ?? { from: r.from_value, to: r.to_value, count: 0 };
      sum.count += Number(r.count);
      sums.set(key, sum);
    }
    // In (from, to) order, a first entry ('') first, as the transitions themselves are summarized.
    return [...sums.values()]
      .filter((s) => s.count !== 0)
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0))
      .map((s) => ({ from_value: s.from === '' ? null : s.from, to_value: s.to, count: s.count }));
  }

  /**
   * Customers per stage (null: no stage yet) and per status now, for the filter's customers (their
   * branch now), from the counts kept beside the states.
   */
  async nowCounts(workspaceId: string, filter?: JourneyFilter): Promise<NowCounts> {
    const rows = await this.db
      .selectFrom('journey_now_counts')
      .select((eb) => ['stage', 'status', eb.fn.sum<number>('customers').as('count')])
      .where('workspace_id', '=', workspaceId)
      .where(journeyFilterSql(filter, 'home_branch_id'))
      .groupBy(['stage', 'status'])
      .execute();
    const stages = new Map<string | null, number>();
    const statuses = new Map<string, number>();
    for (const row of rows) {
      const count = Number(row.count);
      if (count === 0) continue;
      const stage = row.stage === '' ? null : row.stage;
      stages.set(stage, (stages.get(stage) ?? 0) + count);
      statuses.set(row.status, (statuses.get(row.status) ?? 0) + count);
    }
    const text = (value: string | null) => value ?? '';
    return {
      stages: [...stages]
        .map(([stage, count]) => ({ stage, count }))
        .sort((a, b) => text(a.stage).localeCompare(text(b.stage))),
      statuses: [...statuses]
        .map(([status, count]) => ({ status, count }))
        .sort((a, b) => a.status.localeCompare(b.status)),
    };
  }
}

type ExitRow = ExitCount;

function total(rows: readonly ExitRow[]): number {
  return rows.reduce((sum, r) => sum + Number(r.count), 0);
}

function histogram(rows: readonly ExitRow[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const r of rows)
    counts.set(Number(r.wait_bucket), (counts.get(Number(r.wait_bucket)) ?? 0) + Number(r.count));
  return counts;
}

function byNextStage(rows: readonly ExitRow[]): { stage: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.next_stage, (counts.get(r.next_stage) ?? 0) + Number(r.count));
  return [...counts]
    .map(([stage, count]) => ({ stage, count }))
    .filter((n) => n.count !== 0)
    .sort((a, b) => b.count - a.count || a.stage.localeCompare(b.stage));
}
