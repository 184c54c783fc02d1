export {
  DEFAULT_REFERRAL_PROGRAM,
  checkReferralProgram,
  type ReferralProgram,
  type ReferralReward,
} from './referral-program.ts';
export {
  REFERRAL_CODE_LENGTH,
  isPersonalReferralCode,
  personalReferralCode,
  referralClaimOf,
  referralCodeOf,
  referralShareText,
} from './referral-code.ts';
export {
  REFERRAL_REFUSALS,
  REFERRAL_REFUSAL_TEXT,
  selfReferral,
  type ReferralParty,
  type ReferralRefusal,
} from './referral-guard.ts';
export {
  REFERRAL_STATUSES,
  capReached,
  nextReferralState,
  type ReferralMove,
  type ReferralStatus,
  type ReferralStep,
} from './referral-state.ts';
export { commissionOf, commissionReversal, type CommissionRule } from './affiliate-commission.ts';
