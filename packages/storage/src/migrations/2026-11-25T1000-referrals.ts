import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/dialect-of.ts';

/* Referral and affiliate programs (see ../referral.schema.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  const time = postgres ? 'bigint' : 'integer';
  const money = postgres ? 'bigint' : 'integer';
  const key = postgres ? sql`text collate "C"` : sql`text`;
  const workspace = (col: ColumnDefinitionBuilder) => col.notNull().references('workspaces.id');
  const required = (col: ColumnDefinitionBuilder) => col.notNull();
  const zero = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(0);

  await db.schema
    .createTable('referral_programs')
    .addColumn('workspace_id', key, (col) => col.primaryKey().references('workspaces.id'))
    .addColumn('program_json', 'text', required)
    .addColumn('updated_at', time, required)
    .execute();

  await db.schema
    .createTable('affiliates')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('name', 'text', required)
    .addColumn('contact', 'text')
    .addColumn('code', key, required)
    .addColumn('commission_type', 'text', required)
    .addColumn('commission_value', money, required)
    .addColumn('commission_days', 'integer', required)
    .addColumn('active', 'integer', required)
    .addColumn('created_at', time, required)
    .addColumn('updated_at', time, required)
    .execute();
  await db.schema.createIndex('affiliates_workspace').on('affiliates').columns(['workspace_id']).execute();

  await db.schema
    .createTable('referral_codes')
    .addColumn('workspace_id', key, workspace)
    .addColumn('code', key, required)
    .addColumn('customer_id', key)
    .addColumn('affiliate_id', key)
    .addColumn('visits', 'integer', zero)
    .addColumn('created_at', time, required)
    .addPrimaryKeyConstraint('referral_codes_pk', ['workspace_id', 'code'])
    .addCheckConstraint('referral_codes_owner', sql`(customer_id is null) <> (affiliate_id is null)`)
    .execute();
  await db.schema
    .createIndex('referral_codes_customer')
    .on('referral_codes')
    .columns(['workspace_id', 'customer_id'])
    .unique()
    .where(sql.ref('customer_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('code', key, required)
    .addColumn('referrer_customer_id', key)
    .addColumn('affiliate_id', key)
    .addColumn('friend_customer_id', key, required)
    .addColumn('status', 'text', required)
    .addColumn('channel', 'text', required)
    .addColumn('claim_order_id', key)
    .addColumn('first_order_id', key)
    .addColumn('qualified_at', time)
    .addColumn('reward_due_at', time)
    .addColumn('rewarded_at', time)
    .addColumn('cancelled_at', time)
    .addColumn('cancel_reason', 'text')
    .addColumn('capped', 'integer', zero)
    .addColumn('created_at', time, required)
    .addUniqueConstraint('referrals_friend', ['workspace_id', 'friend_customer_id'])
    .execute();
  await db.schema
    .createIndex('referrals_referrer')
    .on('referrals')
    .columns(['workspace_id', 'referrer_customer_id', 'status'])
    .execute();
  await db.schema
    .createIndex('referrals_affiliate')
    .on('referrals')
    .columns(['workspace_id', 'affiliate_id'])
    .execute();
  // The reward job reads the qualified referrals whose window has passed.
  await db.schema.createIndex('referrals_due').on('referrals').columns(['status', 'reward_due_at']).execute();
  await db.schema
    .createIndex('referrals_created')
    .on('referrals')
    .columns(['workspace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('referral_refusals')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('code', key, required)
    .addColumn('referrer_customer_id', key)
    .addColumn('affiliate_id', key)
    .addColumn('friend_customer_id', key)
    .addColumn('reason', 'text', required)
    .addColumn('channel', 'text', required)
    .addColumn('order_id', key)
    .addColumn('at', time, required)
    .execute();
  await db.schema
    .createIndex('referral_refusals_at')
    .on('referral_refusals')
    .columns(['workspace_id', 'at'])
    .execute();

  await db.schema
    .createTable('referral_rewards')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('referral_id', key, (col) => col.notNull().references('referrals.id'))
    .addColumn('side', 'text', required)
    .addColumn('customer_id', key, required)
    .addColumn('kind', 'text', required)
    .addColumn('points', 'integer', zero)
    .addColumn('promotion_code_id', key)
    .addColumn('code', key)
    .addColumn('granted_at', time, required)
    .addColumn('reversed_at', time)
    .addUniqueConstraint('referral_rewards_side', ['referral_id', 'side'])
    .execute();
  await db.schema
    .createIndex('referral_rewards_workspace')
    .on('referral_rewards')
    .columns(['workspace_id', 'granted_at'])
    .execute();

  await db.schema
    .createTable('affiliate_commissions')
    .addColumn('id', key, (col) => col.primaryKey())
    .addColumn('workspace_id', key, workspace)
    .addColumn('affiliate_id', key, (col) => col.notNull().references('affiliates.id'))
    .addColumn('referral_id', key, required)
    .addColumn('order_id', key, required)
    .addColumn('refund_id', key)
    .addColumn('base', money, required)
    .addColumn('amount', money, required)
    .addColumn('at', time, required)
    .execute();
  await db.schema
    .createIndex('affiliate_commissions_affiliate')
    .on('affiliate_commissions')
    .columns(['workspace_id', 'affiliate_id', 'at'])
    .execute();
  await db.schema
    .createIndex('affiliate_commissions_order')
    .on('affiliate_commissions')
    .columns(['workspace_id', 'order_id'])
    .execute();
}
