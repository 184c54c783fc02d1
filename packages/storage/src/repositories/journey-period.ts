import { splitMonths } from '../journey/zoned-day.ts';
import type { EntryDimension } from '../schema.ts';
import type { Executor } from './executor.ts';
import { journeyFilterSql, type JourneyFilter } from './journey-filter.ts';

/** Local days of the workspace (see zoned-day.ts), both ends included. */
export interface DayRange {
  fromDay: number;
  toDay: number;
}

/** Stage visits of a period that ended, by where they went and how long they lasted (a wait bucket). */
export interface ExitCount {
  stage: string;
  next_stage: string;
  wait_bucket: number;
  count: number;
}

/** Entries into a stage in a period by one value of the touchpoint that brought them. */
export interface StageEntries {
  stage: string;
  /** The touchpoint's name or channel; null for entries the clock made (a timer, no touchpoint). */
  value: string | null;
  entries: number;
}

/*
 * A period's sums from the summaries: its whole calendar months from the monthly tables (keyed in
 * group order, so SQLite streams them without a sort) and the days at either end from the daily ones.
 * The parts never overlap, so adding their rows gives the sums of the period's days exactly.
 */

/** The stage visits that began in the period's days and have ended, per stage, next stage and wait bucket. */
export async function periodExits(
  db: Executor,
  workspaceId: string,
  range: DayRange,
  filter?: JourneyFilter,
): Promise<ExitCount[]> {
  const { days, months } = splitMonths(range);
  const reads = days.map((d) =>
    db
      .selectFrom('journey_daily_exits')
      .select((eb) => ['stage', 'next_stage', 'wait_bucket', eb.fn.sum<number>('exits').as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('entry_day', '>=', d.fromDay)
      .where('entry_day', '<=', d.toDay)
      .where(journeyFilterSql(filter, 'home_branch_id'))
      .groupBy(['stage', 'next_stage', 'wait_bucket'])
      .execute(),
  );
  if (months !== null) {
    reads.push(
      db
        .selectFrom('journey_monthly_exits')
        .select((eb) => ['stage', 'next_stage', 'wait_bucket', eb.fn.sum<number>('exits').as('count')])
        .where('workspace_id', '=', workspaceId)
        .where('month', '>=', months.from)
        .where('month', '<=', months.to)
        .where(journeyFilterSql(filter, 'home_branch_id'))
        .groupBy(['stage', 'next_stage', 'wait_bucket'])
        .execute(),
    );
  }
  return (await Promise.all(reads))
    .flat()
    .map((r) => ({ ...r, wait_bucket: Number(r.wait_bucket), count: Number(r.count) }))
    .filter((r) => r.count !== 0);
}

/** Entries into each stage in the period's days, by touchpoint or by channel, parts added up. */
export async function periodEntries(
  db: Executor,
  workspaceId: string,
  dimension: EntryDimension,
  range: DayRange,
  filter?: JourneyFilter,
): Promise<StageEntries[]> {
  const { days, months } = splitMonths(range);
  const reads = days.map((d) =>
    db
      .selectFrom('journey_daily_entries')
      .select((eb) => ['stage', 'value', eb.fn.sum<number>('entries').as('count')])
      .where('workspace_id', '=', workspaceId)
      .where('dimension', '=', dimension)
      .where('day', '>=', d.fromDay)
      .where('day', '<=', d.toDay)
      .where(journeyFilterSql(filter, 'home_branch_id'))
      .groupBy(['stage', 'value'])
      .execute(),
  );
  if (months !== null) {
    reads.push(
      db
        .selectFrom('journey_monthly_entries')
        .select((eb) => ['stage', 'value', eb.fn.sum<number>('entries').as('count')])
        .where('workspace_id', '=', workspaceId)
        .where('dimension', '=', dimension)
        .where('month', '>=', months.from)
        .where('month', '<=', months.to)
        .where(journeyFilterSql(filter, 'home_branch_id'))
        .groupBy(['stage', 'value'])
        .execute(),
    );
  }
  const sums = new Map<string, StageEntries>();
  for (const row of (await Promise.all(reads)).flat()) {
    const key = `${row.stage}\u001f${row.value}`;
    const sum = sums.get(key) ?? { stage: row.stage, value: row.value === '' ? null : row.value, entries: 0 };
    sum.entries += Number(row.count);
    sums.set(key, sum);
  }
  return [...sums.values()].filter((s) => s.entries !== 0);
}
