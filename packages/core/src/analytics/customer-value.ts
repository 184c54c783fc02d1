// Customer value over a horizon: the BG/NBD model's expected purchases, the Gamma-Gamma model's
// expected spend per purchase, discounted per step.
import { expectedPurchases, type BgNbdParameters, type FrequencyRecency } from './bg-nbd.ts';
import { expectedAverageSpend, type FrequencySpend, type GammaGammaParameters } from './gamma-gamma.ts';

export interface ValueHorizon {
  /** How many model units ahead (52 weeks when the model is fitted in weeks). */
  readonly units: number;
  /** Units per discounting step (4.345 for months of a model in weeks; default: the whole horizon at once). */
  readonly stepUnits?: number;
  /** Discount rate per step (0.01 for 1% a month); default 0. */
  readonly discountRate?: number;
}

/**
 * The expected value a customer brings in over the horizon: expected purchases in each step,
 * times his expected spend per purchase, discounted to today.
 *
 * @example customerValue(bgnbd, gammaGamma, history, { units: 52, stepUnits: 52 / 12, discountRate: 0.01 })
 */
export function customerValue(
  purchases: BgNbdParameters,
  spend: GammaGammaParameters,
  history: FrequencyRecency & FrequencySpend,
  horizon: ValueHorizon,
): number {
  if (!(horizon.units > 0)) throw new RangeError(`the horizon must be positive, got ${horizon.units}`);
  const stepUnits = horizon.stepUnits ?? horizon.units;
  const rate = horizon.discountRate ?? 0;
  if (!(stepUnits > 0) || !(rate >= 0))
    throw new RangeError('the step must be positive and the discount rate zero or more');
  const perPurchase = expectedAverageSpend(spend, history);
  let value = 0;
  let before = 0;
  const steps = Math.ceil(horizon.units / stepUnits - 1e-9);
  for (let i = 1; i <= steps; i++) {
    const upTo = expectedPurchases(purchases, history, Math.min(i * stepUnits, horizon.units));
    value += ((upTo - before) * perPurchase) / (1 + rate) ** i;
    before = upTo;
  }
  return value;
}
