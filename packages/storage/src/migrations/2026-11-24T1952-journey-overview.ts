import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * What the journey overview reads with its filters, at 10M events in milliseconds (see ../schema.ts):
 *
 * - events.branch_id: the outlet a touchpoint happened at, so a rebuild (which loads properties only for
 *   the names the rules read) still knows it. The journey map's migration adds the same column; this one
 *   adds it only when it is missing, whichever of the two runs first.
 * - transitions.since, first_channel, home_branch_id, since_home_branch_id: how long the customer stayed
 *   in the stage he leaves, and the customer's attribution at the move (core's Transition).
 * - journey_states.first_channel, home_branch_id and one index over them with stage and status: the
 *   customers per stage and status now, for one channel and/or branch, from the index alone.
 * - journey_daily_moves, journey_daily_exits: the summaries per local day the period questions sum.
 * - journey_rebuild_pending: every workspace with events, so the server rebuilds them once at start and
 *   the new columns and summaries are filled for what was stored before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const withoutRowid = postgres ? sql`` : sql`without rowid`;

  if (!(await hasColumn(db, 'events', 'branch_id'))) {
    await db.schema.alterTable('events').addColumn('branch_id', 'text').execute();
    const branchOf = postgres
      ? sql`(properties_json::json ->> 'branch_id')`
      : sql`json_extract(properties_json, '$.branch_id')`;
    await sql`update events set branch_id = ${branchOf} where properties_json like '%"branch_id"%'`.execute(
      db,
    );
  }

  for (const [column, type] of [
    ['since', time],
    ['first_channel', 'text'],
    ['home_branch_id', 'text'],
    ['since_home_branch_id', 'text'],
  ] as const) {
    await db.schema.alterTable('transitions').addColumn(column, type).execute();
  }

  for (const column of ['first_channel', 'home_branch_id']) {
    await db.schema
      .alterTable('journey_states')
      .addColumn(column, 'text', (col) => col.notNull().defaultTo(''))
      .execute();
  }
  // Channel first: a channel filter reads one range; a branch filter alone reads one range per channel.
  await db.schema
    .createIndex('journey_states_workspace_attribution')
    .on('journey_states')
    .columns(['workspace_id', 'first_channel', 'home_branch_id', 'stage', 'status'])
    .execute();

  await db.schema
    .createTable('journey_daily_moves')
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('day', 'integer', (col) => col.notNull())
    .addColumn('from_value', 'text', (col) => col.notNull())
    .addColumn('to_value', 'text', (col) => col.notNull())
    .addColumn('first_channel', 'text', (col) => col.notNull())
    .addColumn('home_branch_id', 'text', (col) => col.notNull())
    .addColumn('moves', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('journey_daily_moves_pk', [
      'workspace_id',
      'kind',
      'day',
      'from_value',
      'to_value',
      'first_channel',
      'home_branch_id',
    ])
    .modifyEnd(withoutRowid)
    .execute();

  await db.schema
    .createTable('journey_daily_exits')
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('entry_day', 'integer', (col) => col.notNull())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('next_stage', 'text', (col) => col.notNull())
    .addColumn('first_channel', 'text', (col) => col.notNull())
    .addColumn('home_branch_id', 'text', (col) => col.notNull())
    .addColumn('wait_bucket', 'integer', (col) => col.notNull())
    .addColumn('exits', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('journey_daily_exits_pk', [
      'workspace_id',
      'entry_day',
      'stage',
      'next_stage',
      'first_channel',
      'home_branch_id',
      'wait_bucket',
    ])
    .modifyEnd(withoutRowid)
    .execute();

  await db.schema
    .createTable('journey_rebuild_pending')
    .addColumn('workspace_id', key, (col) => col.primaryKey().references('workspaces.id'))
    .execute();
  await sql`insert into journey_rebuild_pending (workspace_id)
    select id from workspaces w where exists (select 1 from events e where e.workspace_id = w.id)`.execute(
    db,
  );
}

async function hasColumn(db: Kysely<unknown>, table: string, column: string): Promise<boolean> {
  const tables = await db.introspection.getTables();
  return tables.some((t) => t.name === table && t.columns.some((c) => c.name === column));
}
