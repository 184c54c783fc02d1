import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';
import { localDayOf, monthStart } from '../journey/zoned-day.ts';

/*
 * Monthly sums for what still grew with the data on the journey pages (see ../schema.ts):
 *
 * - journey_monthly_moves: journey_daily_moves per calendar month, keyed in group order. The Sankey of a
 *   whole year summed ~365 daily rows per group with a sort of the group by.
 * - journey_monthly_signals, journey_monthly_negatives: the journey map's sentiment (answers and their
 *   scores per stage, measure and sentiment) and pain points (negative experiences per stage, touchpoint
 *   and branch) per calendar month of the signal's local day. The map counted a period's journey signals
 *   row by row. A period reads its whole months here and the signals of the days at its ends.
 *
 * Filled here (backfill in the migration) from the daily moves and the signals already stored, in each
 * workspace's zone; from now on JourneySummaryRepository keeps them in step in the transactions that
 * write transitions and signals, and its `recompute` (every rebuild) makes them anew.
 */

const PAGE = 20_000;
const SEP = '\u001f';

type Untyped = Kysely<Record<string, Record<string, unknown>>>;

interface DailyMove {
  kind: string;
  day: number;
  from_value: string;
  to_value: string;
  first_channel: string;
  home_branch_id: string;
  moves: number;
}

interface Signal {
  cause: string;
  at: number | string;
  stage: string | null;
  name: string;
  measure: string | null;
  score: number | null;
  sentiment: string;
  negative: number;
  first_channel: string;
  home_branch_id: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const withoutRowid = postgres ? sql`` : sql`without rowid`;
  const real = postgres ? sql`double precision` : sql`real`;
  const counted = (table: string, columns: [name: string, type: 'text' | 'integer'][], counts: string[]) => {
    let builder = db.schema
      .createTable(table)
      .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'));
    for (const [name, type] of columns)
      builder = builder.addColumn(name, type === 'text' ? key : sql`integer`, (col) => col.notNull());
    for (const count of counts)
      builder = builder.addColumn(count, count === 'score_sum' ? real : sql`integer`, (col) => col.notNull());
    return builder
      .addPrimaryKeyConstraint(`${table}_pk`, ['workspace_id', ...columns.map(([name]) => name)] as never)
      .modifyEnd(withoutRowid)
      .execute();
  };
  await counted(
    'journey_monthly_moves',
    [
      ['kind', 'text'],
      ['from_value', 'text'],
      ['to_value', 'text'],
      ['month', 'integer'],
      ['first_channel', 'text'],
      ['home_branch_id', 'text'],
    ],
    ['moves'],
  );
  await counted(
    'journey_monthly_signals',
    [
      ['stage', 'text'],
      ['measure', 'text'],
      ['sentiment', 'text'],
      ['month', 'integer'],
      ['first_channel', 'text'],
      ['home_branch_id', 'text'],
    ],
    ['signals', 'score_sum'],
  );
  await counted(
    'journey_monthly_negatives',
    [
      ['stage', 'text'],
      ['name', 'text'],
      ['home_branch_id', 'text'],
      ['month', 'integer'],
      ['first_channel', 'text'],
    ],
    ['negatives'],
  );

  const workspaces = await sql<{ id: string; timezone: string }>`select id, timezone from workspaces`.execute(
    db,
  );
  for (const workspace of workspaces.rows) {
    await fillMoves(db as Untyped, workspace.id);
    await fillSignals(db as Untyped, workspace.id, workspace.timezone);
  }
}

async function fillMoves(db: Untyped, workspaceId: string): Promise<void> {
  const rows = await sql<DailyMove>`select kind, day, from_value, to_value, first_channel, home_branch_id,
      moves from journey_daily_moves where workspace_id = ${workspaceId}`.execute(db);
  const monthly = new Map<string, number[]>();
  for (const r of rows.rows)
    add(
      monthly,
      [r.kind, r.from_value, r.to_value, monthStart(Number(r.day)), r.first_channel, r.home_branch_id],
      [Number(r.moves)],
    );
  await insert(db, 'journey_monthly_moves', workspaceId, monthly, [
    'kind',
    'from_value',
    'to_value',
    'month',
    'first_channel',
    'home_branch_id',
    'moves',
  ]);
}

async function fillSignals(db: Untyped, workspaceId: string, zone: string): Promise<void> {
  const signals = new Map<string, number[]>();
  const negatives = new Map<string, number[]>();
  // Keyset pages on the signals' primary key (workspace, at, cause).
  for (let after: [number, string] | null = null; ;) {
    const page: { rows: Signal[] } = await sql<Signal>`select cause, at, stage, name, measure, score,
        sentiment, negative, first_channel, home_branch_id
      from journey_signals where workspace_id = ${workspaceId}
      ${after === null ? sql`` : sql`and (at > ${after[0]} or (at = ${after[0]} and cause > ${after[1]}))`}
      order by at, cause limit ${PAGE}`.execute(db);
    for (const s of page.rows) {
      const month = monthStart(localDayOf(Number(s.at), zone));
      const stage = s.stage ?? '';
      add(
        signals,
        [stage, s.measure ?? '', s.sentiment, month, s.first_channel, s.home_branch_id],
        [1, Number(s.score ?? 0)],
      );
      if (Number(s.negative) === 1)
        add(negatives, [stage, s.name, s.home_branch_id, month, s.first_channel], [1]);
    }
    const last = page.rows.at(-1);
    if (last === undefined || page.rows.length < PAGE) break;
    after = [Number(last.at), last.cause];
  }
  await insert(db, 'journey_monthly_signals', workspaceId, signals, [
    'stage',
    'measure',
    'sentiment',
    'month',
    'first_channel',
    'home_branch_id',
    'signals',
    'score_sum',
  ]);
  await insert(db, 'journey_monthly_negatives', workspaceId, negatives, [
    'stage',
    'name',
    'home_branch_id',
    'month',
    'first_channel',
    'negatives',
  ]);
}

function add(counts: Map<string, number[]>, key: (string | number)[], values: number[]): void {
  const joined = key.join(SEP);
  const sums = counts.get(joined);
  if (sums === undefined) counts.set(joined, [...values]);
  else values.forEach((v, i) => (sums[i]! += v));
}

const COUNTS = new Set(['moves', 'signals', 'score_sum', 'negatives']);

/** Rows of sums under keys joined by SEP; the count columns come last, `month` is the numeric key. */
async function insert(
  db: Untyped,
  table: string,
  workspaceId: string,
  counts: Map<string, number[]>,
  columns: string[],
): Promise<void> {
  const keyColumns = columns.filter((c) => !COUNTS.has(c));
  const countColumns = columns.filter((c) => COUNTS.has(c));
  const rows = [...counts].map(([k, sums]) => {
    const parts = k.split(SEP);
    const row: Record<string, unknown> = { workspace_id: workspaceId };
    keyColumns.forEach((c, i) => (row[c] = c === 'month' ? Number(parts[i]) : parts[i]));
    countColumns.forEach((c, i) => (row[c] = sums[i]));
    return row;
  });
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 300))
      .execute();
}
