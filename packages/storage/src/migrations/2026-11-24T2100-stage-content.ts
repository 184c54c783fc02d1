import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/* Stage content (see ../content.schema.ts): items, personal links, views. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const serial = (col: ColumnDefinitionBuilder) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const workspace = (col: ColumnDefinitionBuilder) => col.notNull().references('workspaces.id');
  const required = (col: ColumnDefinitionBuilder) => col.notNull();

  await db.schema
    .createTable('content_items')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('kind', 'text', required)
    .addColumn('title', 'text', required)
    .addColumn('stage', 'text', required)
    .addColumn('url', 'text', required)
    .addColumn('token', key, (col) => col.notNull().unique())
    .addColumn('created_at', time, required)
    .addColumn('archived_at', time)
    .execute();
  await db.schema
    .createIndex('content_items_workspace')
    .on('content_items')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('content_links')
    .addColumn('token', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('item_id', key, (col) => col.notNull().references('content_items.id'))
    .addColumn('customer_id', key, required)
    .addColumn('created_at', time, required)
    .execute();

  await db.schema
    .createTable('content_views')
    .addColumn('id', postgres ? 'bigint' : 'integer', serial)
    .addColumn('workspace_id', key, workspace)
    .addColumn('item_id', key, (col) => col.notNull().references('content_items.id'))
    .addColumn('customer_id', key)
    .addColumn('stage', 'text', required)
    .addColumn('at', time, required)
    .execute();
  await db.schema
    .createIndex('content_views_workspace')
    .on('content_views')
    .columns(['workspace_id', 'at'])
    .execute();
  await db.schema
    .createIndex('content_views_customer')
    .on('content_views')
    .columns(['workspace_id', 'customer_id', 'at'])
    .execute();
}
