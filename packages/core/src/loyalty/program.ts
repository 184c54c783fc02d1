import { DAY_MS } from './ledger.ts';

/** What a tier is earned by: points earned, or Rupiah spent, in the rolling period. */
export const TIER_BASES = ['points', 'spend'] as const;
export type TierBasis = (typeof TIER_BASES)[number];

export interface TierLevel {
  /** A short stable key (`silver`); the name is what people read. */
  key: string;
  name: string;
  /** Points earned or Rupiah spent in the period to reach it. */
  threshold: number;
  /** The earn multiplier, in basis points: 15000 earns 1.5×. */
  multiplierBp: number;
}

export interface LoyaltyProgram {
  enabled: boolean;
  /** Rupiah spent per point: 10000 is 1 point per Rp 10.000, rounded down. */
  rupiahPerPoint: number;
  /** Orders below this total (before points are redeemed) earn nothing. */
  minOrder: number;
  /** Extra points per unit sold of a product, by product id; wins over its category's. */
  productPoints: Record<string, number>;
  /** Extra points per unit sold of a category. */
  categoryPoints: Record<string, number>;
  /** Rupiah a redeemed point takes off the order. */
  pointValue: number;
  /** The fewest points a redemption may use. */
  minRedeem: number;
  /** The largest share of an order (percent of its total) points may pay. */
  maxRedeemPercent: number;
  /** Days an earn stays spendable; null: points never expire. */
  expiryDays: number | null;
  /** Whether the points on an order are earned on what the points paid too (by default they are not). */
  earnOnRedeemed: boolean;
  /** Whether a balance may go below zero (a refund taking back points already spent). */
  allowNegative: boolean;
  /** Points given once when a customer joins (at his first sale in the program). */
  signupBonus: number;
  /** Points given at the first sale in the customer's birthday month, once a year. */
  birthdayBonus: number;
  /** Days earned points wait before they can be spent (the refund window); 0: at once. */
  pendingDays: number;
  tiers: {
    basis: TierBasis;
    /** The rolling period tiers are measured over, in days. */
    periodDays: number;
    /** A tier is kept at least this many days after it was reached before it can drop. */
    holdDays: number;
    /** Lowest first; a customer below the first is in no tier. */
    levels: TierLevel[];
  };
}

export const DEFAULT_LOYALTY_PROGRAM: LoyaltyProgram = {
  enabled: false,
  rupiahPerPoint: 10_000,
  minOrder: 0,
  productPoints: {},
  categoryPoints: {},
  pointValue: 100,
  minRedeem: 1,
  maxRedeemPercent: 100,
  expiryDays: 365,
  earnOnRedeemed: false,
  allowNegative: false,
  signupBonus: 0,
  birthdayBonus: 0,
  pendingDays: 0,
  tiers: { basis: 'points', periodDays: 365, holdDays: 90, levels: [] },
};

/** The problems of a program, each with the path of the field (empty: it is sound). */
export function checkProgram(program: LoyaltyProgram): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const { levels } = program.tiers;
  const keys = new Set<string>();
  levels.forEach((level, i) => {
    if (keys.has(level.key)) problems.push({ path: `tiers/levels/${i}/key`, message: 'keys must differ' });
    keys.add(level.key);
    const previous = levels[i - 1];
    if (previous && level.threshold <= previous.threshold) {
      problems.push({
        path: `tiers/levels/${i}/threshold`,
        message: 'each tier needs a higher threshold than the one before it',
      });
    }
  });
  if (program.expiryDays !== null && program.pendingDays >= program.expiryDays) {
    problems.push({ path: 'pendingDays', message: 'points must unlock before they expire' });
  }
  return problems;
}

export interface EarnLine {
  productId: string | null;
  category: string | null;
  quantity: number;
}

export interface EarnInput {
  /** What the customer pays for the order (after any points redeemed). */
  total: number;
  /** Rupiah paid by points on this order. */
  redeemedValue: number;
  lines: readonly EarnLine[];
  /** The customer's multiplier (tier × segment), basis points. */
  multiplierBp: number;
}

export interface Earned {
  /** The Rupiah the points are earned on. */
  base: number;
  basePoints: number;
  itemPoints: number;
  points: number;
}

/**
 * The points an order earns. The base is what the customer paid; a workspace that lets a sale earn on
 * what it redeemed adds the points' Rupiah back. An order whose total before points is below the
 * minimum earns nothing. Points per Rupiah are floor(base / rupiahPerPoint), rounded down; per-unit
 * points of the product (else its category) are added; the sum is multiplied by the customer's
 * multiplier and rounded down.
 *
 * @example
 * earnPoints({ ...DEFAULT_LOYALTY_PROGRAM, enabled: true },
 *   { total: 45_000, redeemedValue: 0, lines: [], multiplierBp: 10_000 }).points // 4
 */
export function earnPoints(program: LoyaltyProgram, input: EarnInput): Earned {
  const none = { base: 0, basePoints: 0, itemPoints: 0, points: 0 };
  if (!program.enabled) return none;
  if (input.total + input.redeemedValue < program.minOrder) return none;
  const base = program.earnOnRedeemed ? input.total + input.redeemedValue : input.total;
  const basePoints = Math.floor(base / program.rupiahPerPoint);
  const itemPoints = input.lines.reduce((sum, line) => {
    const perUnit =
      (line.productId !== null ? program.productPoints[line.productId] : undefined) ??
      (line.category !== null ? program.categoryPoints[line.category] : undefined) ??
      0;
    return sum + perUnit * line.quantity;
  }, 0);
  const points = Number((BigInt(basePoints + itemPoints) * BigInt(input.multiplierBp)) / 10_000n);
  return { base, basePoints, itemPoints, points };
}

/**
 * The Rupiah a redemption of `points` takes off an order that costs `orderTotal` before it, or why it
 * cannot: below the minimum, more than the share of the order points may pay, or more than the order.
 */
export function redemptionValue(
  program: LoyaltyProgram,
  points: number,
  orderTotal: number,
): { value: number } | { error: 'disabled' | 'below_minimum' | 'above_share'; limit: number } {
  if (!program.enabled) return { error: 'disabled', limit: 0 };
  if (points < program.minRedeem) return { error: 'below_minimum', limit: program.minRedeem };
  const maxValue = Math.floor((orderTotal * program.maxRedeemPercent) / 100);
  const maxPoints = Math.floor(maxValue / program.pointValue);
  if (points > maxPoints) return { error: 'above_share', limit: maxPoints };
  return { value: points * program.pointValue };
}

/** The tier a qualifying amount reaches: the highest whose threshold it meets, else none. */
export function tierFor(levels: readonly TierLevel[], qualifying: number): TierLevel | null {
  let reached: TierLevel | null = null;
  for (const level of levels) if (qualifying >= level.threshold) reached = level;
  return reached;
}

export interface TierState {
  key: string | null;
  /** When the current tier was reached. */
  since: number;
}

/**
 * The tier after a new look at the qualifying amount. Up at once; down only once the current tier has
 * been held `holdDays`, and then straight to the tier the amount reaches. A tier that no longer exists
 * in the program counts as none.
 */
export function nextTier(
  program: LoyaltyProgram,
  current: TierState,
  qualifying: number,
  now: number,
): TierState & { change: 'upgraded' | 'downgraded' | null } {
  const { levels, holdDays } = program.tiers;
  const rank = (key: string | null) => (key === null ? -1 : levels.findIndex((l) => l.key === key));
  const target = tierFor(levels, qualifying)?.key ?? null;
  const from = rank(current.key);
  const to = rank(target);
  if (to > from) return { key: target, since: now, change: 'upgraded' };
  if (to < from && (current.key === null || from === -1 || now - current.since >= holdDays * DAY_MS)) {
    return { key: target, since: now, change: 'downgraded' };
  }
  return { key: from === -1 ? null : current.key, since: current.since, change: null };
}
