import { sql } from 'kysely';
import { localDayOf, monthStart } from '../journey/zoned-day.ts';
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
  | 'cause_name'
  | 'channel'
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
  'cause_name',
  'channel',
] as const;

// A page of a workspace's transitions when the summaries are recomputed from them.
const PAGE = 20_000;

/**
 * A summary table: its key columns in key order (numbers marked), and the column that counts. Rows are
 * collected as counts under their key values joined by SEP, and upserted by adding to the count.
 */
interface CountTable {
  table: SummaryTable;
  key: readonly string[];
  numeric: ReadonlySet<string>;
  count: string;
}

type SummaryTable =
  | 'journey_daily_moves'
  | 'journey_daily_exits'
  | 'journey_daily_entries'
  | 'journey_monthly_exits'
  | 'journey_monthly_entries';

const TABLES: readonly CountTable[] = [
  {
    table: 'journey_daily_moves',
    key: ['workspace_id', 'kind', 'day', 'from_value', 'to_value', 'first_channel', 'home_branch_id'],
    numeric: new Set(['day']),
    count: 'moves',
  },
  {
    table: 'journey_daily_exits',
    key: [
      'workspace_id',
      'entry_day',
      'stage',
      'next_stage',
      'first_channel',
      'home_branch_id',
      'wait_bucket',
    ],
    numeric: new Set(['entry_day', 'wait_bucket']),
    count: 'exits',
  },
  {
    table: 'journey_daily_entries',
    key: ['workspace_id', 'dimension', 'day', 'stage', 'value', 'first_channel', 'home_branch_id'],
    numeric: new Set(['day']),
    count: 'entries',
  },
  {
    table: 'journey_monthly_exits',
    key: ['workspace_id', 'stage', 'next_stage', 'wait_bucket', 'month', 'first_channel', 'home_branch_id'],
    numeric: new Set(['wait_bucket', 'month']),
    count: 'exits',
  },
  {
    table: 'journey_monthly_entries',
    key: ['workspace_id', 'dimension', 'stage', 'value', 'month', 'first_channel', 'home_branch_id'],
    numeric: new Set(['month']),
    count: 'entries',
  },
];

/** Counts per table, each under its key values joined by SEP. */
type Summaries = Map<SummaryTable, Map<string, number>>;

const emptySummaries = (): Summaries => new Map(TABLES.map((t) => [t.table, new Map<string, number>()]));

const SEP = '\u001f';

/**
 * The daily summaries of the transitions (journey_daily_moves, journey_daily_exits,
 * journey_daily_entries) and the monthly sums of exits and entries. TransitionRepository
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
    const summaries = emptySummaries();
    for (const row of rows) summarize(row, zones.get(row.workspace_id) ?? 'UTC', sign, summaries);
    await this.write(summaries);
  }

  /** Removes a workspace's summaries (before a rebuild writes its transitions again). */
  async clear(workspaceId: string): Promise<void> {
    for (const { table } of TABLES)
      await this.db.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
  }

  /**
   * Makes a workspace's summaries anew from its transitions (and the counts of now from its states):
   * after a rebuild, or a change of time zone.
   */
  async recompute(workspaceId: string): Promise<void> {
    await new JourneyNowRepository(this.db).recompute(workspaceId);
    await this.clear(workspaceId);
    const zone = (await this.timeZones([workspaceId])).get(workspaceId) ?? 'UTC';
    const summaries = emptySummaries();
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

  private async write(summaries: Summaries): Promise<void> {
    // Tables in one order and rows sorted by key: concurrent transactions on PostgreSQL then take the row
    // locks they share in one order, and wait for each other rather than deadlock.
    for (const { table, key, numeric, count } of TABLES) {
      const rows = sortedByKey(summaries.get(table) ?? new Map<string, number>()).map(([values, n]) => {
        const parts = values.split(SEP);
        const row: Record<string, string | number> = { [count]: n };
        key.forEach((column, i) => (row[column] = numeric.has(column) ? Number(parts[i]) : parts[i]!));
        return row;
      });
      // At most 8 bound values a row.
      for (const part of chunks(rows, 400)) {
        await sql`insert into ${sql.table(table)} (${sql.join([...key, count].map((c) => sql.ref(c)))})
          values ${sql.join(part.map((row) => sql`(${sql.join([...key, count].map((c) => row[c]))})`))}
          on conflict (${sql.join(key.map((c) => sql.ref(c)))})
          do update set ${sql.ref(count)} = ${sql.table(table)}.${sql.ref(count)} + excluded.${sql.ref(count)}`.execute(
          this.db,
        );
      }
    }
  }
}

function summarize(row: SummarizedTransition, zone: string, sign: 1 | -1, into: Summaries): void {
  const count = (table: SummaryTable, ...key: (string | number)[]) => {
    const counts = into.get(table)!;
    const k = key.join(SEP);
    counts.set(k, (counts.get(k) ?? 0) + sign);
  };
  const ws = row.workspace_id;
  const channel = row.first_channel ?? '';
  const branch = row.home_branch_id ?? '';
  const day = localDayOf(row.at, zone);
  count('journey_daily_moves', ws, row.kind, day, row.from_value ?? '', row.to_value, channel, branch);
  if (row.kind !== 'stage') return;
  // An entry, by the touchpoint and by the channel that caused it ('' for a move the clock made).
  for (const [dimension, value] of [
    ['touchpoint', row.cause_name ?? ''],
    ['channel', row.channel ?? ''],
  ] as const) {
    count('journey_daily_entries', ws, dimension, day, row.to_value, value, channel, branch);
    count('journey_monthly_entries', ws, dimension, row.to_value, value, monthStart(day), channel, branch);
  }
  // A stage visit that ended: counted on the day it began, at the branch it began at.
  if (row.from_value === null || row.since === null) return;
  const entryDay = localDayOf(row.since, zone);
  const bucket = waitBucket(row.at - row.since);
  const since = row.since_home_branch_id ?? '';
  count('journey_daily_exits', ws, entryDay, row.from_value, row.to_value, channel, since, bucket);
  count(
    'journey_monthly_exits',
    ws,
    row.from_value,
    row.to_value,
    bucket,
    monthStart(entryDay),
    channel,
    since,
  );
}

function sortedByKey(counts: Map<string, number>): [string, number][] {
  return [...counts].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
