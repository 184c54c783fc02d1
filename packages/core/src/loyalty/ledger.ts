/*
 * The points ledger, as pure functions. Every entry that adds points (an earn, a bonus, a positive
 * adjustment, points given back by a refund) is a credit with its own remaining amount and expiry;
 * every entry that takes points (a redemption, an expiry, a cancellation, a negative adjustment) draws
 * on credits. The balance is the sum of all entries' points, and always equals the credits' remaining
 * points less the debt (points taken that no credit covered, possible only where the workspace allows
 * a negative balance); the storage layer keeps the same sums.
 */

export const DAY_MS = 86_400_000;

/** A credit entry as spending sees it. */
export interface Credit {
  id: string;
  points: number;
  remaining: number;
  at: number;
  /** Null: never expires. */
  expiresAt: number | null;
  /**
   * Pending points (the program's refund window): the credit cannot be spent before this moment,
   * though it counts in the balance and a refund of its order can still take it back. Null or
   * absent: spendable at once.
   */
  unlocksAt?: number | null;
}

export interface Draw {
  creditId: string;
  points: number;
}

export interface DebitPlan {
  draws: Draw[];
  /** Points no active credit covered: the balance goes below zero by this much (debt). */
  shortfall: number;
}

export class LoyaltyError extends Error {
  constructor(
    readonly code: 'insufficient_points' | 'invalid_points',
    message: string,
    readonly available = 0,
  ) {
    super(message);
    this.name = 'LoyaltyError';
  }
}

/** A credit can be spent while it has points left, is unlocked and has not reached its expiry. */
export function isActive(credit: Credit, now: number): boolean {
  return isLive(credit, now) && !isPending(credit, now);
}

/** A credit still waiting for the end of its refund window (with points left, not expired). */
export function isPending(credit: Credit, now: number): boolean {
  return isLive(credit, now) && credit.unlocksAt != null && credit.unlocksAt > now;
}

/** The points that wait for their refund window to end: in the balance, not yet spendable. */
export function pendingPoints(credits: readonly Credit[], now: number): number {
  return credits.filter((c) => isPending(c, now)).reduce((s, c) => s + c.remaining, 0);
}

function isLive(credit: Credit, now: number): boolean {
  return credit.remaining > 0 && (credit.expiresAt === null || credit.expiresAt > now);
}

/**
 * The order credits are spent in: the soonest expiry first (credits that never expire last), then the
 * oldest, then by id, so the order is total and the same on every run.
 */
export function spendOrder(a: Credit, b: Credit): number {
  const ea = a.expiresAt ?? Number.POSITIVE_INFINITY;
  const eb = b.expiresAt ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The points that can be spent now: the remaining points of active credits, less the debt. */
export function spendable(credits: readonly Credit[], debt: number, now: number): number {
  return credits.filter((c) => isActive(c, now)).reduce((s, c) => s + c.remaining, 0) - debt;
}

/**
 * What a debit may draw on now: the spendable points, plus what is left of `first` (an order's own
 * earn) while it is still pending, since a refund inside the window takes back the points it locked.
 */
export function drawable(credits: readonly Credit[], debt: number, now: number, first?: string): number {
  const own = first === undefined ? undefined : credits.find((c) => c.id === first);
  return spendable(credits, debt, now) + (own && isPending(own, now) ? own.remaining : 0);
}

/**
 * Which credits a debit of `points` draws on: active credits in spend order (soonest expiry, then
 * oldest, first), with `first` (a credit to draw on before the others: an order's own earn, when the
 * order's points are taken back, even while it is pending) ahead of them. Without `allowNegative`, a
 * debit larger than what is drawable is refused; with it, the part no credit covers is the shortfall.
 */
export function planDebit(
  credits: readonly Credit[],
  points: number,
  now: number,
  options: { allowNegative: boolean; debt?: number; first?: string },
): DebitPlan {
  checkPoints(points);
  const debt = options.debt ?? 0;
  const available = drawable(credits, debt, now, options.first);
  if (points > available && !options.allowNegative) {
    throw new LoyaltyError(
      'insufficient_points',
      `only ${Math.max(0, available)} points can be spent, not ${points}`,
      Math.max(0, available),
    );
  }
  const ordered = credits
    .filter((c) => isActive(c, now) || (c.id === options.first && isPending(c, now)))
    .sort((a, b) => (a.id === options.first ? -1 : b.id === options.first ? 1 : spendOrder(a, b)));
  const draws: Draw[] = [];
  let left = points;
  for (const credit of ordered) {
    if (left === 0) break;
    const take = Math.min(left, credit.remaining);
    draws.push({ creditId: credit.id, points: take });
    left -= take;
  }
  return { draws, shortfall: left };
}

/** The expiries due at `now`: every credit past its expiry with points left loses them all. */
export function planExpiry(credits: readonly Credit[], now: number): Draw[] {
  return credits
    .filter((c) => c.remaining > 0 && c.expiresAt !== null && c.expiresAt <= now)
    .sort(spendOrder)
    .map((c) => ({ creditId: c.id, points: c.remaining }));
}

/**
 * A new credit of `points` first pays off any debt: `remaining` is what is left of it to spend.
 */
export function creditAfterDebt(points: number, debt: number): { remaining: number; repaid: number } {
  checkPoints(points);
  const repaid = Math.min(points, Math.max(0, debt));
  return { remaining: points - repaid, repaid };
}

/**
 * What a refund does to an order's points, the same cumulative way refunds share money: after refunding
 * a share `refunded / of` of the order in all, the order has had round-half-up(earned × share) of the
 * points earned on it taken back and round-half-up(redeemed × share) of the points redeemed on it given
 * back; a refund returns the difference to what earlier refunds did. A full refund or a void (`full`)
 * takes back and gives back everything, so the parts always add up to the whole.
 *
 * @example
 * planOrderReversal({ earned: 5, redeemed: 0, refunded: 1, of: 2, full: false, takenBack: 0, returned: 0 })
 * // { takeBack: 3, giveBack: 0 } — half of 5 is 2.5, rounded half up
 */
export function planOrderReversal(input: {
  earned: number;
  redeemed: number;
  /** How much of the order has been refunded in all, this refund included (Rupiah or units). */
  refunded: number;
  /** How much there was to refund (the same unit). */
  of: number;
  full: boolean;
  takenBack: number;
  returned: number;
}): { takeBack: number; giveBack: number } {
  const share = (whole: number) =>
    input.full || input.of <= 0
      ? input.full
        ? whole
        : 0
      : Math.min(whole, Math.floor((whole * input.refunded * 2 + input.of) / (input.of * 2)));
  return {
    takeBack: Math.max(0, share(input.earned) - input.takenBack),
    giveBack: Math.max(0, share(input.redeemed) - input.returned),
  };
}

function checkPoints(points: number): void {
  if (!Number.isSafeInteger(points) || points < 0) {
    throw new LoyaltyError('invalid_points', `points must be a whole number of 0 or more, not ${points}`);
  }
}
