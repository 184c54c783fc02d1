import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/* Saved segments, their members, the due index of the segment clock and daily counts (see ../segment.schema.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const required = (col: ColumnDefinitionBuilder) => col.notNull();

  await db.schema
    .createTable('segments')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('name', 'text', required)
    .addColumn('description', 'text', required)
    .addColumn('rules_json', 'text', required)
    .addColumn('created_at', time, required)
    .addColumn('updated_at', time, required)
    .execute();
  await db.schema.createIndex('segments_workspace').on('segments').columns(['workspace_id', 'name']).execute();

  await db.schema
    .createTable('segment_members')
    .addColumn('workspace_id', key, required)
    .addColumn('segment_id', key, required)
    .addColumn('customer_id', key, required)
    .addColumn('entered_at', time, required)
    .addPrimaryKeyConstraint('segment_members_pk', ['segment_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('segment_members_customer')
    .on('segment_members')
    .columns(['workspace_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('segment_due')
    .addColumn('workspace_id', key, required)
    .addColumn('customer_id', key, required)
    .addColumn('due_at', time, required)
    .addPrimaryKeyConstraint('segment_due_pk', ['workspace_id', 'customer_id'])
    .execute();
  await db.schema.createIndex('segment_due_at').on('segment_due').columns(['due_at']).execute();

  await db.schema
    .createTable('segment_daily_counts')
    .addColumn('workspace_id', key, required)
    .addColumn('segment_id', key, required)
    .addColumn('day', 'text', required)
    .addColumn('members', 'integer', required)
    .addPrimaryKeyConstraint('segment_daily_counts_pk', ['segment_id', 'day'])
    .execute();
}
