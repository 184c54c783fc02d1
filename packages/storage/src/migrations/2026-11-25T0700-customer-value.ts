import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/* Predicted purchases and customer value (see ../customer-value.schema.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const real = postgres ? 'double precision' : 'real';
  const serial = (col: ColumnDefinitionBuilder) =>
    postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
  const required = (col: ColumnDefinitionBuilder) => col.notNull();

  await db.schema
    .createTable('customer_value_fits')
    .addColumn('id', postgres ? 'bigint' : 'integer', serial)
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('fitted_at', time, required)
    .addColumn('calibration_end_day', 'integer', required)
    .addColumn('unit_days', 'integer', required)
    .addColumn('horizon_weeks', 'integer', required)
    .addColumn('discount_bp', 'integer', required)
    .addColumn('customers', 'integer', required)
    .addColumn('repeat_customers', 'integer', required)
    .addColumn('purchases_json', 'text', required)
    .addColumn('spend_json', 'text', required)
    .addColumn('holdout_json', 'text')
    .execute();
  await db.schema
    .createIndex('customer_value_fits_workspace')
    .on('customer_value_fits')
    .columns(['workspace_id', 'id'])
    .execute();

  await db.schema
    .createTable('customer_value_predictions')
    .addColumn('workspace_id', key, (col) => col.notNull().references('workspaces.id'))
    .addColumn('customer_id', key, required)
    .addColumn('fit_id', postgres ? 'bigint' : 'integer', required)
    .addColumn('frequency', 'integer', required)
    .addColumn('recency_weeks', real, required)
    .addColumn('age_weeks', real, required)
    .addColumn('average_spend', real, required)
    .addColumn('probability_alive', real, required)
    .addColumn('expected_purchases', real, required)
    .addColumn('expected_spend', real, required)
    .addColumn('value', real, required)
    .addPrimaryKeyConstraint('customer_value_predictions_pk', ['workspace_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('customer_value_predictions_value')
    .on('customer_value_predictions')
    .columns(['workspace_id', 'value'])
    .execute();
}
