import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * When a customer's personal data was erased. The profile row stays (counts and past moves keep
 * pointing at it), and a journey rebuild, which has no events left to replay for him, keeps his
 * journey as it was rather than dropping him from the counts. Null for everyone else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = dialectOf(db) === 'postgres' ? sql`bigint` : sql`integer`;
  await db.schema.alterTable('customers').addColumn('erased_at', time).execute();
}
