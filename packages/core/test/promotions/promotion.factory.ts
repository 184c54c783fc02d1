import type { Promotion, PromotionCartLine, PromotionContext } from '../../src/promotions/promotion.ts';

export const ZONE = 'Asia/Jakarta';
/** Wednesday 25 November 2026, 15:00 in Jakarta. */
export const WEDNESDAY_3PM = Date.parse('2026-11-25T08:00:00Z');

export function aPromotion(overrides: Partial<Promotion> = {}): Promotion {
  return {
    id: 'p-1',
    name: 'Hemat 10%',
    trigger: 'code',
    reward: { type: 'percent', percent: 10, maxDiscount: null },
    minSpend: 0,
    startsAt: null,
    endsAt: null,
    days: null,
    hours: null,
    totalLimit: null,
    perCustomerLimit: null,
    productIds: null,
    categories: null,
    branchIds: null,
    segments: null,
    tiers: null,
    stacking: 'exclusive',
    active: true,
    ...overrides,
  };
}

export function aLine(overrides: Partial<PromotionCartLine> = {}): PromotionCartLine {
  const quantity = overrides.quantity ?? 1;
  const unitPrice = overrides.unitPrice ?? 25_000;
  return {
    productId: 'kopi-susu',
    category: 'Kopi',
    quantity,
    unitPrice,
    net: quantity * unitPrice,
    ...overrides,
  };
}

export function aCart(
  lines: PromotionCartLine[],
  overrides: Partial<PromotionContext> = {},
): PromotionContext {
  return { at: WEDNESDAY_3PM, timeZone: ZONE, branchId: 'b-1', lines, customer: null, ...overrides };
}

export const unused = { total: 0, byCustomer: 0 };
