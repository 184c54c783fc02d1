import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  DAY_MS,
  capReached,
  checkReferralProgram,
  commissionOf,
  commissionReversal,
  DEFAULT_REFERRAL_PROGRAM,
  isPersonalReferralCode,
  nextReferralState,
  personalReferralCode,
  referralCodeOf,
  selfReferral,
  type ReferralParty,
} from '../../src/index.ts';

const bytes = (n: number) => new Uint8Array(randomBytes(n));
const party = (overrides: Partial<ReferralParty> = {}): ReferralParty => ({
  customerId: 'c-1',
  phones: ['+6281270000001'],
  emails: ['siti@contoh.id'],
  devices: ['anon-1'],
  ...overrides,
});
const program = { windowDays: 7, minFirstOrder: 20_000 };

describe('personal referral codes', () => {
  it('are six readable characters with no ambiguous ones, spread over the alphabet', () => {
    const codes = Array.from({ length: 2_000 }, () => personalReferralCode(bytes));
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      expect(code).not.toMatch(/[0O1IL5S2Z8B]/);
      expect(isPersonalReferralCode(code)).toBe(true);
    }
    expect(new Set(codes.join('')).size).toBe(CODE_ALPHABET.length);
    expect(new Set(codes).size).toBeGreaterThan(1_990);
  });

  it('are read from what a person types or from a whole link', () => {
    expect(referralCodeOf(' k7qx h3 ')).toBe('K7QXH3');
    expect(referralCodeOf('https://toko.id/r/k7qxh3')).toBe('K7QXH3');
    expect(referralCodeOf('https://toko.id/r/K7QXH3/?utm_source=wa')).toBe('K7QXH3');
  });
});

describe('the self-referral guard', () => {
  it('refuses the same customer, phone, email or device, and lets two people through', () => {
    expect(selfReferral(party(), party())).toBe('self_customer');
    const friend = party({ customerId: 'c-2', phones: [], emails: [], devices: [] });
    expect(selfReferral(party(), { ...friend, phones: ['+6281270000001'] })).toBe('self_phone');
    expect(selfReferral(party(), { ...friend, emails: ['siti@contoh.id'] })).toBe('self_email');
    expect(selfReferral(party(), { ...friend, devices: ['anon-1'] })).toBe('self_device');
    expect(selfReferral(party(), { ...friend, phones: ['+6281270000002'], devices: ['anon-2'] })).toBeNull();
  });
});

describe('the referral state machine', () => {
  it('qualifies at a first order of at least the minimum, with the reward due after the window', () => {
    expect(
      nextReferralState(
        { status: 'pending', rewardDueAt: null },
        { kind: 'first_order', orderTotal: 19_999, at: 0 },
        program,
      ),
    ).toBeNull();
    expect(
      nextReferralState(
        { status: 'pending', rewardDueAt: null },
        { kind: 'first_order', orderTotal: 20_000, at: 5 },
        program,
      ),
    ).toEqual({ to: 'qualified', rewardDueAt: 5 + 7 * DAY_MS });
  });

  it('cancels on a refund inside the window and rewards once the window has passed', () => {
    const qualified = { status: 'qualified' as const, rewardDueAt: 7 * DAY_MS };
    expect(nextReferralState(qualified, { kind: 'refund', at: 6 * DAY_MS }, program)).toEqual({
      to: 'cancelled',
      reason: 'first_order_refunded',
    });
    expect(nextReferralState(qualified, { kind: 'refund', at: 7 * DAY_MS }, program)).toBeNull();
    expect(nextReferralState(qualified, { kind: 'window_passed', at: 7 * DAY_MS - 1 }, program)).toBeNull();
    expect(nextReferralState(qualified, { kind: 'window_passed', at: 7 * DAY_MS }, program)).toEqual({
      to: 'rewarded',
    });
  });

  it('never moves a cancelled or rewarded referral again', () => {
    for (const status of ['cancelled', 'rewarded'] as const) {
      for (const step of [
        { kind: 'first_order', orderTotal: 50_000, at: 1 },
        { kind: 'refund', at: 1 },
        { kind: 'window_passed', at: 100 * DAY_MS },
      ] as const) {
        expect(nextReferralState({ status, rewardDueAt: 0 }, step, program)).toBeNull();
      }
    }
  });

  it('caps rewarded referrals per referrer in the rolling period', () => {
    const at = 100 * DAY_MS;
    expect(capReached(null, [at, at, at], at)).toBe(false);
    expect(capReached({ count: 2, periodDays: 30 }, [at - DAY_MS, at - 31 * DAY_MS], at)).toBe(false);
    expect(capReached({ count: 2, periodDays: 30 }, [at - DAY_MS, at - 29 * DAY_MS], at)).toBe(true);
  });
});

describe('the program and affiliate commissions', () => {
  it('names the field of an unsound program', () => {
    expect(checkReferralProgram(DEFAULT_REFERRAL_PROGRAM)).toEqual([]);
    expect(checkReferralProgram({ ...DEFAULT_REFERRAL_PROGRAM, windowDays: 400 })[0]?.path).toBe(
      'windowDays',
    );
    expect(
      checkReferralProgram({ ...DEFAULT_REFERRAL_PROGRAM, friendReward: { type: 'points', points: 0 } })[0]
        ?.path,
    ).toBe('friendReward/points');
  });

  it('pays a percent of the net sale or a fixed amount, and refunds take back their share, adding up to all', () => {
    expect(commissionOf({ type: 'percent', rateBp: 500 }, { total: 111_000, tax: 11_000 })).toBe(5_000);
    expect(commissionOf({ type: 'fixed', amount: 10_000 }, { total: 8_000, tax: 0 })).toBe(8_000);
    const first = commissionReversal(5_000, 0, { refunded: 37_000, of: 111_000, full: false });
    const second = commissionReversal(5_000, first, { refunded: 111_000, of: 111_000, full: true });
    expect(first).toBe(1_667);
    expect(first + second).toBe(5_000);
  });
});
