import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/loyalty/ledger.ts';
import {
  DEFAULT_LOYALTY_PROGRAM,
  checkProgram,
  earnPoints,
  nextTier,
  redemptionValue,
  type LoyaltyProgram,
} from '../../src/loyalty/program.ts';

const program: LoyaltyProgram = {
  ...DEFAULT_LOYALTY_PROGRAM,
  enabled: true,
  minOrder: 20_000,
  productPoints: { 'kopi-susu': 2 },
  categoryPoints: { Kopi: 1 },
  tiers: {
    basis: 'points',
    periodDays: 365,
    holdDays: 30,
    levels: [
      { key: 'silver', name: 'Silver', threshold: 100, multiplierBp: 10_000 },
      { key: 'gold', name: 'Gold', threshold: 500, multiplierBp: 15_000 },
    ],
  },
};

describe('earnPoints', () => {
  it('earns a point per Rp 10.000 paid, rounded down, plus points per unit, times the multiplier', () => {
    const earned = earnPoints(program, {
      total: 59_999,
      redeemedValue: 0,
      lines: [
        { productId: 'kopi-susu', category: 'Kopi', quantity: 2 },
        { productId: 'americano', category: 'Kopi', quantity: 1 },
        { productId: 'roti', category: null, quantity: 3 },
      ],
      multiplierBp: 15_000,
    });
    // 5 for the Rupiah, 2×2 for kopi susu (its own points win over its category's), 1 for the americano.
    expect(earned).toEqual({ base: 59_999, basePoints: 5, itemPoints: 5, points: 15 });
  });

  it('does not earn on what points paid unless the workspace allows it', () => {
    const input = { total: 30_000, redeemedValue: 20_000, lines: [], multiplierBp: 10_000 };
    expect(earnPoints(program, input).points).toBe(3);
    expect(earnPoints({ ...program, earnOnRedeemed: true }, input).points).toBe(5);
  });

  it('earns nothing below the minimum order or when the program is off', () => {
    const input = { total: 19_999, redeemedValue: 0, lines: [], multiplierBp: 10_000 };
    expect(earnPoints(program, input).points).toBe(0);
    expect(earnPoints({ ...program, enabled: false }, { ...input, total: 90_000 }).points).toBe(0);
  });
});

describe('redemptionValue', () => {
  it('turns points into Rupiah at the point value, within the share of the order and above the minimum', () => {
    expect(redemptionValue(program, 50, 20_000)).toEqual({ value: 5_000 });
    expect(redemptionValue({ ...program, maxRedeemPercent: 50 }, 120, 20_000)).toEqual({
      error: 'above_share',
      limit: 100,
    });
    expect(redemptionValue({ ...program, minRedeem: 10 }, 5, 20_000)).toEqual({
      error: 'below_minimum',
      limit: 10,
    });
  });
});

describe('nextTier', () => {
  const t0 = 1_700_000_000_000;
  it('upgrades at once, straight to the highest tier reached', () => {
    expect(nextTier(program, { key: null, since: t0 }, 600, t0 + 1)).toEqual({
      key: 'gold',
      since: t0 + 1,
      change: 'upgraded',
    });
  });

  it('downgrades only after the tier was held for the hold period', () => {
    const gold = { key: 'gold', since: t0 };
    expect(nextTier(program, gold, 150, t0 + 29 * DAY_MS).change).toBeNull();
    expect(nextTier(program, gold, 150, t0 + 30 * DAY_MS)).toEqual({
      key: 'silver',
      since: t0 + 30 * DAY_MS,
      change: 'downgraded',
    });
    expect(nextTier(program, gold, 0, t0 + 31 * DAY_MS).key).toBeNull();
  });
});

describe('checkProgram', () => {
  it('wants rising thresholds, distinct keys and points that unlock before they expire', () => {
    expect(checkProgram(program)).toEqual([]);
    const bad = {
      ...program,
      pendingDays: 400,
      tiers: { ...program.tiers, levels: [program.tiers.levels[1]!, program.tiers.levels[1]!] },
    };
    expect(checkProgram(bad).map((p) => p.path)).toEqual([
      'tiers/levels/1/key',
      'tiers/levels/1/threshold',
      'pendingDays',
    ]);
  });
});
