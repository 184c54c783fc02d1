import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, mulDivHalfUp } from '../../src/sales/money.ts';
import { PricingError, priceOrder, taxOf, type Discount } from '../../src/sales/order-pricing.ts';

const PPN_INCLUDED = { rateBp: 1100, mode: 'included' } as const;
const PPN_ADDED = { rateBp: 1100, mode: 'added' } as const;

describe('money', () => {
  it('rounds half up', () => {
    expect(mulDivHalfUp(5, 1, 2)).toBe(3);
    expect(mulDivHalfUp(4, 1, 3)).toBe(1);
    expect(mulDivHalfUp(999_999_999_999, 10_000, 11_100)).toBe(900_900_900_900);
  });

  it('allocates every Rupiah, the remainder to the largest fractions', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [0, 5, 5])).toEqual([0, 5, 5]);
    expect(allocate(0, [3, 4])).toEqual([0, 0]);
  });

  it('never gives a part more than its weight when the total is not more than the weights', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 20 }), fc.nat(), (weights, seed) => {
        const sum = weights.reduce((s, w) => s + w, 0);
        fc.pre(sum > 0);
        const total = seed % (sum + 1);
        const parts = allocate(total, weights);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
        parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(weights[i]!));
      }),
    );
  });
});

describe('priceOrder', () => {
  it('takes PPN included in the price out of the total, rounded half up once for the order', () => {
    const order = priceOrder([{ quantity: 2, unitPrice: 18_000 }], undefined, PPN_INCLUDED);
    expect(order).toMatchObject({ subtotal: 36_000, total: 36_000, taxTotal: 3_568 });
  });

  it('adds PPN on top when prices are without it', () => {
    const order = priceOrder([{ quantity: 3, unitPrice: 12_345 }], undefined, PPN_ADDED);
    // 37,035 × 11% = 4,073.85 → 4,074
    expect(order).toMatchObject({ subtotal: 37_035, taxTotal: 4_074, total: 41_109 });
  });

  it('charges no tax at rate zero', () => {
    expect(taxOf(50_000, { rateBp: 0, mode: 'added' })).toBe(0);
  });

  it('takes line discounts, then shares the order discount over the lines', () => {
    const order = priceOrder(
      [
        { quantity: 1, unitPrice: 30_000, discount: { type: 'percent', value: 10 } },
        { quantity: 2, unitPrice: 10_000, discount: { type: 'amount', value: 2_000 } },
      ],
      { type: 'amount', value: 5_000 },
      { rateBp: 0, mode: 'included' },
    );
    expect(order.lines.map((l) => l.lineDiscount)).toEqual([3_000, 2_000]);
    expect(order.lines.map((l) => l.orderDiscountShare)).toEqual([3_000, 2_000]);
    expect(order).toMatchObject({
      subtotal: 50_000,
      orderDiscount: 5_000,
      discountTotal: 10_000,
      total: 40_000,
    });
  });

  it('refuses a discount larger than what it comes off, naming the line', () => {
    expect(() =>
      priceOrder(
        [{ quantity: 1, unitPrice: 1_000, discount: { type: 'amount', value: 1_500 } }],
        undefined,
        PPN_ADDED,
      ),
    ).toThrow(new PricingError('lines/0/discount', 'a discount of 1500 is more than the 1000 it comes off'));
    expect(() => priceOrder([{ quantity: 0, unitPrice: 1_000 }], undefined, PPN_ADDED)).toThrow(
      /lines\/0\/quantity/,
    );
    expect(() => priceOrder([], undefined, PPN_ADDED)).toThrow(/at least one line/);
  });

  const discount: fc.Arbitrary<Discount | undefined> = fc.option(
    fc.oneof(
      fc.record({ type: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ type: fc.constant('amount' as const), value: fc.integer({ min: 0, max: 5_000 }) }),
    ),
    { nil: undefined },
  );
  const line = fc.record({
    quantity: fc.integer({ min: 1, max: 50 }),
    unitPrice: fc.integer({ min: 5_000, max: 2_000_000 }),
    discount,
  });
  const tax = fc.record({
    rateBp: fc.integer({ min: 0, max: 2_000 }),
    mode: fc.constantFrom('included' as const, 'added' as const),
  });

  it('makes lines add up to the order exactly, whatever the discounts and tax', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        discount,
        tax,
        (lines, orderDiscount, t) => {
          // An amount off the order larger than what the lines still cost is refused, not priced.
          const undiscounted = priceOrder(lines, undefined, t);
          const rest = undiscounted.subtotal - undiscounted.discountTotal;
          if (orderDiscount?.type === 'amount' && orderDiscount.value > rest) {
            expect(() => priceOrder(lines, orderDiscount, t)).toThrow(PricingError);
            return;
          }
          const order = priceOrder(lines, orderDiscount, t);
          const sum = (f: (l: (typeof order.lines)[number]) => number) =>
            order.lines.reduce((s, l) => s + f(l), 0);
          expect(sum((l) => l.total)).toBe(order.total);
          expect(sum((l) => l.tax)).toBe(order.taxTotal);
          expect(sum((l) => l.gross)).toBe(order.subtotal);
          expect(sum((l) => l.lineDiscount + l.orderDiscountShare)).toBe(order.discountTotal);
          for (const l of order.lines) expect(l.total).toBeGreaterThanOrEqual(0);
          const base = order.subtotal - order.discountTotal;
          expect(order.taxTotal).toBe(taxOf(base, t));
          expect(order.total).toBe(t.mode === 'added' ? base + order.taxTotal : base);
        },
      ),
    );
  });
});

describe('priceOrder with promotions', () => {
  it('takes promotion cuts after the line discounts and before the order discount', () => {
    const order = priceOrder(
      [
        { quantity: 2, unitPrice: 25_000, discount: { type: 'amount', value: 5_000 } },
        { quantity: 1, unitPrice: 18_000 },
      ],
      { type: 'percent', value: 10 },
      { rateBp: 0, mode: 'included' },
      [9_000, 0],
    );
    // Lines cost 45.000 + 18.000 after their own discounts; the promotion leaves 54.000; 10% of that is 5.400.
    expect(order).toMatchObject({ promotionDiscount: 9_000, orderDiscount: 5_400, total: 48_600 });
    expect(order.discountTotal).toBe(5_000 + 9_000 + 5_400);
    expect(order.lines[0]!.promotionDiscount).toBe(9_000);
  });

  it('refuses a promotion cut larger than what the line still costs', () => {
    expect(() => priceOrder([{ quantity: 1, unitPrice: 10_000 }], undefined, PPN_INCLUDED, [10_001])).toThrow(
      PricingError,
    );
  });
});
