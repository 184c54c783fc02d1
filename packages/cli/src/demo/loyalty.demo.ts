import { DEFAULT_LOYALTY_PROGRAM, type LoyaltyProgram } from '@jejak/core';

/**
 * The demo coffee chain's points program, set before its year of counter sales so that every sale to
 * a known customer earns through the order service (1 point per `rupiahPerPoint` of the profile), and
 * members climb Silver, Gold and Platinum by the points they earn in a rolling year. A point is worth
 * Rp 10 at the till; members redeem once they hold REDEEM_FROM points (see CounterSales).
 */
export function demoLoyaltyProgram(rupiahPerPoint: number): LoyaltyProgram {
  return {
    ...DEFAULT_LOYALTY_PROGRAM,
    enabled: true,
    rupiahPerPoint,
    pointValue: 10,
    minRedeem: 100,
    maxRedeemPercent: 50,
    expiryDays: 365,
    signupBonus: 20,
    tiers: {
      basis: 'points',
      periodDays: 365,
      holdDays: 90,
      levels: [
        { key: 'silver', name: 'Silver', threshold: 150, multiplierBp: 10_000 },
        { key: 'gold', name: 'Gold', threshold: 600, multiplierBp: 12_500 },
        { key: 'platinum', name: 'Platinum', threshold: 1_500, multiplierBp: 15_000 },
      ],
    },
  };
}

/** Members redeem at the till once they hold this many spendable points. */
export const REDEEM_FROM = 300;
