import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/* Every tier change of a member, for the program's results per month (see ../loyalty.schema.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('loyalty_tier_changes')
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('customer_id', key, (col) => col.notNull())
    .addColumn('from_key', 'text')
    .addColumn('to_key', 'text')
    .addColumn('direction', 'text', (col) => col.notNull())
    .addColumn('at', postgres ? 'bigint' : 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('loyalty_tier_changes_workspace')
    .on('loyalty_tier_changes')
    .columns(['workspace_id', 'at'])
    .execute();
}
