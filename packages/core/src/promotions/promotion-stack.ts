import type { Promotion, PromotionContext, PromotionUsage } from './promotion.ts';
import { evaluatePromotion } from './promotion-evaluate.ts';
import { refuse, type PromotionRefusal } from './promotion-refusal.ts';

export interface PromotionCandidate {
  promotion: Promotion;
  usage: PromotionUsage;
  /** The code as entered, for a code promotion. */
  code?: string;
}

export interface AppliedPromotion {
  promotion: Promotion;
  code?: string;
  discount: number;
  lineCuts: number[];
}

export interface PromotionPlan {
  applied: AppliedPromotion[];
  /** Entered codes that do not apply, each with why. */
  refused: { code: string; promotion: Promotion | null; refusal: PromotionRefusal }[];
  /** Every promotion's cut per line added up (index-aligned with the cart). */
  lineCuts: number[];
  discount: number;
}

/**
 * Chooses the promotions of an order and how much each takes off.
 *
 * - Every entered code must apply on its own, else it is refused with its reason.
 * - An exclusive promotion is alone on the order: an exclusive code beside another code is refused
 *   (`not_combinable`), and a second code of a promotion already on the order is refused (`already_applied`).
 * - Automatic promotions join the codes when every code is stackable (stackable automatic ones only).
 *   With no code, the order gets whichever gives more: the best exclusive automatic promotion alone,
 *   or every stackable one together (a tie goes to the stackable set).
 * - The chosen promotions apply one after another, automatic ones first, then codes as entered; each
 *   comes off what the lines still cost after the ones before, so together they never exceed the cart.
 *
 * @example
 * planPromotions([{ promotion: happyHour, usage }], [], context).discount // the happy hour's discount
 */
export function planPromotions(
  automatic: readonly PromotionCandidate[],
  codes: readonly (PromotionCandidate | { code: string; promotion: null })[],
  context: PromotionContext,
): PromotionPlan {
  const refused: PromotionPlan['refused'] = [];
  const accepted: PromotionCandidate[] = [];
  for (const candidate of codes) {
    const code = candidate.code ?? '';
    if (candidate.promotion === null) {
      refused.push({ code, promotion: null, refusal: refuse('unknown_code', { code }) });
      continue;
    }
    const alone = evaluatePromotion(candidate.promotion, context, candidate.usage);
    if (!alone.ok) {
      refused.push({ code, promotion: candidate.promotion, refusal: alone.refusal });
      continue;
    }
    if (accepted.some((a) => a.promotion.id === candidate.promotion.id)) {
      refused.push({ code, promotion: candidate.promotion, refusal: refuse('already_applied', {}) });
      continue;
    }
    const clash = accepted.find(
      (a) => a.promotion.stacking === 'exclusive' || candidate.promotion.stacking === 'exclusive',
    );
    if (clash) {
      refused.push({
        code,
        promotion: candidate.promotion,
        refusal: refuse('not_combinable', { other: clash.code ?? clash.promotion.name }),
      });
      continue;
    }
    accepted.push(candidate);
  }
  const live = automatic.filter((a) => evaluatePromotion(a.promotion, context, a.usage).ok);
  let chosenAutomatic: PromotionCandidate[];
  if (accepted.length > 0) {
    chosenAutomatic = accepted.some((a) => a.promotion.stacking === 'exclusive')
      ? []
      : live.filter((a) => a.promotion.stacking === 'stackable');
  } else {
    const stackable = live.filter((a) => a.promotion.stacking === 'stackable');
    const bestExclusive = live
      .filter((a) => a.promotion.stacking === 'exclusive')
      .map((a) => ({ a, plan: apply([a], context) }))
      .sort((x, y) => y.plan.discount - x.plan.discount)[0];
    chosenAutomatic =
      bestExclusive && bestExclusive.plan.discount > apply(stackable, context).discount
        ? [bestExclusive.a]
        : stackable;
  }
  return { ...apply([...chosenAutomatic, ...accepted], context), refused };
}

function apply(chosen: readonly PromotionCandidate[], context: PromotionContext) {
  const nets = context.lines.map((l) => l.net);
  const lineCuts = nets.map(() => 0);
  const applied: AppliedPromotion[] = [];
  for (const candidate of chosen) {
    const outcome = evaluatePromotion(candidate.promotion, context, candidate.usage, nets);
    if (!outcome.ok) continue;
    outcome.lineCuts.forEach((cut, i) => {
      nets[i]! -= cut;
      lineCuts[i]! += cut;
    });
    applied.push({
      promotion: candidate.promotion,
      ...(candidate.code !== undefined ? { code: candidate.code } : {}),
      discount: outcome.discount,
      lineCuts: outcome.lineCuts,
    });
  }
  return { applied, lineCuts, discount: applied.reduce((s, a) => s + a.discount, 0) };
}
