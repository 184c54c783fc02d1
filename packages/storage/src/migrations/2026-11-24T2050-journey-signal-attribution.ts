import { sql, type Kysely } from 'kysely';

/*
 * Journey signals carry the customer's attribution at the event, as transitions do (the channel of his
 * first touchpoint, his branch), so the journey map's sentiment and pain points answer for the same
 * customers as its other rows when a channel or branch is chosen; and a bad experience that names no
 * outlet (a refund, a complaint on WhatsApp) is still counted at the customer's branch. Workspaces
 * with signals are rebuilt once at start to fill them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['first_channel', 'home_branch_id']) {
    await db.schema
      .alterTable('journey_signals')
      .addColumn(column, 'text', (col) => col.notNull().defaultTo(''))
      .execute();
  }
  await sql`insert into journey_rebuild_pending (workspace_id)
    select distinct s.workspace_id from journey_signals s
    where not exists (select 1 from journey_rebuild_pending p where p.workspace_id = s.workspace_id)`.execute(
    db,
  );
}
