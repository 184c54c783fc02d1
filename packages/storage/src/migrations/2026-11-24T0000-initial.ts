import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * The first schema (see ../schema.ts for what each column means). One migration for both dialects;
 * the differences are the integer type for epoch-ms times, how autoincrement ids are spelled,
 * the "C" collation for PostgreSQL keys (so ORDER BY message_id matches core's compareEvents and
 * SQLite's byte order whatever the server's locale), and WITHOUT ROWID for SQLite's composite keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const serial = (col: ColumnDefinitionBuilder) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const serialType = postgres ? 'bigint' : 'integer';
  const withoutRowid = postgres ? sql`` : sql`without rowid`;
  const workspace = (col: ColumnDefinitionBuilder) => col.notNull().references('workspaces.id');

  await db.schema
    .createTable('workspaces')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('slug', key, (col) => col.notNull().unique())
    .addColumn('timezone', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('created_at', time, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, (col) => col.references('workspaces.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('prefix', 'text', (col) => col.notNull())
    .addColumn('key_hash', key, (col) => col.notNull().unique())
    .addColumn('default_channel', 'text')
    .addColumn('created_at', time, (col) => col.notNull())
    .addColumn('last_used_at', time)
    .addColumn('revoked_at', time)
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('traits_json', 'text', (col) => col.notNull())
    .addColumn('first_seen_at', time, (col) => col.notNull())
    .addColumn('last_seen_at', time, (col) => col.notNull())
    .addColumn('merged_into', key)
    .addColumn('created_at', time, (col) => col.notNull())
    .addColumn('updated_at', time, (col) => col.notNull())
    .execute();
  await index(db, 'customers_workspace_phone', 'customers', ['workspace_id', 'phone']);
  await index(db, 'customers_workspace_email', 'customers', ['workspace_id', 'email']);
  // id closes the index so the newest-first keyset page is read straight from it.
  await index(db, 'customers_workspace_last_seen', 'customers', ['workspace_id', 'last_seen_at', 'id']);

  await db.schema
    .createTable('identity_keys')
    .addColumn('workspace_id', key, workspace)
    .addColumn('kind', key, (col) => col.notNull())
    .addColumn('value', key, (col) => col.notNull())
    .addColumn('customer_id', key, (col) => col.notNull())
    .addColumn('created_at', time, (col) => col.notNull())
    .addPrimaryKeyConstraint('identity_keys_pk', ['workspace_id', 'kind', 'value'])
    .modifyEnd(withoutRowid)
    .execute();
  // created_at makes it cover a customer's keys in listing order: without it SQLite preferred scanning
  // the workspace's primary key over this index for `select *` (kind and value ride along in the index).
  await index(db, 'identity_keys_customer', 'identity_keys', ['workspace_id', 'customer_id', 'created_at']);

  await db.schema
    .createTable('merges')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('survivor_id', key, (col) => col.notNull())
    .addColumn('merged_id', key, (col) => col.notNull())
    .addColumn('keys_json', 'text', (col) => col.notNull())
    .addColumn('merged_traits_json', 'text', (col) => col.notNull())
    .addColumn('cause_message_id', key)
    .addColumn('created_at', time, (col) => col.notNull())
    .addColumn('undone_at', time)
    .execute();
  await index(db, 'merges_workspace_created', 'merges', ['workspace_id', 'created_at', 'id']);

  await db.schema
    .createTable('events')
    .addColumn('seq', serialType, serial)
    .addColumn('workspace_id', key, workspace)
    .addColumn('message_id', key, (col) => col.notNull())
    .addColumn('customer_id', key, (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('at', time, (col) => col.notNull())
    .addColumn('received_at', time, (col) => col.notNull())
    .addColumn('identity_key', key, (col) => col.notNull())
    .addColumn('properties_json', 'text', (col) => col.notNull())
    .addColumn('payload_json', 'text', (col) => col.notNull())
    .addUniqueConstraint('events_workspace_message', ['workspace_id', 'message_id'])
    .execute();
  // message_id closes the index: replay, the timeline and the rebuild stream all read in (at, message_id) order.
  await index(db, 'events_workspace_customer_at', 'events', [
    'workspace_id',
    'customer_id',
    'at',
    'message_id',
  ]);

  await db.schema
    .createTable('journey_states')
    .addColumn('workspace_id', key, workspace)
    .addColumn('customer_id', key, (col) => col.notNull())
    .addColumn('stage', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('due_at', time)
    .addColumn('last_event_at', time, (col) => col.notNull())
    .addColumn('last_message_id', key, (col) => col.notNull())
    .addColumn('rules_version', 'integer', (col) => col.notNull())
    .addColumn('state_json', 'text', (col) => col.notNull())
    .addColumn('updated_at', time, (col) => col.notNull())
    .addPrimaryKeyConstraint('journey_states_pk', ['workspace_id', 'customer_id'])
    .modifyEnd(withoutRowid)
    .execute();
  // Most customers have nothing due; the partial index holds only those that do.
  await db.schema
    .createIndex('journey_states_due')
    .on('journey_states')
    .column('due_at')
    .where(sql.ref('due_at'), 'is not', null)
    .execute();
  await index(db, 'journey_states_workspace_stage', 'journey_states', ['workspace_id', 'stage']);
  await index(db, 'journey_states_workspace_status', 'journey_states', ['workspace_id', 'status']);

  await db.schema
    .createTable('transitions')
    .addColumn('id', serialType, serial)
    .addColumn('workspace_id', key, workspace)
    .addColumn('customer_id', key, (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text', (col) => col.notNull())
    .addColumn('at', time, (col) => col.notNull())
    .addColumn('cause', key, (col) => col.notNull())
    .execute();
  await index(db, 'transitions_workspace_at', 'transitions', ['workspace_id', 'at']);
  await index(db, 'transitions_workspace_customer_at', 'transitions', ['workspace_id', 'customer_id', 'at']);

  await db.schema
    .createTable('journey_rules')
    .addColumn('workspace_id', key, workspace)
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('rules_json', 'text', (col) => col.notNull())
    .addColumn('created_at', time, (col) => col.notNull())
    .addPrimaryKeyConstraint('journey_rules_pk', ['workspace_id', 'version'])
    .execute();

  await db.schema
    .createTable('quarantine')
    .addColumn('id', serialType, serial)
    .addColumn('workspace_id', key, workspace)
    .addColumn('received_at', time, (col) => col.notNull())
    .addColumn('endpoint', 'text', (col) => col.notNull())
    .addColumn('batch_index', 'integer')
    .addColumn('message_id', 'text')
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('payload_json', 'text', (col) => col.notNull())
    .execute();
  await index(db, 'quarantine_workspace_received', 'quarantine', ['workspace_id', 'received_at', 'id']);
}

function index(db: Kysely<unknown>, name: string, table: string, columns: string[]): Promise<void> {
  return db.schema
    .createIndex(name)
    .on(table)
    .columns(columns)
    .execute()
    .then(() => undefined);
}
