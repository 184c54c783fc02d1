import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';
import { localDayOf, monthStart } from '../journey/zoned-day.ts';

/*
 * What the journey pages read for a long period, so a year answers about as fast as a month (see
 * ../schema.ts):
 *
 * - journey_daily_entries: entries into each stage per local day, by the touchpoint and, apart, by the
 *   channel that caused them. The journey map's "what brought them" rows counted the period's
 *   transitions: 80 to 180 ms for a year at 1 million events.
 * - journey_monthly_exits, journey_monthly_entries: the exits and entries summed per calendar month,
 *   keyed in the order a period's sums group by, so SQLite streams a year of them without a sort (the
 *   sort of a year's daily exit rows was most of the funnel's time). A period reads its whole months
 *   here and the days at its ends from the daily tables.
 * - journey_states_workspace_stage also carries the attribution: the map's count of customers stuck in
 *   a stage reads the index alone when a channel or branch is chosen.
 *
 * Filled here from the transitions and daily exits already stored, in each workspace's zone; from now
 * on JourneySummaryRepository keeps them in step in the transaction that writes the transitions.
 */

const PAGE = 20_000;
const SEP = '\u001f';

interface StageMove {
  id: number | string;
  at: number | string;
  to_value: string;
  cause_name: string | null;
  channel: string | null;
  first_channel: string | null;
  home_branch_id: string | null;
}

interface DailyExit {
  entry_day: number;
  stage: string;
  next_stage: string;
  first_channel: string;
  home_branch_id: string;
  wait_bucket: number;
  exits: number;
}

type Untyped = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const withoutRowid = postgres ? sql`` : sql`without rowid`;
  const counted = (table: string, columns: [name: string, type: 'text' | 'integer'][], count: string) => {
    let builder = db.schema
      .createTable(table)
      .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'));
    for (const [name, type] of columns) builder = builder.addColumn(name, type, (col) => col.notNull());
    return builder
      .addColumn(count, 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['workspace_id', ...columns.map(([name]) => name)] as never)
      .modifyEnd(withoutRowid)
      .execute();
  };
  await counted(
    'journey_daily_entries',
    [
      ['dimension', 'text'],
      ['day', 'integer'],
      ['stage', 'text'],
      ['value', 'text'],
      ['first_channel', 'text'],
      ['home_branch_id', 'text'],
    ],
    'entries',
  );
  await counted(
    'journey_monthly_entries',
    [
      ['dimension', 'text'],
      ['stage', 'text'],
      ['value', 'text'],
      ['month', 'integer'],
      ['first_channel', 'text'],
      ['home_branch_id', 'text'],
    ],
    'entries',
  );
  await counted(
    'journey_monthly_exits',
    [
      ['stage', 'text'],
      ['next_stage', 'text'],
      ['wait_bucket', 'integer'],
      ['month', 'integer'],
      ['first_channel', 'text'],
      ['home_branch_id', 'text'],
    ],
    'exits',
  );

  await db.schema.dropIndex('journey_states_workspace_stage').execute();
  await db.schema
    .createIndex('journey_states_workspace_stage')
    .on('journey_states')
    .columns(['workspace_id', 'stage', 'stage_entered_at', 'first_channel', 'home_branch_id'])
    .execute();

  const workspaces = await sql<{
    id: string;
    timezone: string;
  }>`select id, timezone from workspaces`.execute(db);
  for (const workspace of workspaces.rows) {
    await fillEntries(db as Untyped, workspace.id, workspace.timezone);
    await fillMonthlyExits(db as Untyped, workspace.id);
  }
}

async function fillEntries(db: Untyped, workspaceId: string, zone: string): Promise<void> {
  const daily = new Map<string, number>();
  const monthly = new Map<string, number>();
  const add = (counts: Map<string, number>, k: (string | number)[]) => {
    const joined = k.join(SEP);
    counts.set(joined, (counts.get(joined) ?? 0) + 1);
  };
  for (let afterId = 0; ;) {
    const page = await sql<StageMove>`select id, at, to_value, cause_name, channel, first_channel,
        home_branch_id
      from transitions where workspace_id = ${workspaceId} and kind = 'stage' and id > ${afterId}
      order by id limit ${PAGE}`.execute(db);
    for (const row of page.rows) {
      const day = localDayOf(Number(row.at), zone);
      const channel = row.first_channel ?? '';
      const branch = row.home_branch_id ?? '';
      for (const [dimension, value] of [
        ['touchpoint', row.cause_name ?? ''],
        ['channel', row.channel ?? ''],
      ]) {
        add(daily, [dimension!, day, row.to_value, value!, channel, branch]);
        add(monthly, [dimension!, row.to_value, value!, monthStart(day), channel, branch]);
      }
    }
    const last = page.rows.at(-1);
    if (last === undefined || page.rows.length < PAGE) break;
    afterId = Number(last.id);
  }
  await insert(db, 'journey_daily_entries', workspaceId, daily, [
    'dimension',
    'day',
    'stage',
    'value',
    'first_channel',
    'home_branch_id',
    'entries',
  ]);
  await insert(db, 'journey_monthly_entries', workspaceId, monthly, [
    'dimension',
    'stage',
    'value',
    'month',
    'first_channel',
    'home_branch_id',
    'entries',
  ]);
}

async function fillMonthlyExits(db: Untyped, workspaceId: string): Promise<void> {
  const rows = await sql<DailyExit>`select entry_day, stage, next_stage, first_channel, home_branch_id,
      wait_bucket, exits
    from journey_daily_exits where workspace_id = ${workspaceId}`.execute(db);
  const monthly = new Map<string, number>();
  for (const r of rows.rows) {
    const k = [
      r.stage,
      r.next_stage,
      Number(r.wait_bucket),
      monthStart(Number(r.entry_day)),
      r.first_channel,
      r.home_branch_id,
    ].join(SEP);
    monthly.set(k, (monthly.get(k) ?? 0) + Number(r.exits));
  }
  await insert(db, 'journey_monthly_exits', workspaceId, monthly, [
    'stage',
    'next_stage',
    'wait_bucket',
    'month',
    'first_channel',
    'home_branch_id',
    'exits',
  ]);
}

/** Rows of counts under keys joined by SEP; the last column is the count, numeric columns by name. */
async function insert(
  db: Untyped,
  table: string,
  workspaceId: string,
  counts: Map<string, number>,
  columns: string[],
): Promise<void> {
  const numeric = new Set(['day', 'month', 'wait_bucket']);
  const rows = [...counts].map(([k, count]) => {
    const parts = k.split(SEP);
    const row: Record<string, unknown> = { workspace_id: workspaceId, [columns.at(-1)!]: count };
    columns.slice(0, -1).forEach((c, i) => (row[c] = numeric.has(c) ? Number(parts[i]) : parts[i]));
    return row;
  });
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 400))
      .execute();
}
