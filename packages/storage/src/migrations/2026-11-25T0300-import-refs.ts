import type { Kysely } from 'kysely';

/*
 * A refund read from an imported file names its source and its ref there (`C536379>536365`: the
 * cancellation and the order it gives back part of), unique per workspace and source like an order's:
 * a second import of the same file finds it and writes nothing. Null for refunds made at the counter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('order_refunds').addColumn('source', 'text').execute();
  await db.schema.alterTable('order_refunds').addColumn('external_ref', 'text').execute();
  await db.schema
    .createIndex('order_refunds_external_ref')
    .on('order_refunds')
    .columns(['workspace_id', 'source', 'external_ref'])
    .unique()
    .execute();
}
