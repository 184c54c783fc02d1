import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * The order's total as it was when it earned (see ../loyalty.schema.ts): online orders are refunded
 * by `Order Refunded` events that name an amount, and their share is cumulative against this total.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const points = dialectOf(db) === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .alterTable('loyalty_orders')
    .addColumn('total', points, (col) => col.notNull().defaultTo(0))
    .execute();
}
