// The BG/NBD model of Fader, Hardie and Lee (2005), "Counting your customers the easy way":
// while active, a customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha); after
// each purchase he drops out with probability p ~ Beta(a, b).
import { minimize } from './nelder-mead.ts';
import type { PurchaseHistory } from './purchase-history.ts';
import { hyp2f1, lnGamma, logAddExp } from './special-functions.ts';

export interface BgNbdParameters {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** What one customer's history contributes to the likelihood: frequency x, recency t_x, age T. */
export type FrequencyRecency = Pick<PurchaseHistory, 'frequency' | 'recency' | 'age'>;

export interface BgNbdFit {
  readonly parameters: BgNbdParameters;
  readonly logLikelihood: number;
  readonly customers: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** The log-likelihood of one history (equation 6 of the paper, summed in logs). */
export function bgNbdLogLikelihood(
  { r, alpha, a, b }: BgNbdParameters,
  { frequency: x, recency, age }: FrequencyRecency,
): number {
  const common =
    lnGamma(r + x) -
    lnGamma(r) +
    r * Math.log(alpha) +
    lnGamma(a + b) +
    lnGamma(b + x) -
    lnGamma(b) -
    lnGamma(a + b + x);
  const stillActive = -(r + x) * Math.log(alpha + age);
  const droppedOut =
    x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + recency) : -Infinity;
  return common + logAddExp(stillActive, droppedOut);
}

/**
 * Fits r, alpha, a and b by maximum likelihood. Histories with the same (x, t_x, T) are
 * counted once and weighted, which makes a fit over tens of thousands of customers quick.
 */
export function fitBgNbd(histories: readonly FrequencyRecency[]): BgNbdFit {
  if (histories.length === 0) throw new RangeError('the BG/NBD model needs at least one customer to fit');
  const groups = new Map<string, { h: FrequencyRecency; n: number }>();
  let meanAge = 0;
  for (const h of histories) {
    if (!(h.frequency >= 0 && h.recency >= 0 && h.age >= h.recency)) {
      throw new RangeError(
        `a purchase history needs 0 <= recency <= age and frequency >= 0, got ${JSON.stringify(h)}`,
      );
    }
    const key = `${h.frequency}|${h.recency}|${h.age}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { h, n: 1 });
    meanAge += h.age / histories.length;
  }
  const grouped = [...groups.values()];
  const negative = (logs: readonly number[]): number => {
    const p = fromLogs(logs);
    let sum = 0;
    for (const { h, n } of grouped) sum += n * bgNbdLogLikelihood(p, h);
    return -sum;
  };
  const start = [0, Math.log(Math.max(meanAge, 1e-3)), 0, 0];
  const found = minimize(negative, start);
  return {
    parameters: fromLogs(found.point),
    logLikelihood: -found.value,
    customers: histories.length,
    iterations: found.iterations,
    converged: found.converged,
  };
}

function fromLogs([r, alpha, a, b]: readonly number[]): BgNbdParameters {
  return { r: Math.exp(r!), alpha: Math.exp(alpha!), a: Math.exp(a!), b: Math.exp(b!) };
}

/** The probability that a customer with this history is still active at the end of it. */
export function probabilityAlive(
  { r, alpha, a, b }: BgNbdParameters,
  { frequency: x, recency, age }: FrequencyRecency,
): number {
  if (x === 0) return 1;
  const ratio = Math.exp(Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + age) / (alpha + recency)));
  return 1 / (1 + ratio);
}

/**
 * Expected purchases in the next `horizon` units for a customer with this history (equation 10).
 *
 * @example expectedPurchases(fit.parameters, { frequency: 2, recency: 30.43, age: 38.86 }, 39)
 */
export function expectedPurchases(p: BgNbdParameters, history: FrequencyRecency, horizon: number): number {
  if (!(horizon >= 0)) throw new RangeError(`the horizon must be zero or more, got ${horizon}`);
  if (horizon === 0) return 0;
  const { r, alpha, a, b } = p;
  const { frequency: x, age } = history;
  // a = 1 makes the closed form 0/0; its value there is the mean of its neighbours.
  if (Math.abs(a - 1) < 1e-4) {
    return (
      (expectedPurchases({ ...p, a: 1 + 2e-4 }, history, horizon) +
        expectedPurchases({ ...p, a: 1 - 2e-4 }, history, horizon)) /
      2
    );
  }
  const z = horizon / (alpha + age + horizon);
  const decay = Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + horizon)));
  const numerator = ((a + b + x - 1) / (a - 1)) * (1 - decay * hyp2f1(r + x, b + x, a + b + x - 1, z));
  return numerator * probabilityAlive(p, history);
}

/** Expected purchases in `horizon` units by a customer who has just made his first purchase (equation 9). */
export function expectedPurchasesOfNewCustomer(p: BgNbdParameters, horizon: number): number {
  return expectedPurchases(p, { frequency: 0, recency: 0, age: 0 }, horizon);
}
