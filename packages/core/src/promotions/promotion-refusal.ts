/** Why a promotion does not apply, with the values its message needs. */
export type PromotionRefusal =
  | { code: 'unknown_code'; values: { code: string } }
  | { code: 'inactive'; values: Record<string, never> }
  | { code: 'not_yet_valid'; values: { startsAt: number } }
  | { code: 'expired'; values: { endsAt: number } }
  | { code: 'wrong_day'; values: { days: readonly number[] } }
  | { code: 'outside_hours'; values: { from: string; to: string } }
  | { code: 'wrong_branch'; values: { branches: readonly string[] } }
  | { code: 'customer_required'; values: Record<string, never> }
  | { code: 'not_your_code'; values: Record<string, never> }
  | { code: 'wrong_segment'; values: { segments: readonly string[] } }
  | { code: 'wrong_tier'; values: { tiers: readonly string[] } }
  | { code: 'limit_reached'; values: { limit: number } }
  | { code: 'customer_limit_reached'; values: { limit: number } }
  | { code: 'no_eligible_products'; values: { products: readonly string[]; categories: readonly string[] } }
  | { code: 'free_item_missing'; values: { product: string; quantity: number } }
  | { code: 'below_min_spend'; values: { minSpend: number; short: number } }
  | { code: 'not_combinable'; values: { other: string } }
  | { code: 'already_applied'; values: Record<string, never> };

export type PromotionRefusalCode = PromotionRefusal['code'];

export const refuse = <C extends PromotionRefusalCode>(
  code: C,
  values: Extract<PromotionRefusal, { code: C }>['values'],
): PromotionRefusal => ({ code, values }) as PromotionRefusal;
