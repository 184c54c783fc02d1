import { describe, expect, it } from 'vitest';
import {
  customerValue,
  expectedAverageSpend,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  summarizePurchases,
  type GammaGammaParameters,
  type Purchase,
} from '../../src/analytics/index.ts';
import { CDNOW_WINDOW, cdnowSample } from './cdnow.fixture.ts';
import { gamma, random } from './simulate.ts';

describe('Gamma-Gamma on the CDNOW sample', () => {
  const histories = summarizePurchases(cdnowSample(), CDNOW_WINDOW);

  it('fits the 946 repeat buyers to the published p = 6.25, q = 3.74, gamma = 15.44', () => {
    const fit = fitGammaGamma(histories);
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(fit.parameters.p).toBeCloseTo(6.25, 1);
    expect(fit.parameters.q).toBeCloseTo(3.74, 1);
    expect(fit.parameters.gamma).toBeCloseTo(15.44, 0);
  });

  it('gives the same parameters whatever the money unit, with gamma in that unit', () => {
    const inRupiah = histories.map((h) => ({ ...h, averageRepeatAmount: h.averageRepeatAmount * 16_000 }));
    const dollars = fitGammaGamma(histories).parameters;
    const rupiah = fitGammaGamma(inRupiah).parameters;
    expect(rupiah.p).toBeCloseTo(dollars.p, 2);
    expect(rupiah.q).toBeCloseTo(dollars.q, 2);
    expect(rupiah.gamma / 16_000).toBeCloseTo(dollars.gamma, 1);
  });
});

describe('Gamma-Gamma on simulated spend', () => {
  it('recovers p, q and gamma', () => {
    const truth: GammaGammaParameters = { p: 4, q: 3, gamma: 150_000 };
    const u = random(99);
    const histories = Array.from({ length: 5000 }, () => {
      const frequency = 1 + Math.floor(u() * 8);
      const nu = gamma(u, truth.q, truth.gamma);
      let total = 0;
      for (let i = 0; i < frequency; i++) total += gamma(u, truth.p, nu);
      return { frequency, averageRepeatAmount: total / frequency };
    });
    const fit = fitGammaGamma(histories).parameters;
    expect(fit.p / truth.p).toBeGreaterThan(0.85);
    expect(fit.p / truth.p).toBeLessThan(1.15);
    expect(fit.q / truth.q).toBeGreaterThan(0.85);
    expect(fit.q / truth.q).toBeLessThan(1.15);
    expect(fit.gamma / truth.gamma).toBeGreaterThan(0.8);
    expect(fit.gamma / truth.gamma).toBeLessThan(1.2);
  });
});

describe('the models on awkward real histories', () => {
  const day = (d: number, customerId: string, amount: number): Purchase => ({ customerId, day: d, amount });
  const base = summarizePurchases(cdnowSample(), CDNOW_WINDOW);

  it('counts many purchases on one day as one, adding their amounts', () => {
    const [h] = summarizePurchases(
      [day(0, 'a', 10), day(0, 'a', 15), day(0, 'a', 5), day(7, 'a', 20), day(7, 'a', 20)],
      { calibrationEnd: 14 },
    );
    expect(h).toMatchObject({ frequency: 1, recency: 1, age: 2, averageRepeatAmount: 40 });
  });

  it('fits and predicts finite values with one-purchase customers, a same-day buyer and an extreme spender added', () => {
    const awkward = [
      ...base,
      ...summarizePurchases(
        [
          ...Array.from({ length: 40 }, (_, i) => day(10_000, `burst`, 5 + i)),
          day(10_000, 'whale', 100),
          day(10_050, 'whale', 2_000_000),
          day(10_100, 'whale', 3_500_000),
          day(10_200, 'once', 12),
        ],
        { calibrationEnd: 10_200, unitDays: 7 },
      ),
    ];
    const purchases = fitBgNbd(awkward);
    const spend = fitGammaGamma(awkward);
    for (const h of awkward) {
      const value = customerValue(purchases.parameters, spend.parameters, h, {
        units: 52,
        stepUnits: 52 / 12,
        discountRate: 0.01,
      });
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
    const whale = awkward.find((h) => h.customerId === 'whale')!;
    expect(expectedAverageSpend(spend.parameters, whale)).toBeGreaterThan(100_000);
  });
});

describe('customer value', () => {
  const histories = summarizePurchases(cdnowSample(), CDNOW_WINDOW);
  const purchases = fitBgNbd(histories).parameters;
  const spend = fitGammaGamma(histories).parameters;
  const h = { frequency: 4, recency: 35, age: 38, averageRepeatAmount: 40 };

  it('is expected purchases times expected spend without discounting', () => {
    const value = customerValue(purchases, spend, h, { units: 52 });
    expect(value).toBeCloseTo(expectedPurchases(purchases, h, 52) * expectedAverageSpend(spend, h), 6);
  });

  it('is less with discounting, and the same over one step or many without it', () => {
    const plain = customerValue(purchases, spend, h, { units: 52 });
    expect(customerValue(purchases, spend, h, { units: 52, stepUnits: 4 })).toBeCloseTo(plain, 6);
    expect(customerValue(purchases, spend, h, { units: 52, stepUnits: 4, discountRate: 0.01 })).toBeLessThan(
      plain,
    );
  });
});
