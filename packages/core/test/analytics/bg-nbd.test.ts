import { describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  checkHoldout,
  expectedPurchases,
  expectedPurchasesOfNewCustomer,
  fitBgNbd,
  probabilityAlive,
  summarizePurchases,
  type BgNbdParameters,
} from '../../src/analytics/index.ts';
import { CDNOW_WINDOW, cdnowSample } from './cdnow.fixture.ts';
import { simulateBgNbd } from './simulate.ts';

// Fader, Hardie and Lee (2005), table 1 and section 5, on the same 2,357 customers.
const PUBLISHED: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD on the CDNOW sample', () => {
  const histories = summarizePurchases(cdnowSample(), CDNOW_WINDOW);

  it("summarises 2,357 customers with the paper's repeat purchases in the calibration period", () => {
    expect(histories).toHaveLength(2357);
    expect(histories.reduce((n, h) => n + h.frequency, 0)).toBe(2457);
    expect(histories.filter((h) => h.frequency === 0)).toHaveLength(1411);
  });

  it('recovers the published estimates and log-likelihood', () => {
    const fit = fitBgNbd(histories);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(fit.parameters.r).toBeCloseTo(PUBLISHED.r, 2);
    expect(fit.parameters.alpha).toBeCloseTo(PUBLISHED.alpha, 1);
    expect(fit.parameters.a).toBeCloseTo(PUBLISHED.a, 2);
    expect(fit.parameters.b).toBeCloseTo(PUBLISHED.b, 1);
  });

  it("gives the paper's worked example: 2 purchases, the last at week 30.43 of 38.86, expects 1.226 in the next 39 weeks", () => {
    expect(expectedPurchases(PUBLISHED, { frequency: 2, recency: 30.43, age: 38.86 }, 39)).toBeCloseTo(
      1.226,
      2,
    );
  });

  // The model predicts 1,653 repeat purchases in the 39 holdout weeks, where the customers made 1,882.
  it("predicts the holdout period's repeat purchases within 15% in total and per frequency where customers are many", () => {
    const fit = fitBgNbd(histories);
    const check = checkHoldout(fit.parameters, histories, 39);
    expect(Math.abs(check.predicted - check.actual) / check.actual).toBeLessThan(0.15);
    for (const row of check.byFrequency.filter((r) => r.customers >= 100)) {
      expect(Math.abs(row.predicted - row.actual)).toBeLessThan(0.25 + 0.2 * row.actual);
    }
  });
});

describe('BG/NBD on simulated customers', () => {
  it('recovers the parameters it was simulated from', () => {
    const truth: BgNbdParameters = { r: 0.5, alpha: 6, a: 0.8, b: 3 };
    const histories = simulateBgNbd(truth, 6000, 52, 12345);
    const fit = fitBgNbd(histories);
    expect(fit.parameters.r / truth.r).toBeGreaterThan(0.85);
    expect(fit.parameters.r / truth.r).toBeLessThan(1.15);
    expect(fit.parameters.alpha / truth.alpha).toBeGreaterThan(0.8);
    expect(fit.parameters.alpha / truth.alpha).toBeLessThan(1.2);
    expect(fit.parameters.a / truth.a).toBeGreaterThan(0.7);
    expect(fit.parameters.a / truth.a).toBeLessThan(1.3);
    expect(fit.parameters.b / truth.b).toBeGreaterThan(0.65);
    expect(fit.parameters.b / truth.b).toBeLessThan(1.35);
    // The truth cannot fit the data better than the maximum found.
    const atTruth = histories.reduce((sum, h) => sum + bgNbdLogLikelihood(truth, h), 0);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(atTruth);
  }, 30_000);
});

describe('BG/NBD predictions', () => {
  const p = PUBLISHED;

  it('holds a customer without repeat purchases alive, and a long-silent frequent buyer less likely so than a recent one', () => {
    expect(probabilityAlive(p, { frequency: 0, recency: 0, age: 30 })).toBe(1);
    const recent = probabilityAlive(p, { frequency: 6, recency: 37, age: 38 });
    const silent = probabilityAlive(p, { frequency: 6, recency: 5, age: 38 });
    expect(recent).toBeGreaterThan(0.85);
    expect(silent).toBeLessThan(0.1);
  });

  it('expects more purchases the longer the horizon, and none over no time', () => {
    const h = { frequency: 3, recency: 20, age: 30 };
    expect(expectedPurchases(p, h, 0)).toBe(0);
    const values = [4, 13, 26, 52, 104].map((t) => expectedPurchases(p, h, t));
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
  });

  it('agrees with a Monte Carlo estimate for a new customer', () => {
    const simulated = simulateBgNbd(p, 40000, 26, 7);
    const mean = simulated.reduce((n, h) => n + h.frequency, 0) / simulated.length;
    expect(expectedPurchasesOfNewCustomer(p, 26)).toBeCloseTo(mean, 1);
  });

  it('is continuous through a = 1, where the closed form divides zero by zero', () => {
    const h = { frequency: 2, recency: 10, age: 20 };
    const at = expectedPurchases({ ...p, a: 1 }, h, 26);
    expect(Number.isFinite(at)).toBe(true);
    expect(at).toBeCloseTo(expectedPurchases({ ...p, a: 1.01 }, h, 26), 1);
    expect(at).toBeCloseTo(expectedPurchases({ ...p, a: 0.99 }, h, 26), 1);
  });
});
