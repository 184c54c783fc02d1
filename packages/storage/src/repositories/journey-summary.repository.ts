import { localDayOf } from '../journey/zoned-day.ts';
import { waitBucket } from '../journey/wait-histogram.ts';
import type { TransitionRow } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';
import { JourneyNowRepository } from './journey-now.repository.ts';

/** What the daily summaries read of a transition. */
export type SummarizedTransition = Pick<
  TransitionRow,
  | 'workspace_id'
  | 'kind'
  | 'from_value'
  | 'to_value'
  | 'at'
  | 'since'
  | 'first_channel'
  | 'home_branch_id'
  | 'since_home_branch_id'
>;

const COLUMNS = [
  'workspace_id',
  'kind',
  'from_value',
  'to_value',
  'at',
  'since',
  'first_channel',
  'home_branch_id',
  'since_home_branch_id',
] as const;

// A page of a workspace's transitions when the summaries are recomputed from them.
const PAGE = 20_000;

interface Summaries {
  moves: Map<string, number>;
  exits: Map<string, number>;
}

const SEP = '\u001f';

/**
 * The daily summaries of the transitions (journey_daily_moves, journey_daily_exits). TransitionRepository
 * adds and takes away rows here in the same statement sequence as it writes transitions, so within the
 * caller's transaction the summaries always equal what `recompute` would make from the table. Days are
 * the workspace's local days, in the time zone it has when the rows are written (`recompute` after a
 * change of zone).
 */
export class JourneySummaryRepository {
  constructor(private readonly db: Executor) {}

  /** Counts these transitions in (sign 1) or out (sign -1) of their workspaces' summaries. */
  async add(rows: readonly SummarizedTransition[], sign: 1 | -1): Promise<void> {
    if (rows.length === 0) return;
    const zones = await this.timeZones([...new Set(rows.map((r) => r.workspace_id))]);
    const summaries: Summaries = { moves: new Map(), exits: new Map() };
    for (const row of rows) summarize(row, zones.get(row.workspace_id) ?? 'UTC', sign, summaries);
    await this.write(summaries);
  }

  /** Removes a workspace's summaries (before a rebuild writes its transitions again). */
  async clear(workspaceId: string): Promise<void> {
    await this.db.deleteFrom('journey_daily_moves').where('workspace_id', '=', workspaceId).execute();
    await this.db.deleteFrom('journey_daily_exits').where('workspace_id', '=', workspaceId).execute();
  }

  /**
   * Makes a workspace's summaries anew from its transitions (and the counts of now from its states):
   * after a rebuild, or a change of time zone.
   */
  async recompute(workspaceId: string): Promise<void> {
    await new JourneyNowRepository(this.db).recompute(workspaceId);
    await this.clear(workspaceId);
    const zone = (await this.timeZones([workspaceId])).get(workspaceId) ?? 'UTC';
    const summaries: Summaries = { moves: new Map(), exits: new Map() };
    for (let afterId = 0; ;) {
      const page = await this.db
        .selectFrom('transitions')
        .select(['id', ...COLUMNS])
        .where('workspace_id', '=', workspaceId)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(PAGE)
        .execute();
      for (const row of page) summarize(row, zone, 1, summaries);
      const last = page.at(-1);
      if (last === undefined || page.length < PAGE) break;
      afterId = Number(last.id);
    }
    await this.write(summaries);
  }

  /** Workspaces whose journeys predate the attribution of transitions and need one rebuild. */
  async pendingRebuilds(): Promise<string[]> {
    const rows = await this.db.selectFrom('journey_rebuild_pending').select('workspace_id').execute();
    return rows.map((r) => r.workspace_id);
  }

  async rebuilt(workspaceId: string): Promise<void> {
    await this.db.deleteFrom('journey_rebuild_pending').where('workspace_id', '=', workspaceId).execute();
  }

  private async timeZones(workspaceIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('workspaces')
      .select(['id', 'timezone'])
      .where('id', 'in', workspaceIds)
      .execute();
    return new Map(rows.map((r) => [r.id, r.timezone]));
  }

  private async write({ moves, exits }: Summaries): Promise<void> {
    // Sorted, and moves before exits: concurrent transactions on PostgreSQL then take the row locks
    // they share in one order, and wait for each other rather than deadlock.
    const moveRows = sortedByKey(moves).map(([key, count]) => {
      const [workspace_id, kind, day, from_value, to_value, first_channel, home_branch_id] = key.split(SEP);
      return {
        workspace_id: workspace_id!,
        kind: kind as 'stage' | 'status',
        day: Number(day),
        from_value: from_value!,
        to_value: to_value!,
        first_channel: first_channel!,
        home_branch_id: home_branch_id!,
        moves: count,
      };
    });
    // 8 bound values a row.
    for (const part of chunks(moveRows, 400)) {
      await this.db
        .insertInto('journey_daily_moves')
        .values(part)
        .onConflict((oc) =>
          oc
            .columns([
              'workspace_id',
              'kind',
              'day',
              'from_value',
              'to_value',
              'first_channel',
              'home_branch_id',
            ])
            .doUpdateSet((eb) => ({ moves: eb('journey_daily_moves.moves', '+', eb.ref('excluded.moves')) })),
        )
        .execute();
    }
    const exitRows = sortedByKey(exits).map(([key, count]) => {
      const [workspace_id, entry_day, stage, next_stage, first_channel, home_branch_id, wait_bucket] =
        key.split(SEP);
      return {
        workspace_id: workspace_id!,
        entry_day: Number(entry_day),
        stage: stage!,
        next_stage: next_stage!,
        first_channel: first_channel!,
        home_branch_id: home_branch_id!,
        wait_bucket: Number(wait_bucket),
        exits: count,
      };
    });
    for (const part of chunks(exitRows, 400)) {
      await this.db
        .insertInto('journey_daily_exits')
        .values(part)
        .onConflict((oc) =>
          oc
            .columns([
              'workspace_id',
              'entry_day',
              'stage',
              'next_stage',
              'first_channel',
              'home_branch_id',
              'wait_bucket',
            ])
            .doUpdateSet((eb) => ({ exits: eb('journey_daily_exits.exits', '+', eb.ref('excluded.exits')) })),
        )
        .execute();
    }
  }
}

function summarize(row: SummarizedTransition, zone: string, sign: 1 | -1, into: Summaries): void {
  const channel = row.first_channel ?? '';
  const moveKey = [
    row.workspace_id,
    row.kind,
    localDayOf(row.at, zone),
    row.from_value ?? '',
    row.to_value,
    channel,
    row.home_branch_id ?? '',
  ].join(SEP);
  into.moves.set(moveKey, (into.moves.get(moveKey) ?? 0) + sign);
  // A stage visit that ended: counted on the day it began, at the branch it began at.
  if (row.kind !== 'stage' || row.from_value === null || row.since === null) return;
  const exitKey = [
    row.workspace_id,
    localDayOf(row.since, zone),
    row.from_value,
    row.to_value,
    channel,
    row.since_home_branch_id ?? '',
    waitBucket(row.at - row.since),
  ].join(SEP);
  into.exits.set(exitKey, (into.exits.get(exitKey) ?? 0) + sign);
}

function sortedByKey(counts: Map<string, number>): [string, number][] {
  return [...counts].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
