export * from './promotion.ts';
export { refuse, type PromotionRefusal, type PromotionRefusalCode } from './promotion-refusal.ts';
export { formatRupiah, refusalMessage, type MessageLanguage } from './refusal-message.ts';
export { windowRefusal } from './promotion-window.ts';
export { eligibilityRefusal, evaluatePromotion, type PromotionOutcome } from './promotion-evaluate.ts';
export {
  planPromotions,
  type AppliedPromotion,
  type PromotionCandidate,
  type PromotionPlan,
} from './promotion-stack.ts';
export { CODE_ALPHABET, generateCode, isValidCode, normalizeCode } from './voucher-code.ts';
