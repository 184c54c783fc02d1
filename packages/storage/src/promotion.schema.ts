import type { Insertable, Selectable } from 'kysely';

/*
 * Vouchers and promotions. A promotion's rules (reward, dates, days, hours, restrictions, stacking) are
 * one JSON document read by core's evaluatePromotion; the columns beside it are what queries and the
 * redemption guard need. `uses` counts redemptions not given back: a checkout raises it with a
 * conditional UPDATE (`uses < total_limit`), so two checkouts can never take the last use twice.
 */

export interface PromotionTable {
  id: string;
  workspace_id: string;
  name: string;
  /** code or automatic. */
  trigger: string;
  /** The rules of core's Promotion other than id, name, trigger and active. */
  rules_json: string;
  active: number;
  total_limit: number | null;
  uses: number;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

export interface PromotionCodeTable {
  id: string;
  workspace_id: string;
  promotion_id: string;
  /** Normalized (upper case); unique per workspace. */
  code: string;
  /** The one customer who may use it, for a code issued to someone. */
  customer_id: string | null;
  /** Uses of this code; null for as many as the promotion allows. */
  max_uses: number | null;
  uses: number;
  /** Codes generated together share a batch id. */
  batch_id: string | null;
  created_at: number;
}

export interface PromotionRedemptionTable {
  id: string;
  workspace_id: string;
  promotion_id: string;
  code_id: string | null;
  code: string | null;
  order_id: string;
  branch_id: string;
  customer_id: string | null;
  discount: number;
  /** The order's total, for the revenue of orders with the promotion. */
  order_total: number;
  at: number;
  /** Set when the order was voided or wholly refunded: the use was given back. */
  reversed_at: number | null;
}

export interface PromotionTables {
  promotions: PromotionTable;
  promotion_codes: PromotionCodeTable;
  promotion_redemptions: PromotionRedemptionTable;
}

export type PromotionRow = Selectable<PromotionTable>;
export type NewPromotionRow = Insertable<PromotionTable>;
export type PromotionCode = Selectable<PromotionCodeTable>;
export type NewPromotionCode = Insertable<PromotionCodeTable>;
export type PromotionRedemption = Selectable<PromotionRedemptionTable>;
export type NewPromotionRedemption = Insertable<PromotionRedemptionTable>;
