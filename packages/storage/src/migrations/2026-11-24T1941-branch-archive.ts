import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * Branches are archived rather than deleted once an outlet closes: its past sales, members' branch
 * lists and the audit log keep pointing at a branch that still exists. Null while the branch is open.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = dialectOf(db) === 'postgres' ? sql`bigint` : sql`integer`;
  await db.schema.alterTable('branches').addColumn('archived_at', time).execute();
}
