import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/* Loyalty points and tiers (see ../loyalty.schema.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const points = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const workspace = (col: ColumnDefinitionBuilder) => col.notNull().references('workspaces.id');
  const required = (col: ColumnDefinitionBuilder) => col.notNull();
  const zero = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(0);

  await db.schema
    .createTable('loyalty_settings')
    .addColumn('workspace_id', key, (col) => col.primaryKey().references('workspaces.id'))
    .addColumn('program_json', 'text', required)
    .addColumn('updated_at', time, required)
    .execute();

  await db.schema
    .createTable('loyalty_accounts')
    .addColumn('workspace_id', key, workspace)
    .addColumn('customer_id', key, required)
    .addColumn('balance', points, zero)
    .addColumn('debt', points, zero)
    .addColumn('tier_key', 'text')
    .addColumn('tier_since', time, required)
    .addColumn('joined_at', time, required)
    .addColumn('birthday_year', 'integer')
    .addColumn('updated_at', time, required)
    .addPrimaryKeyConstraint('loyalty_accounts_pk', ['workspace_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('loyalty_entries')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('customer_id', key, required)
    .addColumn('kind', 'text', required)
    .addColumn('points', points, required)
    .addColumn('remaining', points, zero)
    .addColumn('expires_at', time)
    .addColumn('order_id', key)
    .addColumn('refund_id', key)
    .addColumn('idempotency_key', 'text')
    .addColumn('reason', 'text')
    .addColumn('actor_id', key)
    .addColumn('actor_label', 'text', required)
    .addColumn('balance_after', points, required)
    .addColumn('at', time, required)
    .execute();
  await db.schema
    .createIndex('loyalty_entries_customer')
    .on('loyalty_entries')
    .columns(['workspace_id', 'customer_id', 'at'])
    .execute();
  await db.schema
    .createIndex('loyalty_entries_workspace')
    .on('loyalty_entries')
    .columns(['workspace_id', 'at'])
    .execute();
  await db.schema
    .createIndex('loyalty_entries_idempotency')
    .on('loyalty_entries')
    .columns(['workspace_id', 'idempotency_key'])
    .unique()
    .execute();
  // The expiry job's sweep: credits with points left, by expiry.
  await db.schema
    .createIndex('loyalty_entries_expiry')
    .on('loyalty_entries')
    .columns(['expires_at', 'remaining'])
    .execute();

  await db.schema
    .createTable('loyalty_draws')
    .addColumn('workspace_id', key, workspace)
    .addColumn('debit_id', key, (col) => col.notNull().references('loyalty_entries.id'))
    .addColumn('credit_id', key, (col) => col.notNull().references('loyalty_entries.id'))
    .addColumn('points', points, required)
    .addPrimaryKeyConstraint('loyalty_draws_pk', ['debit_id', 'credit_id'])
    .execute();
  await db.schema.createIndex('loyalty_draws_credit').on('loyalty_draws').columns(['credit_id']).execute();

  await db.schema
    .createTable('loyalty_orders')
    .addColumn('workspace_id', key, workspace)
    .addColumn('order_id', key, required)
    .addColumn('customer_id', key, required)
    .addColumn('earned', points, zero)
    .addColumn('earn_entry_id', key)
    .addColumn('redeemed', points, zero)
    .addColumn('redeem_value', points, zero)
    .addColumn('spend', points, zero)
    .addColumn('taken_back', points, zero)
    .addColumn('returned', points, zero)
    .addColumn('balance_after', points, required)
    .addColumn('tier_key', 'text')
    .addColumn('at', time, required)
    .addPrimaryKeyConstraint('loyalty_orders_pk', ['workspace_id', 'order_id'])
    .execute();
  await db.schema
    .createIndex('loyalty_orders_customer')
    .on('loyalty_orders')
    .columns(['workspace_id', 'customer_id', 'at'])
    .execute();
}
