/** What a side of a referral receives: loyalty points, or a one-use voucher of an existing promotion. */
export type ReferralReward = { type: 'points'; points: number } | { type: 'voucher'; promotionId: string };

export interface ReferralProgram {
  enabled: boolean;
  /** The customer whose code was used; null: the referrer receives nothing (advocacy still counts). */
  referrerReward: ReferralReward | null;
  /** The new customer; given at the first qualifying purchase, taken back if it is refunded in the window. */
  friendReward: ReferralReward | null;
  /** Days after the friend's first purchase it must stay unrefunded before the referrer is rewarded. */
  windowDays: number;
  /** The friend's first purchase must come to at least this (Rupiah) to qualify. */
  minFirstOrder: number;
  /** At most `count` rewarded referrals per referrer in a rolling `periodDays`; null: no cap. */
  cap: { count: number; periodDays: number } | null;
}

export const DEFAULT_REFERRAL_PROGRAM: ReferralProgram = {
  enabled: false,
  referrerReward: { type: 'points', points: 50 },
  friendReward: { type: 'points', points: 20 },
  windowDays: 7,
  minFirstOrder: 0,
  cap: null,
};

/**
 * The problems of a program, each with the path of the field (empty: it is sound).
 * @example checkReferralProgram({ ...DEFAULT_REFERRAL_PROGRAM, windowDays: -1 }) // [{ path: 'windowDays', ... }]
 */
export function checkReferralProgram(program: ReferralProgram): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!Number.isInteger(program.windowDays) || program.windowDays < 0 || program.windowDays > 365)
    problems.push({ path: 'windowDays', message: 'must be a whole number of days from 0 to 365' });
  if (!Number.isInteger(program.minFirstOrder) || program.minFirstOrder < 0)
    problems.push({ path: 'minFirstOrder', message: 'must be a whole number of Rupiah, 0 or more' });
  for (const side of ['referrerReward', 'friendReward'] as const) {
    const reward = program[side];
    if (reward?.type === 'points' && (!Number.isInteger(reward.points) || reward.points < 1))
      problems.push({ path: `${side}/points`, message: 'must be at least 1 point' });
  }
  if (program.cap && (program.cap.count < 1 || program.cap.periodDays < 1))
    problems.push({ path: 'cap', message: 'count and periodDays must both be at least 1' });
  if (program.enabled && program.referrerReward === null && program.friendReward === null)
    problems.push({ path: 'referrerReward', message: 'an active program rewards at least one side' });
  return problems;
}
