import { describe, expect, it } from 'vitest';
import { evaluatePromotion } from '../../src/promotions/promotion-evaluate.ts';
import { refusalMessage } from '../../src/promotions/refusal-message.ts';
import { WEDNESDAY_3PM, ZONE, aCart, aLine, aPromotion, unused } from './promotion.factory.ts';

const HOUR = 3_600_000;
const refusalOf = (outcome: ReturnType<typeof evaluatePromotion>) => (outcome.ok ? null : outcome.refusal);

describe('evaluatePromotion: what it gives', () => {
  it('takes a percentage off, up to its cap', () => {
    const promo = aPromotion({ reward: { type: 'percent', percent: 20, maxDiscount: 15_000 } });
    expect(evaluatePromotion(promo, aCart([aLine({ quantity: 2 })]), unused)).toEqual({
      ok: true,
      discount: 10_000,
      lineCuts: [10_000],
    });
    expect(evaluatePromotion(promo, aCart([aLine({ quantity: 4 })]), unused)).toMatchObject({
      discount: 15_000,
    });
  });

  it('takes a fixed amount off, never more than the eligible lines cost', () => {
    const promo = aPromotion({ reward: { type: 'amount', amount: 30_000 } });
    expect(evaluatePromotion(promo, aCart([aLine({ quantity: 2 })]), unused)).toMatchObject({
      discount: 30_000,
    });
    expect(evaluatePromotion(promo, aCart([aLine()]), unused)).toMatchObject({ discount: 25_000 });
  });

  it('gives the free item in the cart, the cheapest units first, and asks for it when missing', () => {
    const promo = aPromotion({ reward: { type: 'free_item', productId: 'croissant', quantity: 1 } });
    const cart = aCart([
      aLine(),
      aLine({ productId: 'croissant', category: 'Roti', unitPrice: 18_000, quantity: 2 }),
    ]);
    expect(evaluatePromotion(promo, cart, unused)).toEqual({
      ok: true,
      discount: 18_000,
      lineCuts: [0, 18_000],
    });
    expect(refusalOf(evaluatePromotion(promo, aCart([aLine()]), unused))).toEqual({
      code: 'free_item_missing',
      values: { product: 'croissant', quantity: 1 },
    });
  });

  it('counts only the products and categories it names', () => {
    const promo = aPromotion({
      categories: ['Roti'],
      reward: { type: 'percent', percent: 50, maxDiscount: null },
    });
    const cart = aCart([aLine(), aLine({ productId: 'croissant', category: 'Roti', unitPrice: 18_000 })]);
    expect(evaluatePromotion(promo, cart, unused)).toEqual({
      ok: true,
      discount: 9_000,
      lineCuts: [0, 9_000],
    });
    expect(refusalOf(evaluatePromotion(promo, aCart([aLine()]), unused))).toEqual({
      code: 'no_eligible_products',
      values: { products: [], categories: ['Roti'] },
    });
  });
});

describe('evaluatePromotion: why a code is refused', () => {
  const cart = aCart([aLine()]);
  it.each([
    ['not yet valid', { startsAt: WEDNESDAY_3PM + HOUR }, 'not_yet_valid'],
    ['expired', { endsAt: WEDNESDAY_3PM }, 'expired'],
    ['on another day (weekends only)', { days: [5, 6] }, 'wrong_day'],
    ['outside its hours', { hours: { from: '07:00', to: '10:00' } }, 'outside_hours'],
    ['at another branch', { branchIds: ['b-2'] }, 'wrong_branch'],
    ['paused', { active: false }, 'inactive'],
    ['used up', { totalLimit: 3 }, 'limit_reached'],
    ['below minimum spend', { minSpend: 40_000 }, 'below_min_spend'],
    ['for a tier, without a customer', { tiers: ['Gold'] }, 'customer_required'],
  ] as const)('%s', (_, overrides, code) => {
    expect(refusalOf(evaluatePromotion(aPromotion(overrides), cart, { total: 3, byCustomer: 0 }))?.code).toBe(
      code,
    );
  });

  it('says by how much the cart is below the minimum spend', () => {
    expect(refusalOf(evaluatePromotion(aPromotion({ minSpend: 40_000 }), cart, unused))).toEqual({
      code: 'below_min_spend',
      values: { minSpend: 40_000, short: 15_000 },
    });
  });

  it('keeps the per-customer limit, the code’s own limit and a code issued to someone else', () => {
    const siti = { id: 'c-siti', segments: [], tier: null };
    const withSiti = aCart([aLine()], { customer: siti });
    expect(
      refusalOf(
        evaluatePromotion(aPromotion({ perCustomerLimit: 1 }), withSiti, { total: 5, byCustomer: 1 }),
      ),
    ).toEqual({
      code: 'customer_limit_reached',
      values: { limit: 1 },
    });
    const code = { uses: 1, maxUses: 1, customerId: null };
    expect(refusalOf(evaluatePromotion(aPromotion(), withSiti, { ...unused, code }))?.code).toBe(
      'limit_reached',
    );
    const issued = { uses: 0, maxUses: 1, customerId: 'c-budi' };
    expect(refusalOf(evaluatePromotion(aPromotion(), withSiti, { ...unused, code: issued }))?.code).toBe(
      'not_your_code',
    );
  });

  it('asks for the tier or segment it is for', () => {
    const gold = aCart([aLine()], { customer: { id: 'c-1', segments: ['vip'], tier: 'Gold' } });
    expect(evaluatePromotion(aPromotion({ tiers: ['Gold'], segments: ['vip'] }), gold, unused).ok).toBe(true);
    expect(refusalOf(evaluatePromotion(aPromotion({ tiers: ['Platinum'] }), gold, unused))?.code).toBe(
      'wrong_tier',
    );
    expect(refusalOf(evaluatePromotion(aPromotion({ segments: ['new'] }), gold, unused))?.code).toBe(
      'wrong_segment',
    );
  });

  it('reads days and hours in the branch’s zone, and hours may run past midnight', () => {
    // 15:00 in Jakarta is 16:00 in Makassar: a 14:00–16:00 happy hour is on in one and over in the other.
    const happyHour = aPromotion({ trigger: 'automatic', days: [2], hours: { from: '14:00', to: '16:00' } });
    expect(evaluatePromotion(happyHour, cart, unused).ok).toBe(true);
    expect(
      refusalOf(evaluatePromotion(happyHour, { ...cart, timeZone: 'Asia/Makassar' }, unused))?.code,
    ).toBe('outside_hours');
    const lateNight = aPromotion({ hours: { from: '22:00', to: '02:00' } });
    const oneAm = Date.parse('2026-11-25T18:00:00Z');
    expect(evaluatePromotion(lateNight, { ...cart, at: oneAm }, unused).ok).toBe(true);
    expect(evaluatePromotion(lateNight, cart, unused).ok).toBe(false);
  });
});

describe('refusalMessage', () => {
  it('says why in Bahasa Indonesia and in English, Rupiah and dates the Indonesian way', () => {
    const short = { code: 'below_min_spend', values: { minSpend: 100_000, short: 12_000 } } as const;
    expect(refusalMessage(short, 'id', ZONE)).toBe(
      'Belanja minimal Rp\u00a0100.000; kurang Rp\u00a012.000 lagi.',
    );
    expect(refusalMessage(short, 'en', ZONE)).toBe(
      'The minimum spend is Rp\u00a0100.000; Rp\u00a012.000 more is needed.',
    );
    const expired = { code: 'expired', values: { endsAt: Date.parse('2026-11-30T17:00:00Z') } } as const;
    expect(refusalMessage(expired, 'id', ZONE)).toContain('1 Des 2026');
    expect(refusalMessage({ code: 'wrong_day', values: { days: [5, 6] } }, 'id', ZONE)).toBe(
      'Promo ini hanya berlaku hari Sabtu atau Minggu.',
    );
    expect(
      refusalMessage({ code: 'outside_hours', values: { from: '14:00', to: '17:00' } }, 'en', ZONE),
    ).toBe('This promotion is valid from 14:00 to 17:00 only.');
  });
});
