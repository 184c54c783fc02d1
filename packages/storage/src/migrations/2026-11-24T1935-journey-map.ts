import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * What the journey map reads, kept current on ingestion so it answers in milliseconds at 10M events:
 *
 * - events.branch_id: the outlet a touchpoint happened at (`properties.branch_id`), a column so that a
 *   rebuild, which loads properties only for the names the rules read, still knows it.
 * - transitions.cause_name, channel, branch_id: the touchpoint that moved the customer (null for a move
 *   made by the clock), so entries into a stage can be told apart by touchpoint, channel and branch. The
 *   summary index grows to cover them: every map and overview question reads the index alone.
 * - journey_states.stage_entered_at: since when a customer is in his stage, to count who is stuck
 *   there longer than usual from an index range instead of every state's JSON.
 * - journey_signals: feedback (ratings, NPS, CSAT, CES) and negative experiences, one row per event,
 *   with the stage the customer was in: the sentiment line and the pain points. Written and replaced
 *   wherever transitions are, so it always equals a replay of the events. Made empty here: `jejak
 *   rebuild` fills it for events stored before this migration (the engine decides what a signal is).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;

  await db.schema.alterTable('events').addColumn('branch_id', 'text').execute();
  const branchOf = postgres
    ? sql`(properties_json::json ->> 'branch_id')`
    : sql`json_extract(properties_json, '$.branch_id')`;
  await sql`update events set branch_id = ${branchOf}
    where properties_json like '%"branch_id"%'`.execute(db);

  await db.schema.alterTable('transitions').addColumn('cause_name', 'text').execute();
  await db.schema.alterTable('transitions').addColumn('channel', 'text').execute();
  await db.schema.alterTable('transitions').addColumn('branch_id', 'text').execute();
  await sql`update transitions set cause_name = e.name, channel = e.channel, branch_id = e.branch_id
    from events e where e.workspace_id = transitions.workspace_id and e.message_id = transitions.cause`.execute(
    db,
  );
  await db.schema.dropIndex('transitions_workspace_kind_at').execute();
  await db.schema
    .createIndex('transitions_workspace_kind_at')
    .on('transitions')
    .columns(['workspace_id', 'kind', 'at', 'from_value', 'to_value', 'cause_name', 'channel', 'branch_id'])
    .execute();

  await db.schema.alterTable('journey_states').addColumn('stage_entered_at', time).execute();
  const enteredAt = postgres
    ? sql`(state_json::json ->> 'stageEnteredAt')::bigint`
    : sql`json_extract(state_json, '$.stageEnteredAt')`;
  await sql`update journey_states set stage_entered_at = ${enteredAt}`.execute(db);
  await db.schema.dropIndex('journey_states_workspace_stage').execute();
  await db.schema
    .createIndex('journey_states_workspace_stage')
    .on('journey_states')
    .columns(['workspace_id', 'stage', 'stage_entered_at'])
    .execute();

  await db.schema
    .createTable('journey_signals')
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('customer_id', key, (col) => col.notNull())
    .addColumn('cause', key, (col) => col.notNull())
    .addColumn('at', time, (col) => col.notNull())
    .addColumn('stage', 'text')
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('branch_id', 'text')
    .addColumn('measure', 'text')
    .addColumn('score', 'real')
    .addColumn('sentiment', 'text', (col) => col.notNull())
    .addColumn('negative', 'integer', (col) => col.notNull())
    // Time first: every question of the map is about a period, and SQLite then keeps a period's rows together.
    .addPrimaryKeyConstraint('journey_signals_pk', ['workspace_id', 'at', 'cause'])
    .modifyEnd(postgres ? sql`` : sql`without rowid`)
    .execute();
  await db.schema
    .createIndex('journey_signals_customer')
    .on('journey_signals')
    .columns(['workspace_id', 'customer_id'])
    .execute();
}
