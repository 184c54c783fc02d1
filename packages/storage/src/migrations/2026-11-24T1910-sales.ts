import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * The sales module (see ../sales.schema.ts for what each column means): settings, products, stock
 * levels and their movement ledger, orders with lines and payments, refunds and voids. The CHECK
 * constraints are the last guard of "a refund never returns more than was paid".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const money = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const serial = (col: ColumnDefinitionBuilder) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const serialType = postgres ? 'bigint' : 'integer';
  const workspace = (col: ColumnDefinitionBuilder) => col.notNull().references('workspaces.id');
  const branch = (col: ColumnDefinitionBuilder) => col.notNull().references('branches.id');
  const zero = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(0);
  const required = (col: ColumnDefinitionBuilder) => col.notNull();

  await db.schema
    .createTable('sales_settings')
    .addColumn('workspace_id', key, (col) => col.primaryKey().references('workspaces.id'))
    .addColumn('tax_rate_bp', 'integer', required)
    .addColumn('tax_mode', 'text', required)
    .addColumn('allow_negative_stock', 'integer', required)
    .addColumn('updated_at', time, required)
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('sku', key, required)
    .addColumn('barcode', key)
    .addColumn('name', 'text', required)
    .addColumn('category', 'text')
    .addColumn('unit', 'text', required)
    .addColumn('price', money, required)
    .addColumn('cost', money, required)
    .addColumn('active', 'integer', required)
    .addColumn('track_stock', 'integer', required)
    .addColumn('created_at', time, required)
    .addColumn('updated_at', time, required)
    .addCheckConstraint('products_money', sql`price >= 0 and cost >= 0`)
    .execute();
  await db.schema
    .createIndex('products_sku')
    .unique()
    .on('products')
    .columns(['workspace_id', 'sku'])
    .execute();
  // NULLs are distinct in a unique index on both dialects: many products may have no barcode.
  await db.schema
    .createIndex('products_barcode')
    .unique()
    .on('products')
    .columns(['workspace_id', 'barcode'])
    .execute();
  await db.schema
    .createIndex('products_name')
    .on('products')
    .columns(['workspace_id', 'name', 'id'])
    .execute();

  await db.schema
    .createTable('stock_levels')
    .addColumn('workspace_id', key, workspace)
    .addColumn('branch_id', key, branch)
    .addColumn('product_id', key, (col) => col.notNull().references('products.id'))
    .addColumn('on_hand', 'integer', required)
    .addColumn('low_threshold', 'integer')
    .addColumn('updated_at', time, required)
    .addPrimaryKeyConstraint('stock_levels_pk', ['workspace_id', 'branch_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('stock_movements')
    .addColumn('id', serialType, serial)
    .addColumn('workspace_id', key, workspace)
    .addColumn('branch_id', key, branch)
    .addColumn('product_id', key, (col) => col.notNull().references('products.id'))
    .addColumn('kind', 'text', required)
    .addColumn('quantity', 'integer', required)
    .addColumn('on_hand_after', 'integer', required)
    .addColumn('reason', 'text')
    .addColumn('order_id', key)
    .addColumn('refund_id', key)
    .addColumn('transfer_id', key)
    .addColumn('actor_id', key)
    .addColumn('actor_label', 'text', required)
    .addColumn('at', time, required)
    .execute();
  await db.schema
    .createIndex('stock_movements_product')
    .on('stock_movements')
    .columns(['workspace_id', 'branch_id', 'product_id', 'id'])
    .execute();

  await db.schema
    .createTable('order_counters')
    .addColumn('workspace_id', key, workspace)
    .addColumn('branch_id', key, branch)
    .addColumn('last_no', 'integer', required)
    .addPrimaryKeyConstraint('order_counters_pk', ['workspace_id', 'branch_id'])
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('branch_id', key, branch)
    .addColumn('receipt_no', 'integer', required)
    .addColumn('source', key, required)
    .addColumn('external_ref', key)
    .addColumn('customer_id', key)
    .addColumn('employee_id', key)
    .addColumn('employee_name', 'text', required)
    .addColumn('status', 'text', required)
    .addColumn('subtotal', money, required)
    .addColumn('order_discount', money, required)
    .addColumn('discount_total', money, required)
    .addColumn('tax_total', money, required)
    .addColumn('tax_rate_bp', 'integer', required)
    .addColumn('tax_mode', 'text', required)
    .addColumn('total', money, required)
    .addColumn('change_due', money, required)
    .addColumn('refunded_total', money, zero)
    .addColumn('note', 'text')
    .addColumn('share_token', key, (col) => col.notNull().unique())
    .addColumn('version', 'integer', zero)
    .addColumn('completed_at', time, required)
    .addColumn('created_at', time, required)
    .addCheckConstraint('orders_refunded', sql`refunded_total >= 0 and refunded_total <= total`)
    .execute();
  await db.schema
    .createIndex('orders_receipt_no')
    .unique()
    .on('orders')
    .columns(['workspace_id', 'branch_id', 'receipt_no'])
    .execute();
  // An import writes orders with ON CONFLICT DO NOTHING on this index: running it twice adds nothing.
  await db.schema
    .createIndex('orders_external_ref')
    .unique()
    .on('orders')
    .columns(['workspace_id', 'source', 'external_ref'])
    .execute();
  await db.schema
    .createIndex('orders_branch_time')
    .on('orders')
    .columns(['workspace_id', 'branch_id', 'completed_at', 'id'])
    .execute();
  await db.schema
    .createIndex('orders_time')
    .on('orders')
    .columns(['workspace_id', 'completed_at', 'id'])
    .execute();
  await db.schema
    .createIndex('orders_customer')
    .on('orders')
    .columns(['workspace_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('order_id', key, (col) => col.notNull().references('orders.id'))
    .addColumn('line_no', 'integer', required)
    .addColumn('product_id', key)
    .addColumn('sku', 'text')
    .addColumn('name', 'text', required)
    .addColumn('category', 'text')
    .addColumn('quantity', 'integer', required)
    .addColumn('unit_price', money, required)
    .addColumn('unit_cost', money, required)
    .addColumn('gross', money, required)
    .addColumn('line_discount', money, required)
    .addColumn('order_discount_share', money, required)
    .addColumn('tax', money, required)
    .addColumn('total', money, required)
    .addColumn('refunded_quantity', 'integer', zero)
    .addColumn('refunded_amount', money, zero)
    .addCheckConstraint(
      'order_lines_refunded',
      sql`refunded_quantity >= 0 and refunded_quantity <= quantity and refunded_amount >= 0 and refunded_amount <= total`,
    )
    .execute();
  await db.schema
    .createIndex('order_lines_order')
    .on('order_lines')
    .columns(['order_id', 'line_no'])
    .execute();
  await db.schema
    .createIndex('order_lines_product')
    .on('order_lines')
    .columns(['workspace_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('order_payments')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('order_id', key, (col) => col.notNull().references('orders.id'))
    .addColumn('seq', 'integer', required)
    .addColumn('method', 'text', required)
    .addColumn('label', 'text')
    .addColumn('reference', 'text')
    .addColumn('amount', money, required)
    .addColumn('tendered', money, required)
    .addColumn('change', money, required)
    .addColumn('refunded_amount', money, zero)
    .addCheckConstraint('order_payments_refunded', sql`refunded_amount >= 0 and refunded_amount <= amount`)
    .execute();
  await db.schema
    .createIndex('order_payments_order')
    .on('order_payments')
    .columns(['order_id', 'seq'])
    .execute();

  await db.schema
    .createTable('order_refunds')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('order_id', key, (col) => col.notNull().references('orders.id'))
    .addColumn('kind', 'text', required)
    .addColumn('reason', 'text', required)
    .addColumn('amount', money, required)
    .addColumn('restocked', 'integer', required)
    .addColumn('actor_id', key)
    .addColumn('actor_label', 'text', required)
    .addColumn('actor_role', 'text')
    .addColumn('at', time, required)
    .execute();
  await db.schema
    .createIndex('order_refunds_order')
    .on('order_refunds')
    .columns(['order_id', 'at'])
    .execute();
  await db.schema
    .createIndex('order_refunds_time')
    .on('order_refunds')
    .columns(['workspace_id', 'at'])
    .execute();

  await db.schema
    .createTable('order_refund_lines')
    .addColumn('refund_id', key, (col) => col.notNull().references('order_refunds.id'))
    .addColumn('order_line_id', key, (col) => col.notNull().references('order_lines.id'))
    .addColumn('workspace_id', key, workspace)
    .addColumn('quantity', 'integer', required)
    .addColumn('amount', money, required)
    .addPrimaryKeyConstraint('order_refund_lines_pk', ['refund_id', 'order_line_id'])
    .execute();

  await db.schema
    .createTable('order_refund_payments')
    .addColumn('refund_id', key, (col) => col.notNull().references('order_refunds.id'))
    .addColumn('payment_id', key, (col) => col.notNull().references('order_payments.id'))
    .addColumn('workspace_id', key, workspace)
    .addColumn('method', 'text', required)
    .addColumn('amount', money, required)
    .addPrimaryKeyConstraint('order_refund_payments_pk', ['refund_id', 'payment_id'])
    .execute();
}
