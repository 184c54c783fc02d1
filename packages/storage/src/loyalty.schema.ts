import type { Insertable, Selectable } from 'kysely';

/*
 * Loyalty points and tiers (packages/core/src/loyalty). Points are whole numbers in an integer
 * column (bigint on PostgreSQL). The ledger is `loyalty_entries`; `loyalty_accounts` holds the running
 * sums beside it, changed in the same transaction, and is the row a redemption locks.
 */

export interface LoyaltySettingsTable {
  workspace_id: string;
  /** The LoyaltyProgram as JSON. */
  program_json: string;
  updated_at: number;
}

export interface LoyaltyAccountTable {
  workspace_id: string;
  customer_id: string;
  /** The sum of the customer's entries. */
  balance: number;
  /** Points taken that no credit covered (only where the workspace allows a negative balance). */
  debt: number;
  tier_key: string | null;
  tier_since: number;
  /** When the customer joined (his sign-up bonus, if any, is given then). */
  joined_at: number;
  /** The year his birthday bonus was last given, or null. */
  birthday_year: number | null;
  updated_at: number;
}

export type LoyaltyEntryKind = 'earn' | 'bonus' | 'adjust' | 'restore' | 'redeem' | 'expire' | 'cancel';

export interface LoyaltyEntryTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  kind: LoyaltyEntryKind;
  /** Signed: credits add, debits take. */
  points: number;
  /** For credits: what is left of them to spend (0 for debits). */
  remaining: number;
  /** For credits: when what is left of them expires; null: never. */
  expires_at: number | null;
  /**
   * For credits earned inside the refund window (pending points): when they can be spent; the
   * unlock job sets it back to null once that moment has passed. Null: spendable at once.
   */
  unlocks_at: number | null;
  order_id: string | null;
  refund_id: string | null;
  /** Unique per workspace when present: an adjustment sent twice is written once. */
  idempotency_key: string | null;
  reason: string | null;
  actor_id: string | null;
  actor_label: string;
  /** The balance once this entry was written. */
  balance_after: number;
  at: number;
}

/** Which credit a debit drew on, and how much of it. */
export interface LoyaltyDrawTable {
  workspace_id: string;
  debit_id: string;
  credit_id: string;
  points: number;
}

/** The points of one order: what it earned and redeemed, and what its refunds did to them so far. */
export interface LoyaltyOrderTable {
  workspace_id: string;
  order_id: string;
  customer_id: string;
  earned: number;
  /** The earn entry (null when it earned nothing). */
  earn_entry_id: string | null;
  redeemed: number;
  /** Rupiah the redeemed points took off the order. */
  redeem_value: number;
  /** The Rupiah spent that counts toward spend-based tiers (what was paid, less what refunds gave back). */
  spend: number;
  /** What was paid when the order earned (0 on rows written before this column). */
  total: number;
  taken_back: number;
  returned: number;
  /** The customer's balance once the sale was done: what the receipt prints. */
  balance_after: number;
  tier_key: string | null;
  at: number;
}

/** What a customer merge moved of the ledger, to move it back when the merge is undone. */
export interface LoyaltyMergeTable {
  merge_id: string;
  workspace_id: string;
  survivor_id: string;
  merged_id: string;
  entry_ids_json: string;
  order_ids_json: string;
  /** The merged customer's account row (JSON) as it was. */
  merged_account_json: string;
  /** The survivor's account row (JSON) before the merge; null: he had none. */
  survivor_account_json: string | null;
}

/** A member's tier change (also his journey event Tier Upgraded / Tier Downgraded). */
export interface LoyaltyTierChangeTable {
  workspace_id: string;
  customer_id: string;
  from_key: string | null;
  to_key: string | null;
  direction: 'upgraded' | 'downgraded';
  at: number;
}

export interface LoyaltyTables {
  loyalty_settings: LoyaltySettingsTable;
  loyalty_accounts: LoyaltyAccountTable;
  loyalty_entries: LoyaltyEntryTable;
  loyalty_draws: LoyaltyDrawTable;
  loyalty_orders: LoyaltyOrderTable;
  loyalty_merges: LoyaltyMergeTable;
  loyalty_tier_changes: LoyaltyTierChangeTable;
}

export type LoyaltyAccount = Selectable<LoyaltyAccountTable>;
export type LoyaltyEntry = Selectable<LoyaltyEntryTable>;
export type NewLoyaltyEntry = Insertable<LoyaltyEntryTable>;
export type LoyaltyOrder = Selectable<LoyaltyOrderTable>;
export type LoyaltyMerge = Selectable<LoyaltyMergeTable>;
