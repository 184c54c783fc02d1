import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/*
 * Accounts and workspace security (see ../accounts.schema.ts for what each column means): people,
 * their sessions and memberships, branches, invitations, password resets, the audit log, and the
 * scopes of secret keys. Tokens of every kind are stored only as sha256 digests.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const serial = (col: ColumnDefinitionBuilder) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const serialType = postgres ? 'bigint' : 'integer';
  const workspace = (col: ColumnDefinitionBuilder) => col.notNull().references('workspaces.id');
  const user = (col: ColumnDefinitionBuilder) => col.notNull().references('users.id');

  await db.schema
    .alterTable('api_keys')
    .addColumn('scopes_json', 'text', (col) => col.notNull().defaultTo('["*"]'))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('email', key, (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', time, (col) => col.notNull())
    .addColumn('updated_at', time, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', key, (col) => col.primaryKey())
    .addColumn('id', key, (col) => col.notNull().unique())
    .addColumn('user_id', key, user)
    .addColumn('created_at', time, (col) => col.notNull())
    .addColumn('expires_at', time, (col) => col.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();

  await db.schema
    .createTable('branches')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('address', 'text')
    .addColumn('timezone', 'text', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('created_at', time, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('branches_workspace').on('branches').columns(['workspace_id']).execute();

  await db.schema
    .createTable('memberships')
    .addColumn('workspace_id', key, workspace)
    .addColumn('user_id', key, user)
    .addColumn('role', 'text', (col) => col.notNull())
    /** JSON array of branch ids a manager or cashier works at; empty for the other roles. */
    .addColumn('branch_ids_json', 'text', (col) => col.notNull())
    .addColumn('created_at', time, (col) => col.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').columns(['user_id']).execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('branch_ids_json', 'text', (col) => col.notNull())
    .addColumn('token_hash', key, (col) => col.notNull().unique())
    .addColumn('invited_by', key)
    .addColumn('created_at', time, (col) => col.notNull())
    .addColumn('expires_at', time, (col) => col.notNull())
    .addColumn('accepted_at', time)
    .execute();
  await db.schema.createIndex('invitations_workspace').on('invitations').columns(['workspace_id']).execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', key, (col) => col.primaryKey())
    .addColumn('user_id', key, user)
    .addColumn('created_at', time, (col) => col.notNull())
    .addColumn('expires_at', time, (col) => col.notNull())
    .addColumn('used_at', time)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', serialType, serial)
    .addColumn('workspace_id', key, workspace)
    .addColumn('at', time, (col) => col.notNull())
    .addColumn('actor_kind', 'text', (col) => col.notNull())
    .addColumn('actor_id', key, (col) => col.notNull())
    .addColumn('actor_label', 'text', (col) => col.notNull())
    .addColumn('role', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('target', 'text')
    .addColumn('ip', 'text')
    .addColumn('details_json', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_workspace_at')
    .on('audit_log')
    .columns(['workspace_id', 'at', 'id'])
    .execute();
}
