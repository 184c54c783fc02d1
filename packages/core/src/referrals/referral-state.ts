import { DAY_MS } from '../loyalty/ledger.ts';

export const REFERRAL_STATUSES = ['pending', 'qualified', 'rewarded', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export type ReferralStep =
  | { kind: 'first_order'; orderTotal: number; at: number }
  | { kind: 'refund'; at: number }
  | { kind: 'window_passed'; at: number };

export type ReferralMove =
  | { to: 'qualified'; rewardDueAt: number }
  | { to: 'rewarded' }
  | { to: 'cancelled'; reason: 'first_order_refunded' }
  | null;

/**
 * The referral state machine: pending -> qualified at the friend's first purchase of at least
 * `minFirstOrder`; qualified -> rewarded once `windowDays` have passed; qualified -> cancelled when that
 * purchase is refunded or voided inside the window. Anything else leaves it where it is (null).
 *
 * @example nextReferralState({ status: 'pending', rewardDueAt: null }, { kind: 'first_order', orderTotal: 50000, at: 0 }, { windowDays: 7, minFirstOrder: 0 })
 * // { to: 'qualified', rewardDueAt: 604800000 }
 */
export function nextReferralState(
  referral: { status: ReferralStatus; rewardDueAt: number | null },
  step: ReferralStep,
  program: { windowDays: number; minFirstOrder: number },
): ReferralMove {
  switch (step.kind) {
    case 'first_order':
      if (referral.status !== 'pending' || step.orderTotal < program.minFirstOrder) return null;
      return { to: 'qualified', rewardDueAt: step.at + program.windowDays * DAY_MS };
    case 'refund':
      if (referral.status !== 'qualified') return null;
      if (referral.rewardDueAt !== null && step.at >= referral.rewardDueAt) return null;
      return { to: 'cancelled', reason: 'first_order_refunded' };
    case 'window_passed':
      if (referral.status !== 'qualified' || referral.rewardDueAt === null) return null;
      return step.at >= referral.rewardDueAt ? { to: 'rewarded' } : null;
    default:
      return assertNever(step);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}

/**
 * Whether a referrer has reached the program's cap of rewarded referrals in the rolling period.
 * @example capReached({ count: 2, periodDays: 30 }, [t - 1000, t - 2000], t) // true
 */
export function capReached(
  cap: { count: number; periodDays: number } | null,
  rewardedAt: readonly number[],
  at: number,
): boolean {
  if (cap === null) return false;
  const since = at - cap.periodDays * DAY_MS;
  return rewardedAt.filter((t) => t > since && t <= at).length >= cap.count;
}
