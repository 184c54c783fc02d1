import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/* Ad spend per channel and month (see ../ad-spend.schema.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('ad_spend')
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('month', 'text', (col) => col.notNull())
    .addColumn('campaign', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('ad_spend_pk', ['workspace_id', 'month', 'channel', 'campaign'])
    .execute();
}
