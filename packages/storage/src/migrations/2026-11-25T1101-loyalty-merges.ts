import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * What a customer merge moved of the loyalty ledger (see ../loyalty.schema.ts), so undoing the merge
 * can move it back: the merged customer's entries and orders, his account as it was, and the
 * survivor's tier before the merge.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('loyalty_merges')
    .addColumn('merge_id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('survivor_id', key, (col) => col.notNull())
    .addColumn('merged_id', key, (col) => col.notNull())
    .addColumn('entry_ids_json', 'text', (col) => col.notNull())
    .addColumn('order_ids_json', 'text', (col) => col.notNull())
    .addColumn('merged_account_json', 'text', (col) => col.notNull())
    .addColumn('survivor_account_json', 'text')
    .execute();
}
