import { splitMonths, startOfLocalDay } from '../journey/zoned-day.ts';
import type { Executor } from './executor.ts';
import { journeyFilterSql, type JourneyFilter } from './journey-filter.ts';
import { periodEntries, type DayRange, type StageEntries } from './journey-period.ts';

/** A period as instants: `from` included, `to` excluded (epoch ms). */
export interface Period {
  from: number;
  to: number;
}

export type { StageEntries } from './journey-period.ts';

/** Feedback of one measure and sentiment in a stage: how many answers, and their scores added up. */
export interface SignalCount {
  stage: string | null;
  /** `rating`, `nps`, `csat`, `ces`; null for a negative experience without a score. */
  measure: string | null;
  sentiment: 'positive' | 'neutral' | 'negative';
  count: number;
  scoreSum: number;
}

/** Negative experiences in a stage at one touchpoint and branch. */
export interface NegativeCount {
  stage: string | null;
  name: string;
  /** The customer's branch at the time (the event's own when it named one); null for none. */
  branchId: string | null;
  count: number;
}

export interface StageStatusCount {
  stage: string | null;
  status: string;
  count: number;
}

/**
 * The journey map's questions that no other page asks: what brought customers into each stage (the
 * touchpoint and channel of the entries), how they felt there (journey signals) and who is stuck. Each
 * reads an index range or two: the daily and monthly entries of the period, the monthly sums of the
 * signals and the signals' time-ordered key for the days at the period's ends, or the states'
 * (stage, stage_entered_at, attribution) index. A JourneyFilter keeps the customers of one channel and branch, by
 * their attribution at the time, as JourneyRepository does.
 */
export class JourneyMapRepository {
  constructor(private readonly db: Executor) {}

  /** Entries into each stage in the period's days, by the name of the event that caused them. */
  entriesByTouchpoint(workspaceId: string, range: DayRange, filter?: JourneyFilter): Promise<StageEntries[]> {
    return periodEntries(this.db, workspaceId, 'touchpoint', range, filter);
  }

  /** Entries into each stage in the period's days, by the channel of the event that caused them. */
  entriesByChannel(workspaceId: string, range: DayRange, filter?: JourneyFilter): Promise<StageEntries[]> {
    return periodEntries(this.db, workspaceId, 'channel', range, filter);
  }

  /**
   * Feedback and negative experiences of the period's days per stage, measure and sentiment: the whole
   * calendar months from journey_monthly_signals, the days at either end from the signals themselves.
   */
  async signals(
    workspaceId: string,
    range: DayRange,
    timeZone: string,
    filter?: JourneyFilter,
  ): Promise<SignalCount[]> {
    const { days, months } = splitMonths(range);
    const reads = days.map((d) =>
      this.db
        .selectFrom('journey_signals')
        .select((eb) => [
          'stage',
          'measure',
          'sentiment',
          eb.fn.countAll<number>().as('count'),
          eb.fn.sum<number | null>('score').as('score_sum'),
        ])
        .where('workspace_id', '=', workspaceId)
        .where('at', '>=', startOfLocalDay(d.fromDay, timeZone))
        .where('at', '<', startOfLocalDay(d.toDay + 1, timeZone))
        .where(journeyFilterSql(filter, 'home_branch_id'))
        .groupBy(['stage', 'measure', 'sentiment'])
        .execute(),
    );
    if (months !== null)
      reads.push(
        this.db
          .selectFrom('journey_monthly_signals')
          .select((eb) => [
            'stage',
            'measure',
            'sentiment',
            eb.fn.sum<number>('signals').as('count'),
            eb.fn.sum<number | null>('score_sum').as('score_sum'),
          ])
          .where('workspace_id', '=', workspaceId)
          .where('month', '>=', months.from)
          .where('month', '<=', months.to)
          .where(journeyFilterSql(filter, 'home_branch_id'))
          .groupBy(['stage', 'measure', 'sentiment'])
          .execute(),
      );
    const sums = new Map<string, SignalCount>();
    for (const r of (await Promise.all(reads)).flat()) {
      const stage = r.stage === '' ? null : r.stage;
      const measure = r.measure === '' ? null : r.measure;
      const key = JSON.stringify([stage, measure, r.sentiment]);
      const sum = sums.get(key) ?? { stage, measure, sentiment: r.sentiment, count: 0, scoreSum: 0 };
      sum.count += Number(r.count);
      sum.scoreSum += Number(r.score_sum ?? 0);
      sums.set(key, sum);
    }
    return [...sums.values()].filter((s) => s.count !== 0);
  }

  /**
   * Negative experiences of the period's days (as the rules define them) per stage, touchpoint and
   * branch: whole months from journey_monthly_negatives, the days at either end from the signals.
   */
  async negatives(
    workspaceId: string,
    range: DayRange,
    timeZone: string,
    filter?: JourneyFilter,
  ): Promise<NegativeCount[]> {
    const { days, months } = splitMonths(range);
    const reads = days.map((d) =>
      this.db
        .selectFrom('journey_signals')
        .select((eb) => ['stage', 'name', 'home_branch_id', eb.fn.countAll<number>().as('count')])
        .where('workspace_id', '=', workspaceId)
        .where('at', '>=', startOfLocalDay(d.fromDay, timeZone))
        .where('at', '<', startOfLocalDay(d.toDay + 1, timeZone))
        .where('negative', '=', 1)
        .where(journeyFilterSql(filter, 'home_branch_id'))
        .groupBy(['stage', 'name', 'home_branch_id'])
        .execute(),
    );
    if (months !== null)
      reads.push(
        this.db
          .selectFrom('journey_monthly_negatives')
          .select((eb) => ['stage', 'name', 'home_branch_id', eb.fn.sum<number>('negatives').as('count')])
          .where('workspace_id', '=', workspaceId)
          .where('month', '>=', months.from)
          .where('month', '<=', months.to)
          .where(journeyFilterSql(filter, 'home_branch_id'))
          .groupBy(['stage', 'name', 'home_branch_id'])
          .execute(),
      );
    const sums = new Map<string, NegativeCount>();
    for (const r of (await Promise.all(reads)).flat()) {
      const stage = r.stage === '' ? null : r.stage;
      const branchId = r.home_branch_id === '' ? null : r.home_branch_id;
      const key = JSON.stringify([stage, r.name, branchId]);
      const sum = sums.get(key) ?? { stage, name: r.name, branchId, count: 0 };
      sum.count += Number(r.count);
      sums.set(key, sum);
    }
    return [...sums.values()].filter((s) => s.count !== 0);
  }

  /** Customers now in `stage` who entered it before `enteredBefore`. */
  async inStageSince(
    workspaceId: string,
    stage: string,
    enteredBefore: number,
    filter?: JourneyFilter,
  ): Promise<number> {
    const row = await this.db
      .selectFrom('journey_states')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('workspace_id', '=', workspaceId)
      .where('stage', '=', stage)
      .where('stage_entered_at', '<', enteredBefore)
      .where(journeyFilterSql(filter, 'home_branch_id'))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** Customers now per stage and status, from the counts kept beside the states (journey_now_counts). */
  async byStageAndStatus(workspaceId: string, filter?: JourneyFilter): Promise<StageStatusCount[]> {
    const rows = await this.db
      .selectFrom('journey_now_counts')
      .select((eb) => ['stage', 'status', eb.fn.sum<number>('customers').as('count')])
      .where('workspace_id', '=', workspaceId)
      .where(journeyFilterSql(filter, 'home_branch_id'))
      .groupBy(['stage', 'status'])
      .execute();
    return rows
      .map((r) => ({ stage: r.stage === '' ? null : r.stage, status: r.status, count: Number(r.count) }))
      .filter((r) => r.count !== 0);
  }
}
