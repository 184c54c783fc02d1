import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * Pending points (see ../loyalty.schema.ts): a credit earned inside the program's refund window waits
 * until `unlocks_at` before it can be spent. The unlock job finds the due ones by the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = dialectOf(db) === 'postgres' ? 'bigint' : 'integer';
  await db.schema.alterTable('loyalty_entries').addColumn('unlocks_at', time).execute();
  await db.schema
    .createIndex('loyalty_entries_unlock')
    .on('loyalty_entries')
    .columns(['unlocks_at'])
    .execute();
}
