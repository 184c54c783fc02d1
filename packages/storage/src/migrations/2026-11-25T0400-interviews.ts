import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * Interview notes (see ../interview.schema.ts), their tags and their search terms. The terms are a
 * word index of our own rather than FTS5 or tsvector: one query answers the same on both databases,
 * and a word prefix (an index range on a binary-collated column) serves Indonesian suffixes, which
 * neither engine's stock configuration stems.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const required = (col: ColumnDefinitionBuilder) => col.notNull();
  const note = (col: ColumnDefinitionBuilder) =>
    col.notNull().references('interview_notes.id').onDelete('cascade');

  await db.schema
    .createTable('interview_notes')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('customer_id', key, required)
    .addColumn('author_id', key)
    .addColumn('author_name', 'text', required)
    .addColumn('stage', 'text', required)
    .addColumn('channel', 'text', required)
    .addColumn('title', 'text', required)
    .addColumn('body', 'text', required)
    .addColumn('tags_json', 'text', required)
    .addColumn('interviewed_at', time, required)
    .addColumn('created_at', time, required)
    .addColumn('updated_at', time, required)
    .execute();
  await db.schema
    .createIndex('interview_notes_workspace')
    .on('interview_notes')
    .columns(['workspace_id', 'interviewed_at', 'id'])
    .execute();
  await db.schema
    .createIndex('interview_notes_customer')
    .on('interview_notes')
    .columns(['workspace_id', 'customer_id', 'interviewed_at'])
    .execute();

  await db.schema
    .createTable('interview_tags')
    .addColumn('workspace_id', key, required)
    .addColumn('tag', key, required)
    .addColumn('note_id', key, note)
    .addPrimaryKeyConstraint('interview_tags_pk', ['workspace_id', 'tag', 'note_id'])
    .execute();
  await db.schema.createIndex('interview_tags_note').on('interview_tags').column('note_id').execute();

  await db.schema
    .createTable('interview_terms')
    .addColumn('workspace_id', key, required)
    .addColumn('term', key, required)
    .addColumn('note_id', key, note)
    .addPrimaryKeyConstraint('interview_terms_pk', ['workspace_id', 'term', 'note_id'])
    .execute();
  await db.schema.createIndex('interview_terms_note').on('interview_terms').column('note_id').execute();
}
