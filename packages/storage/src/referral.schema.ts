import type { Insertable, Selectable } from 'kysely';

/*
 * Referral and affiliate programs. A code belongs to a customer (his personal code, made once and kept)
 * or to an affiliate (a partner's code, chosen by the owner); codes of both share one namespace per
 * workspace. A referral ties a new customer (the friend) to one referrer, the first valid claim winning
 * (unique per friend); refused claims are kept apart. Rewards and commissions are rows of their own, so
 * what was given, taken back and owed can be read without replaying anything.
 */

export interface ReferralProgramTable {
  workspace_id: string;
  /** core's ReferralProgram. */
  program_json: string;
  updated_at: number;
}

export interface ReferralCodeTable {
  workspace_id: string;
  /** Normalized (upper case). */
  code: string;
  customer_id: string | null;
  affiliate_id: string | null;
  /** Opens of the code's link. */
  visits: number;
  created_at: number;
}

export interface AffiliateTable {
  id: string;
  workspace_id: string;
  name: string;
  contact: string | null;
  code: string;
  /** percent or fixed. */
  commission_type: string;
  /** Basis points of the net sale for percent; Rupiah per sale for fixed. */
  commission_value: number;
  /** Sales of a referred customer earn commission this many days after the referral. */
  commission_days: number;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface ReferralTable {
  id: string;
  workspace_id: string;
  code: string;
  referrer_customer_id: string | null;
  affiliate_id: string | null;
  friend_customer_id: string;
  /** pending, qualified, rewarded or cancelled (core's ReferralStatus). */
  status: string;
  /** Where the claim came from: store (the till), web (a link or the tracker), api. */
  channel: string;
  /** The sale at whose checkout the cashier entered the code; null for claims from links and events. */
  claim_order_id: string | null;
  first_order_id: string | null;
  qualified_at: number | null;
  reward_due_at: number | null;
  rewarded_at: number | null;
  cancelled_at: number | null;
  cancel_reason: string | null;
  /** Set when the referrer's reward was withheld by the program's cap. */
  capped: number;
  created_at: number;
}

export interface ReferralRefusalTable {
  id: string;
  workspace_id: string;
  code: string;
  referrer_customer_id: string | null;
  affiliate_id: string | null;
  friend_customer_id: string | null;
  /** core's ReferralRefusal. */
  reason: string;
  channel: string;
  /** The sale at whose checkout the code was refused, if it was. */
  order_id: string | null;
  at: number;
}

export interface ReferralRewardTable {
  id: string;
  workspace_id: string;
  referral_id: string;
  /** referrer or friend. */
  side: string;
  customer_id: string;
  /** points or voucher. */
  kind: string;
  points: number;
  promotion_code_id: string | null;
  code: string | null;
  granted_at: number;
  reversed_at: number | null;
}

export interface AffiliateCommissionTable {
  id: string;
  workspace_id: string;
  affiliate_id: string;
  referral_id: string;
  order_id: string;
  /** Null for the accrual; the refund that took part back otherwise. */
  refund_id: string | null;
  /** The order's net sale (total less tax) for an accrual; the refunded amount for a reversal. */
  base: number;
  /** Positive for an accrual, negative for a reversal. */
  amount: number;
  at: number;
}

export interface ReferralTables {
  referral_programs: ReferralProgramTable;
  referral_codes: ReferralCodeTable;
  affiliates: AffiliateTable;
  referrals: ReferralTable;
  referral_refusals: ReferralRefusalTable;
  referral_rewards: ReferralRewardTable;
  affiliate_commissions: AffiliateCommissionTable;
}

export type ReferralCodeRow = Selectable<ReferralCodeTable>;
export type AffiliateRow = Selectable<AffiliateTable>;
export type NewAffiliate = Insertable<AffiliateTable>;
export type ReferralRow = Selectable<ReferralTable>;
export type NewReferral = Insertable<ReferralTable>;
export type ReferralRefusalRow = Selectable<ReferralRefusalTable>;
export type ReferralRewardRow = Selectable<ReferralRewardTable>;
export type AffiliateCommissionRow = Selectable<AffiliateCommissionTable>;
