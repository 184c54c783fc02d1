import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Promotion, PromotionReward } from '../../src/promotions/promotion.ts';
import { planPromotions, type PromotionCandidate } from '../../src/promotions/promotion-stack.ts';
import {
  generateCode,
  isValidCode,
  normalizeCode,
  CODE_ALPHABET,
} from '../../src/promotions/voucher-code.ts';
import { aCart, aLine, aPromotion, unused } from './promotion.factory.ts';

const candidate = (promotion: Promotion, code?: string): PromotionCandidate => ({
  promotion,
  usage: unused,
  ...(code ? { code } : {}),
});
const cart = aCart([aLine({ quantity: 4 })]); // Rp 100.000

describe('planPromotions', () => {
  it('refuses an exclusive code beside another code, and a second code of the same promotion', () => {
    const a = aPromotion({ id: 'a', stacking: 'stackable' });
    const b = aPromotion({ id: 'b', stacking: 'exclusive', reward: { type: 'amount', amount: 5_000 } });
    const plan = planPromotions([], [candidate(a, 'A1'), candidate(b, 'B1'), candidate(a, 'A2')], cart);
    expect(plan.applied.map((x) => x.code)).toEqual(['A1']);
    expect(plan.refused.map((r) => [r.code, r.refusal.code])).toEqual([
      ['B1', 'not_combinable'],
      ['A2', 'already_applied'],
    ]);
  });

  it('stacks stackable codes, each on what the one before left', () => {
    const tenPercent = aPromotion({ id: 'a', stacking: 'stackable' });
    const fiveThousand = aPromotion({
      id: 'b',
      stacking: 'stackable',
      reward: { type: 'amount', amount: 5_000 },
    });
    const plan = planPromotions([], [candidate(tenPercent, 'A'), candidate(fiveThousand, 'B')], cart);
    expect(plan.applied.map((x) => x.discount)).toEqual([10_000, 5_000]);
    expect(plan.discount).toBe(15_000);
  });

  it('with no code, gives the better of the best exclusive automatic promotion and the stackable ones together', () => {
    const happyHour = aPromotion({ id: 'hh', trigger: 'automatic', stacking: 'exclusive' });
    const small = aPromotion({
      id: 's',
      trigger: 'automatic',
      stacking: 'stackable',
      reward: { type: 'amount', amount: 3_000 },
    });
    expect(
      planPromotions([candidate(happyHour), candidate(small)], [], cart).applied.map((a) => a.promotion.id),
    ).toEqual(['hh']);
    const big = { ...small, reward: { type: 'amount', amount: 12_000 } as PromotionReward };
    expect(
      planPromotions([candidate(happyHour), candidate(big)], [], cart).applied.map((a) => a.promotion.id),
    ).toEqual(['s']);
  });

  it('drops automatic promotions under an exclusive code, keeps stackable ones beside stackable codes', () => {
    const auto = aPromotion({ id: 'auto', trigger: 'automatic', stacking: 'stackable' });
    const exclusiveCode = aPromotion({ id: 'x', stacking: 'exclusive' });
    const stackableCode = aPromotion({ id: 'y', stacking: 'stackable' });
    expect(
      planPromotions([candidate(auto)], [candidate(exclusiveCode, 'X')], cart).applied.map(
        (a) => a.promotion.id,
      ),
    ).toEqual(['x']);
    expect(
      planPromotions([candidate(auto)], [candidate(stackableCode, 'Y')], cart).applied.map(
        (a) => a.promotion.id,
      ),
    ).toEqual(['auto', 'y']);
  });

  it('answers unknown_code for a code that names no promotion', () => {
    expect(planPromotions([], [{ code: 'NOPE', promotion: null }], cart).refused[0]?.refusal).toEqual({
      code: 'unknown_code',
      values: { code: 'NOPE' },
    });
  });

  it('never takes off more than a line still costs, and its cuts add up to its discount (any promotions, any cart)', () => {
    const reward = fc.oneof(
      fc.record({
        type: fc.constant('percent' as const),
        percent: fc.integer({ min: 0, max: 100 }),
        maxDiscount: fc.option(fc.nat(200_000)),
      }),
      fc.record({ type: fc.constant('amount' as const), amount: fc.nat(300_000) }),
      fc.record({
        type: fc.constant('free_item' as const),
        productId: fc.constantFrom('a', 'b'),
        quantity: fc.integer({ min: 1, max: 3 }),
      }),
    );
    const promotion = fc.record({
      reward,
      stacking: fc.constantFrom('exclusive' as const, 'stackable' as const),
      trigger: fc.constantFrom('code' as const, 'automatic' as const),
      productIds: fc.option(fc.subarray(['a', 'b', 'c'])),
    });
    const line = fc.record({
      productId: fc.constantFrom('a', 'b', 'c'),
      quantity: fc.integer({ min: 1, max: 5 }),
      unitPrice: fc.nat(100_000),
      off: fc.nat(100),
    });
    fc.assert(
      fc.property(
        fc.array(promotion, { maxLength: 5 }),
        fc.array(line, { minLength: 1, maxLength: 6 }),
        (promos, lines) => {
          const context = aCart(
            lines.map((l) => {
              const gross = l.quantity * l.unitPrice;
              return aLine({ ...l, category: null, net: gross - Math.floor((gross * l.off) / 100) });
            }),
          );
          const all = promos.map((p, i) => aPromotion({ ...p, id: `p${i}` }));
          const plan = planPromotions(
            all.filter((p) => p.trigger === 'automatic').map((p) => candidate(p)),
            all.filter((p) => p.trigger === 'code').map((p, i) => candidate(p, `C${i}`)),
            context,
          );
          plan.lineCuts.forEach((cut, i) => {
            expect(cut).toBeGreaterThanOrEqual(0);
            expect(cut).toBeLessThanOrEqual(context.lines[i]!.net);
          });
          expect(plan.lineCuts.reduce((s, c) => s + c, 0)).toBe(plan.discount);
          for (const a of plan.applied) expect(a.lineCuts.reduce((s, c) => s + c, 0)).toBe(a.discount);
          const exclusive = plan.applied.filter((a) => a.promotion.stacking === 'exclusive');
          if (exclusive.length > 0) expect(plan.applied).toHaveLength(1);
        },
      ),
    );
  });
});

describe('voucher codes', () => {
  it('are generated from the unambiguous alphabet only, with the prefix, and normalized as typed', () => {
    let seed = 7;
    const bytes = (n: number) =>
      Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 255);
    const code = generateCode('KOPI-', 8, bytes);
    expect(code).toMatch(new RegExp(`^KOPI-[${CODE_ALPHABET}]{8}$`));
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL5S2Z8B]/);
    expect(isValidCode(code)).toBe(true);
    expect(normalizeCode(' hemat 10 ')).toBe('HEMAT10');
  });
});
