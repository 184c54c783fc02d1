import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/* The nightly refit's runs: fitted, or skipped and why (see ../customer-value.schema.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('customer_value_runs')
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('ran_at', 'bigint', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('fit_id', 'bigint')
    .addColumn('statuses_sent', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('customer_value_runs_pk', ['workspace_id', 'ran_at'])
    .execute();
}
