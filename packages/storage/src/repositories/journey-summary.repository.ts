import { sql } from 'kysely';
import { isoWeekStart, localDayOf, monthStart } from '../journey/zoned-day.ts';
import { waitBucket } from '../journey/wait-histogram.ts';
import type { JourneySignalRow, TransitionRow } from '../schema.ts';
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

/** What the monthly signal summaries read of a journey signal (a new row may leave the nullable ones out). */
export type SummarizedSignal = Pick<
  JourneySignalRow,
  'workspace_id' | 'at' | 'name' | 'sentiment' | 'negative' | 'first_channel' | 'home_branch_id'
> &
  Partial<Pick<JourneySignalRow, 'stage' | 'measure' | 'score'>>;

const SIGNAL_COLUMNS = [
  'workspace_id',
  'at',
  'stage',
  'name',
  'measure',
  'score',
  'sentiment',
  'negative',
  'first_channel',
  'home_branch_id',
] as const;

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
 * A summary table: its key columns in key order (numbers marked), and the columns that count. Rows are
 * collected as sums under their key values joined by SEP, and upserted by adding to the sums.
 */
interface CountTable {
  table: SummaryTable;
  key: readonly string[];
  numeric: ReadonlySet<string>;
  counts: readonly string[];
}

type SummaryTable = TransitionSummaryTable | SignalSummaryTable;

type TransitionSummaryTable =
  | 'journey_daily_moves'
  | 'journey_daily_exits'
  | 'journey_daily_entries'
  | 'journey_monthly_exits'
  | 'journey_monthly_entries'
  | 'journey_monthly_moves'
  | 'journey_weekly_entries';

type SignalSummaryTable = 'journey_monthly_signals' | 'journey_monthly_negatives';

const TRANSITION_TABLES: readonly CountTable[] = [
  {
    table: 'journey_daily_moves',
    key: ['workspace_id', 'kind', 'day', 'from_value', 'to_value', 'first_channel', 'home_branch_id'],
    numeric: new Set(['day']),
    counts: ['moves'],
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
    counts: ['exits'],
  },
  {
    table: 'journey_daily_entries',
    key: ['workspace_id', 'dimension', 'day', 'stage', 'value', 'first_channel', 'home_branch_id'],
    numeric: new Set(['day']),
    counts: ['entries'],
  },
  {
    table: 'journey_monthly_exits',
    key: ['workspace_id', 'stage', 'next_stage', 'wait_bucket', 'month', 'first_channel', 'home_branch_id'],
    numeric: new Set(['wait_bucket', 'month']),
    counts: ['exits'],
  },
  {
    table: 'journey_monthly_entries',
    key: ['workspace_id', 'dimension', 'stage', 'value', 'month', 'first_channel', 'home_branch_id'],
    numeric: new Set(['month']),
    counts: ['entries'],
  },
  {
    table: 'journey_monthly_moves',
    key: ['workspace_id', 'kind', 'from_value', 'to_value', 'month', 'first_channel', 'home_branch_id'],
    numeric: new Set(['month']),
    counts: ['moves'],
  },
  {
    table: 'journey_weekly_entries',
    key: ['workspace_id', 'week', 'stage', 'first_channel', 'home_branch_id'],
    numeric: new Set(['week']),
    counts: ['entries'],
  },
];

const SIGNAL_TABLES: readonly CountTable[] = [
  {
    table: 'journey_monthly_signals',
    key: ['workspace_id', 'stage', 'measure', 'sentiment', 'month', 'first_channel', 'home_branch_id'],
    numeric: new Set(['month']),
    counts: ['signals', 'score_sum'],
  },
  {
    table: 'journey_monthly_negatives',
    key: ['workspace_id', 'stage', 'name', 'home_branch_id', 'month', 'first_channel'],
    numeric: new Set(['month']),
    counts: ['negatives'],
  },
];

/** Sums per table, each under its key values joined by SEP, in the order of the table's counts. */
type Summaries = Map<SummaryTable, Map<string, number[]>>;

const emptySummaries = (tables: readonly CountTable[]): Summaries =>
  new Map(tables.map((t) => [t.table, new Map<string, number[]>()]));

const SEP = '\u001f';

/**
 * The daily summaries of the transitions (journey_daily_moves, journey_daily_exits,
 * journey_daily_entries), the monthly sums of moves, exits and entries, and the monthly sums of the
 * journey signals (journey_monthly_signals, journey_monthly_negatives). TransitionRepository and
 * JourneySignalRepository add and take away rows here in the same statement sequence as they write
 * transitions and signals, so within the caller's transaction the summaries always equal what
 * `recompute` would make from the tables. Days are the workspace's local days, in the time zone it has
 * when the rows are written (`recompute` after a change of zone).
 */
export class JourneySummaryRepository {
  constructor(private readonly db: Executor) {}

  /** Counts these transitions in (sign 1) or out (sign -1) of their workspaces' summaries. */
  async add(rows: readonly SummarizedTransition[], sign: 1 | -1): Promise<void> {
    if (rows.length === 0) return;
    const zones = await this.timeZones([...new Set(rows.map((r) => r.workspace_id))]);
    const summaries = emptySummaries(TRANSITION_TABLES);
    for (const row of rows) summarize(row, zones.get(row.workspace_id) ?? 'UTC', sign, summaries);
    await this.write(TRANSITION_TABLES, summaries);
  }

  /** Counts these journey signals in (sign 1) or out (sign -1) of their workspaces' monthly sums. */
  async addSignals(rows: readonly SummarizedSignal[], sign: 1 | -1): Promise<void> {
    if (rows.length === 0) return;
    const zones = await this.timeZones([...new Set(rows.map((r) => r.workspace_id))]);
    const summaries = emptySummaries(SIGNAL_TABLES);
    for (const row of rows) summarizeSignal(row, zones.get(row.workspace_id) ?? 'UTC', sign, summaries);
    await this.write(SIGNAL_TABLES, summaries);
  }

  /** Removes a workspace's summaries of transitions (before a rebuild writes its transitions again). */
  async clear(workspaceId: string): Promise<void> {
    for (const { table } of TRANSITION_TABLES)
      await this.db.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
  }

  /** Makes a workspace's monthly sums of signals anew from its journey signals. */
  async recomputeSignals(workspaceId: string): Promise<void> {
    for (const { table } of SIGNAL_TABLES)
      await this.db.deleteFrom(table).where('workspace_id', '=', workspaceId).execute();
    const zone = (await this.timeZones([workspaceId])).get(workspaceId) ?? 'UTC';
    const summaries = emptySummaries(SIGNAL_TABLES);
    // Keyset pages on the signals' primary key (workspace, at, cause).
    for (let after: { at: number; cause: string } | null = null; ;) {
      let query = this.db
        .selectFrom('journey_signals')
        .select(['cause', ...SIGNAL_COLUMNS])
        .where('workspace_id', '=', workspaceId);
      if (after !== null) {
        const { at, cause } = after;
        query = query.where((eb) =>
          eb.or([eb('at', '>', at), eb.and([eb('at', '=', at), eb('cause', '>', cause)])]),
        );
      }
      const page = await query.orderBy('at').orderBy('cause').limit(PAGE).execute();
      for (const row of page) summarizeSignal(row, zone, 1, summaries);
      const last = page.at(-1);
      if (last === undefined || page.length < PAGE) break;
      after = { at: Number(last.at), cause: last.cause };
    }
    await this.write(SIGNAL_TABLES, summaries);
  }

  /**
   * Makes a workspace's summaries anew from its transitions and signals (and the counts of now from its
   * states): after a rebuild, or a change of time zone.
   */
  async recompute(workspaceId: string): Promise<void> {
    await new JourneyNowRepository(this.db).recompute(workspaceId);
    await this.clear(workspaceId);
    const zone = (await this.timeZones([workspaceId])).get(workspaceId) ?? 'UTC';
    const summaries = emptySummaries(TRANSITION_TABLES);
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
    await this.write(TRANSITION_TABLES, summaries);
    await this.recomputeSignals(workspaceId);
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

  private async write(tables: readonly CountTable[], summaries: Summaries): Promise<void> {
    // Tables in one order and rows sorted by key: concurrent transactions on PostgreSQL then take the row
    // locks they share in one order, and wait for each other rather than deadlock.
    for (const { table, key, numeric, counts } of tables) {
      const rows = sortedByKey(summaries.get(table) ?? new Map<string, number[]>()).map(([values, sums]) => {
        const parts = values.split(SEP);
        const row: Record<string, string | number> = {};
        counts.forEach((column, i) => (row[column] = sums[i]!));
        key.forEach((column, i) => (row[column] = numeric.has(column) ? Number(parts[i]) : parts[i]!));
        return row;
      });
      const columns = [...key, ...counts];
      // At most 9 bound values a row.
      for (const part of chunks(rows, 400)) {
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
          values ${sql.join(part.map((row) => sql`(${sql.join(columns.map((c) => row[c]))})`))}
          on conflict (${sql.join(key.map((c) => sql.ref(c)))})
          do update set ${sql.join(
            counts.map((c) => sql`${sql.ref(c)} = ${sql.table(table)}.${sql.ref(c)} + excluded.${sql.ref(c)}`),
          )}`.execute(this.db);
      }
    }
  }
}

/** Adds `values` times `sign` to the sums of a table under a key. */
function addTo(into: Summaries, table: SummaryTable, key: (string | number)[], values: number[], sign: 1 | -1) {
  const sums = into.get(table)!;
  const k = key.join(SEP);
  const current = sums.get(k);
  if (current === undefined) sums.set(k, values.map((v) => v * sign));
  else values.forEach((v, i) => (current[i]! += v * sign));
}

function summarizeSignal(row: SummarizedSignal, zone: string, sign: 1 | -1, into: Summaries): void {
  const month = monthStart(localDayOf(Number(row.at), zone));
  const stage = row.stage ?? '';
  const ws = row.workspace_id;
  const key = [ws, stage, row.measure ?? '', row.sentiment, month, row.first_channel, row.home_branch_id];
  addTo(into, 'journey_monthly_signals', key, [1, Number(row.score ?? 0)], sign);
  if (Number(row.negative) === 1)
    addTo(
      into,
      'journey_monthly_negatives',
      [ws, stage, row.name, row.home_branch_id, month, row.first_channel],
      [1],
      sign,
    );
}

function summarize(row: SummarizedTransition, zone: string, sign: 1 | -1, into: Summaries): void {
  const count = (table: SummaryTable, ...key: (string | number)[]) => addTo(into, table, key, [1], sign);
  const ws = row.workspace_id;
  const channel = row.first_channel ?? '';
  const branch = row.home_branch_id ?? '';
  const day = localDayOf(row.at, zone);
  count('journey_daily_moves', ws, row.kind, day, row.from_value ?? '', row.to_value, channel, branch);
  const month = monthStart(day);
  count('journey_monthly_moves', ws, row.kind, row.from_value ?? '', row.to_value, month, channel, branch);
  if (row.kind !== 'stage') return;
  count('journey_weekly_entries', ws, isoWeekStart(day), row.to_value, channel, branch);
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

function sortedByKey(sums: Map<string, number[]>): [string, number[]][] {
  return [...sums]
    .filter(([, values]) => values.some((v) => v !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
