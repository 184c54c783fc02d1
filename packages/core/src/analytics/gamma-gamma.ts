// The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee, 2005, "RFM and CLV"):
// a customer's purchases are Gamma(p, nu) around his own mean, and nu ~ Gamma(q, gamma) across
// customers. It assumes spend is independent of how often a customer buys.
import { minimize } from './nelder-mead.ts';
import type { PurchaseHistory } from './purchase-history.ts';
import { lnGamma } from './special-functions.ts';

export interface GammaGammaParameters {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

export type FrequencySpend = Pick<PurchaseHistory, 'frequency' | 'averageRepeatAmount'>;

export interface GammaGammaFit {
  readonly parameters: GammaGammaParameters;
  readonly logLikelihood: number;
  /** Customers the fit used: those with at least one repeat purchase and a positive average. */
  readonly customers: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** The log-likelihood of one customer's average spend m over x purchases. */
export function gammaGammaLogLikelihood(
  { p, q, gamma }: GammaGammaParameters,
  { frequency: x, averageRepeatAmount: m }: FrequencySpend,
): number {
  return (
    lnGamma(p * x + q) -
    lnGamma(p * x) -
    lnGamma(q) +
    q * Math.log(gamma) +
    (p * x - 1) * Math.log(m) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(gamma + m * x)
  );
}

/**
 * Fits p, q and gamma by maximum likelihood on the customers with repeat purchases. Amounts are
 * divided by their median before the search and gamma scaled back after it (gamma carries the
 * model's money unit), so Rupiah in the millions fit as well as dollars.
 */
export function fitGammaGamma(histories: readonly FrequencySpend[]): GammaGammaFit {
  const used = histories.filter((h) => h.frequency > 0 && h.averageRepeatAmount > 0);
  if (used.length === 0)
    throw new RangeError('the Gamma-Gamma model needs customers with a repeat purchase of a positive amount');
  const amounts = used.map((h) => h.averageRepeatAmount).sort((x, y) => x - y);
  const scale = amounts[Math.floor(amounts.length / 2)]!;
  const scaled = used.map((h) => ({
    frequency: h.frequency,
    averageRepeatAmount: h.averageRepeatAmount / scale,
  }));
  const negative = ([lp, lq, lg]: readonly number[]): number => {
    const parameters = { p: Math.exp(lp!), q: Math.exp(lq!), gamma: Math.exp(lg!) };
    let sum = 0;
    for (const h of scaled) sum += gammaGammaLogLikelihood(parameters, h);
    return -sum;
  };
  const found = minimize(negative, [0, 0, 0]);
  const [lp, lq, lg] = found.point;
  const parameters = { p: Math.exp(lp!), q: Math.exp(lq!), gamma: Math.exp(lg!) * scale };
  // The likelihood of the amounts in their own unit differs from the scaled one by a Jacobian term.
  const logLikelihood = -found.value - used.length * Math.log(scale);
  return {
    parameters,
    logLikelihood,
    customers: used.length,
    iterations: found.iterations,
    converged: found.converged,
  };
}

/**
 * The expected spend of this customer's next purchases: a weighted mean of the population's mean
 * and his own, leaning on his own as he buys more often.
 */
export function expectedAverageSpend(
  { p, q, gamma }: GammaGammaParameters,
  { frequency: x, averageRepeatAmount: m }: FrequencySpend,
): number {
  if (!(q > 1))
    throw new RangeError(
      `the expected spend needs q > 1 (the population's mean spend is infinite otherwise), got q = ${q}`,
    );
  return ((gamma + m * x) * p) / (p * x + q - 1);
}
