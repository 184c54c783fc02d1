import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * The experience module (see ../experience.schema.ts for what each column means): support settings,
 * opening hours and holidays, tickets with messages and targets, inbound deliveries, surveys with
 * personal links, views and answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const serial = (col: ColumnDefinitionBuilder) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const serialType = postgres ? 'bigint' : 'integer';
  const workspace = (col: ColumnDefinitionBuilder) => col.notNull().references('workspaces.id');
  const required = (col: ColumnDefinitionBuilder) => col.notNull();

  await db.schema
    .createTable('support_settings')
    .addColumn('workspace_id', key, (col) => col.primaryKey().references('workspaces.id'))
    .addColumn('targets_json', 'text', required)
    .addColumn('webhook_secret', 'text')
    .addColumn('next_ticket_number', 'integer', required)
    .addColumn('updated_at', time, required)
    .execute();

  await db.schema
    .createTable('business_hours')
    .addColumn('workspace_id', key, workspace)
    .addColumn('branch_id', key, required)
    .addColumn('week_json', 'text', required)
    .addColumn('updated_at', time, required)
    .addPrimaryKeyConstraint('business_hours_pk', ['workspace_id', 'branch_id'])
    .execute();

  await db.schema
    .createTable('holidays')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('branch_id', key)
    .addColumn('date', 'text', required)
    .addColumn('name', 'text', required)
    .addColumn('created_at', time, required)
    .execute();
  await db.schema
    .createIndex('holidays_workspace_date')
    .on('holidays')
    .columns(['workspace_id', 'date'])
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('number', 'integer', required)
    .addColumn('subject', 'text', required)
    .addColumn('customer_id', key, required)
    .addColumn('branch_id', key)
    .addColumn('assignee_id', key)
    .addColumn('priority', 'text', required)
    .addColumn('status', 'text', required)
    .addColumn('category', 'text', required)
    .addColumn('channel', 'text', required)
    .addColumn('tags_json', 'text', required)
    .addColumn('conversation_key', key)
    .addColumn('created_at', time, required)
    .addColumn('updated_at', time, required)
    .addColumn('first_response_at', time)
    .addColumn('resolved_at', time)
    .addColumn('closed_at', time)
    .addColumn('csat_score', 'integer')
    .execute();
  await db.schema
    .createIndex('tickets_number')
    .unique()
    .on('tickets')
    .columns(['workspace_id', 'number'])
    .execute();
  await db.schema
    .createIndex('tickets_workspace_updated')
    .on('tickets')
    .columns(['workspace_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('tickets_customer')
    .on('tickets')
    .columns(['workspace_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('tickets_conversation')
    .on('tickets')
    .columns(['workspace_id', 'conversation_key'])
    .execute();

  await db.schema
    .createTable('ticket_messages')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('ticket_id', key, (col) => col.notNull().references('tickets.id'))
    .addColumn('kind', 'text', required)
    .addColumn('author_id', key)
    .addColumn('author_label', 'text', required)
    .addColumn('body', 'text', required)
    .addColumn('created_at', time, required)
    .execute();
  await db.schema
    .createIndex('ticket_messages_ticket')
    .on('ticket_messages')
    .columns(['ticket_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('ticket_targets')
    .addColumn('workspace_id', key, workspace)
    .addColumn('ticket_id', key, (col) => col.notNull().references('tickets.id'))
    .addColumn('kind', 'text', required)
    .addColumn('clock', 'text', required)
    .addColumn('budget_ms', time, required)
    .addColumn('state', 'text', required)
    .addColumn('running_since', time, required)
    .addColumn('used_ms', time, required)
    .addColumn('due_at', time)
    .addColumn('ended_at', time)
    .addPrimaryKeyConstraint('ticket_targets_pk', ['ticket_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('ticket_targets_due')
    .on('ticket_targets')
    .columns(['state', 'due_at'])
    .execute();

  await db.schema
    .createTable('inbound_deliveries')
    .addColumn('workspace_id', key, workspace)
    .addColumn('delivery_id', key, required)
    .addColumn('ticket_id', key, required)
    .addColumn('received_at', time, required)
    .addPrimaryKeyConstraint('inbound_deliveries_pk', ['workspace_id', 'delivery_id'])
    .execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('name', 'text', required)
    .addColumn('kind', 'text', required)
    .addColumn('status', 'text', required)
    .addColumn('questions_json', 'text', required)
    .addColumn('intro_json', 'text')
    .addColumn('general_token', key, (col) => col.notNull().unique())
    .addColumn('purpose', 'text')
    .addColumn('created_at', time, required)
    .addColumn('updated_at', time, required)
    .execute();
  await db.schema
    .createIndex('surveys_workspace')
    .on('surveys')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('survey_links')
    .addColumn('token', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('survey_id', key, (col) => col.notNull().references('surveys.id'))
    .addColumn('customer_id', key, required)
    .addColumn('ticket_id', key)
    .addColumn('created_at', time, required)
    .addColumn('viewed_at', time)
    .addColumn('answered_at', time)
    .execute();
  await db.schema
    .createIndex('survey_links_survey')
    .on('survey_links')
    .columns(['survey_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('survey_views')
    .addColumn('id', serialType, serial)
    .addColumn('workspace_id', key, workspace)
    .addColumn('survey_id', key, (col) => col.notNull().references('surveys.id'))
    .addColumn('via', 'text', required)
    .addColumn('at', time, required)
    .execute();
  await db.schema
    .createIndex('survey_views_survey')
    .on('survey_views')
    .columns(['survey_id', 'at'])
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('survey_id', key, (col) => col.notNull().references('surveys.id'))
    .addColumn('link_token', key, (col) => col.unique())
    .addColumn('customer_id', key)
    .addColumn('via', 'text', required)
    .addColumn('score', 'integer')
    .addColumn('answers_json', 'text', required)
    .addColumn('comment', 'text')
    .addColumn('language', 'text', required)
    .addColumn('ticket_id', key)
    .addColumn('branch_id', key)
    .addColumn('agent_id', key)
    .addColumn('submitted_at', time, required)
    .execute();
  await db.schema
    .createIndex('survey_responses_survey')
    .on('survey_responses')
    .columns(['survey_id', 'submitted_at'])
    .execute();
}
