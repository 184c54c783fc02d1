import { assertUnreachable } from '../assert.ts';
import { allocate, mulDivHalfUp } from '../sales/money.ts';
import type { Promotion, PromotionContext, PromotionUsage } from './promotion.ts';
import { refuse, type PromotionRefusal } from './promotion-refusal.ts';
import { windowRefusal } from './promotion-window.ts';

export type PromotionOutcome =
  | {
      ok: true;
      /** Rupiah off the order. */
      discount: number;
      /** The discount per cart line (index-aligned), adding up to `discount`. */
      lineCuts: number[];
    }
  | { ok: false; refusal: PromotionRefusal };

/**
 * Whether a promotion applies to a cart, and how much it takes off which lines. Checks run in the
 * order a customer would want to hear them: whether it is live (active, dates, days, hours), whether
 * it is for here and for them (branch, customer, segment, tier), whether uses are left (total, code,
 * per customer), then the cart (products, free item, minimum spend). The first failing check is the
 * answer. `nets` are what the lines still cost (after line discounts and earlier promotions); the
 * minimum spend is measured on the cart before any promotion.
 *
 * @example
 * evaluatePromotion(tenPercentCappedAt5000, { at, timeZone: 'Asia/Jakarta', branchId, lines: [{ ..., net: 80_000 }], customer: null }, { total: 0, byCustomer: 0 })
 * // { ok: true, discount: 5000, lineCuts: [5000] }
 */
export function evaluatePromotion(
  promotion: Promotion,
  context: PromotionContext,
  usage: PromotionUsage,
  nets: readonly number[] = context.lines.map((l) => l.net),
): PromotionOutcome {
  const refusal = eligibilityRefusal(promotion, context, usage);
  if (refusal) return { ok: false, refusal };
  const eligible = context.lines.map((line) => appliesTo(promotion, line.productId, line.category));
  if (promotion.reward.type !== 'free_item' && !eligible.some(Boolean))
    return {
      ok: false,
      refusal: refuse('no_eligible_products', {
        products: promotion.productIds ?? [],
        categories: promotion.categories ?? [],
      }),
    };
  const spent = context.lines.reduce((s, l) => s + l.net, 0);
  if (spent < promotion.minSpend)
    return {
      ok: false,
      refusal: refuse('below_min_spend', { minSpend: promotion.minSpend, short: promotion.minSpend - spent }),
    };
  return reward(promotion, context, eligible, nets);
}

/** The checks that do not look at the cart: live now, here, for this customer, with uses left. */
export function eligibilityRefusal(
  promotion: Promotion,
  context: PromotionContext,
  usage: PromotionUsage,
): PromotionRefusal | null {
  if (!promotion.active) return refuse('inactive', {});
  const window = windowRefusal(promotion, context.at, context.timeZone);
  if (window) return window;
  if (promotion.branchIds !== null && !promotion.branchIds.includes(context.branchId))
    return refuse('wrong_branch', { branches: promotion.branchIds });
  const { customer } = context;
  const needsCustomer =
    promotion.perCustomerLimit !== null ||
    promotion.segments !== null ||
    promotion.tiers !== null ||
    (usage.code?.customerId ?? null) !== null;
  if (needsCustomer && customer === null) return refuse('customer_required', {});
  if (usage.code?.customerId && usage.code.customerId !== customer?.id) return refuse('not_your_code', {});
  if (promotion.segments !== null && !promotion.segments.some((s) => customer!.segments.includes(s)))
    return refuse('wrong_segment', { segments: promotion.segments });
  if (promotion.tiers !== null && !promotion.tiers.includes(customer!.tier ?? ''))
    return refuse('wrong_tier', { tiers: promotion.tiers });
  if (promotion.totalLimit !== null && usage.total >= promotion.totalLimit)
    return refuse('limit_reached', { limit: promotion.totalLimit });
  if (usage.code && usage.code.maxUses !== null && usage.code.uses >= usage.code.maxUses)
    return refuse('limit_reached', { limit: usage.code.maxUses });
  if (promotion.perCustomerLimit !== null && usage.byCustomer >= promotion.perCustomerLimit)
    return refuse('customer_limit_reached', { limit: promotion.perCustomerLimit });
  return null;
}

/** A line counts when the promotion names neither products nor categories, or names its own. */
function appliesTo(promotion: Promotion, productId: string, category: string | null): boolean {
  if (promotion.reward.type === 'free_item') return productId === promotion.reward.productId;
  if (promotion.productIds === null && promotion.categories === null) return true;
  return (
    (promotion.productIds?.includes(productId) ?? false) ||
    (category !== null && (promotion.categories?.includes(category) ?? false))
  );
}

function reward(
  promotion: Promotion,
  context: PromotionContext,
  eligible: readonly boolean[],
  nets: readonly number[],
): PromotionOutcome {
  const weights = nets.map((n, i) => (eligible[i] ? n : 0));
  const base = weights.reduce((s, w) => s + w, 0);
  const { reward: r } = promotion;
  let discount: number;
  switch (r.type) {
    case 'percent': {
      const off = mulDivHalfUp(base, r.percent, 100);
      discount = r.maxDiscount === null ? off : Math.min(off, r.maxDiscount);
      break;
    }
    case 'amount':
      discount = Math.min(r.amount, base);
      break;
    case 'free_item': {
      const inCart = context.lines.reduce((s, l, i) => s + (eligible[i] ? l.quantity : 0), 0);
      if (inCart === 0)
        return {
          ok: false,
          refusal: refuse('free_item_missing', { product: r.productId, quantity: r.quantity }),
        };
      const free = freeUnitsValue(context, eligible, Math.min(r.quantity, inCart));
      discount = Math.min(free, base);
      break;
    }
    default:
      return assertUnreachable(r);
  }
  const lineCuts = base === 0 || discount === 0 ? nets.map(() => 0) : allocate(discount, weights);
  return { ok: true, discount, lineCuts };
}

/** The list price of the first `units` units of the eligible lines, cheapest first. */
function freeUnitsValue(context: PromotionContext, eligible: readonly boolean[], units: number): number {
  const prices = context.lines.filter((_, i) => eligible[i]).sort((a, b) => a.unitPrice - b.unitPrice);
  let left = units;
  let value = 0;
  for (const line of prices) {
    const take = Math.min(left, line.quantity);
    value += take * line.unitPrice;
    left -= take;
    if (left === 0) break;
  }
  return value;
}
