/*
 * A promotion: what it gives, and when, where and to whom. Codes (single or a generated batch) and
 * automatic promotions (no code, such as a happy hour) share these rules; only the trigger differs.
 * Money is whole Rupiah; instants are UTC milliseconds; days and hours are read in the branch's zone.
 */

export const PROMOTION_TRIGGERS = ['code', 'automatic'] as const;
export type PromotionTrigger = (typeof PROMOTION_TRIGGERS)[number];

export const PROMOTION_STACKING = ['exclusive', 'stackable'] as const;
/** exclusive: alone on the order; stackable: with other stackable promotions. */
export type PromotionStacking = (typeof PROMOTION_STACKING)[number];

export const REWARD_TYPES = ['percent', 'amount', 'free_item'] as const;

export type PromotionReward =
  /** A whole percentage off the eligible lines, at most `maxDiscount` Rupiah when set. */
  | { type: 'percent'; percent: number; maxDiscount: number | null }
  /** Rupiah off the eligible lines, at most what they cost. */
  | { type: 'amount'; amount: number }
  /** Up to `quantity` units of a product in the cart free. */
  | { type: 'free_item'; productId: string; quantity: number };

export interface Promotion {
  id: string;
  name: string;
  trigger: PromotionTrigger;
  reward: PromotionReward;
  /** What the order must cost after line discounts, before any promotion; 0 for none. */
  minSpend: number;
  startsAt: number | null;
  endsAt: number | null;
  /** 0 = Monday ... 6 = Sunday, in the branch's zone; null for every day. */
  days: readonly number[] | null;
  /** Wall-clock `HH:MM` in the branch's zone, `from` inclusive, `to` exclusive; `to` before `from` runs past midnight. */
  hours: { from: string; to: string } | null;
  totalLimit: number | null;
  perCustomerLimit: number | null;
  productIds: readonly string[] | null;
  categories: readonly string[] | null;
  branchIds: readonly string[] | null;
  segments: readonly string[] | null;
  tiers: readonly string[] | null;
  stacking: PromotionStacking;
  active: boolean;
}

/** A line of the cart as promotions see it: `net` is what it costs after its own (manual) discount. */
export interface PromotionCartLine {
  productId: string;
  category: string | null;
  quantity: number;
  unitPrice: number;
  net: number;
}

export interface PromotionCustomer {
  id: string;
  segments: readonly string[];
  tier: string | null;
}

export interface PromotionContext {
  at: number;
  /** The branch's IANA zone. */
  timeZone: string;
  branchId: string;
  lines: readonly PromotionCartLine[];
  customer: PromotionCustomer | null;
}

/** Uses so far, counted by storage (reversed redemptions excluded). */
export interface PromotionUsage {
  total: number;
  byCustomer: number;
  /** For a code: its own uses and limit, and the customer it was issued to, if any. */
  code?: { uses: number; maxUses: number | null; customerId: string | null };
}
