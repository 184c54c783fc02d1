import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/* Vouchers and promotions (see ../promotion.schema.ts), and what promotions took off orders and lines. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const money = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const workspace = (col: ColumnDefinitionBuilder) => col.notNull().references('workspaces.id');
  const required = (col: ColumnDefinitionBuilder) => col.notNull();
  const zero = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(0);

  await db.schema
    .createTable('promotions')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('name', 'text', required)
    .addColumn('trigger', 'text', required)
    .addColumn('rules_json', 'text', required)
    .addColumn('active', 'integer', required)
    .addColumn('total_limit', 'integer')
    .addColumn('uses', 'integer', zero)
    .addColumn('created_at', time, required)
    .addColumn('updated_at', time, required)
    .addColumn('archived_at', time)
    .addCheckConstraint('promotions_uses', sql`uses >= 0 and (total_limit is null or uses <= total_limit)`)
    .execute();
  await db.schema
    .createIndex('promotions_workspace')
    .on('promotions')
    .columns(['workspace_id', 'trigger'])
    .execute();

  await db.schema
    .createTable('promotion_codes')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('promotion_id', key, (col) => col.notNull().references('promotions.id'))
    .addColumn('code', key, required)
    .addColumn('customer_id', key)
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', zero)
    .addColumn('batch_id', key)
    .addColumn('created_at', time, required)
    .addUniqueConstraint('promotion_codes_code', ['workspace_id', 'code'])
    .addCheckConstraint('promotion_codes_uses', sql`uses >= 0 and (max_uses is null or uses <= max_uses)`)
    .execute();
  await db.schema
    .createIndex('promotion_codes_promotion')
    .on('promotion_codes')
    .columns(['workspace_id', 'promotion_id'])
    .execute();
  await db.schema
    .createIndex('promotion_codes_customer')
    .on('promotion_codes')
    .columns(['workspace_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('promotion_redemptions')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('promotion_id', key, (col) => col.notNull().references('promotions.id'))
    .addColumn('code_id', key)
    .addColumn('code', 'text')
    .addColumn('order_id', key, required)
    .addColumn('branch_id', key, required)
    .addColumn('customer_id', key)
    .addColumn('discount', money, required)
    .addColumn('order_total', money, required)
    .addColumn('at', time, required)
    .addColumn('reversed_at', time)
    .execute();
  await db.schema
    .createIndex('promotion_redemptions_customer')
    .on('promotion_redemptions')
    .columns(['workspace_id', 'promotion_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('promotion_redemptions_order')
    .on('promotion_redemptions')
    .columns(['workspace_id', 'order_id'])
    .execute();

  await db.schema.alterTable('orders').addColumn('promotion_discount', money, zero).execute();
  await db.schema.alterTable('order_lines').addColumn('promotion_discount', money, zero).execute();
}
