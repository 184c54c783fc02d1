import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * journey_now_counts: customers per stage, status, first channel and branch now (see ../schema.ts), so
 * the overview's "now" sections answer from a few hundred rows, with or without a filter, instead of
 * counting every customer's state. Filled here from the states already stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('journey_now_counts')
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('first_channel', 'text', (col) => col.notNull())
    .addColumn('home_branch_id', 'text', (col) => col.notNull())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('customers', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('journey_now_counts_pk', [
      'workspace_id',
      'first_channel',
      'home_branch_id',
      'stage',
      'status',
    ])
    .modifyEnd(postgres ? sql`` : sql`without rowid`)
    .execute();
  await sql`insert into journey_now_counts
      (workspace_id, first_channel, home_branch_id, stage, status, customers)
    select workspace_id, first_channel, home_branch_id, coalesce(stage, ''), status, count(*)
    from journey_states
    group by workspace_id, first_channel, home_branch_id, coalesce(stage, ''), status`.execute(db);
}
