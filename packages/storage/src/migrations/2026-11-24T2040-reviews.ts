import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/* Product reviews (see ../review.schema.ts): personal review links, reviews, the widget's token. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const workspace = (col: ColumnDefinitionBuilder) => col.notNull().references('workspaces.id');
  const required = (col: ColumnDefinitionBuilder) => col.notNull();

  await db.schema
    .createTable('review_links')
    .addColumn('token', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('customer_id', key, required)
    .addColumn('order_id', key, required)
    .addColumn('product_id', key, required)
    .addColumn('created_at', time, required)
    .addColumn('viewed_at', time)
    .addColumn('reviewed_at', time)
    .execute();
  await db.schema
    .createIndex('review_links_order')
    .on('review_links')
    .columns(['workspace_id', 'order_id'])
    .execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('product_id', key, required)
    .addColumn('customer_id', key)
    .addColumn('link_token', key, (col) => col.unique())
    .addColumn('source', 'text', required)
    .addColumn('verified', 'integer', required)
    .addColumn('rating', 'integer', required)
    .addColumn('body', 'text', required)
    .addColumn('author_name', 'text', required)
    .addColumn('status', 'text', required)
    .addColumn('reply', 'text')
    .addColumn('replied_at', time)
    .addColumn('moderated_by', key)
    .addColumn('moderated_at', time)
    .addColumn('created_at', time, required)
    .execute();
  // The moderation queue and the widget both read one status of a workspace (or of one product), newest first.
  await db.schema
    .createIndex('reviews_status')
    .on('reviews')
    .columns(['workspace_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('reviews_product')
    .on('reviews')
    .columns(['workspace_id', 'product_id', 'status', 'created_at'])
    .execute();

  await db.schema
    .createTable('review_widgets')
    .addColumn('workspace_id', key, (col) => col.primaryKey().references('workspaces.id'))
    .addColumn('token', key, (col) => col.notNull().unique())
    .addColumn('created_at', time, required)
    .execute();
}
