import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  customerValue,
  expectedAverageSpend,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
  summarizePurchases,
  type Purchase,
} from '../../src/analytics/index.ts';

/*
 * The models on a real shop's purchase lines: the first 150,000 lines of the UCI Online Retail data
 * (December 2010 to spring 2011, a UK gift wholesaler). Many customers bought once, many bought several
 * times a day (same-day invoices collapse to one purchase day for BG/NBD, amounts added up), and a few
 * wholesale buyers spend more than ten times the median: fits and predictions must stay finite and sane.
 */
const DAY_MS = 86_400_000;
const LINES = 150_000;

function onlineRetail(): Purchase[] {
  const text = gunzipSync(readFileSync('/work/shared/data/online-retail/online_retail.csv.gz')).toString(
    'utf8',
  );
  const purchases: Purchase[] = [];
  const rows = text.split('\n');
  for (const row of rows.slice(1, LINES + 1)) {
    // InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country (descriptions may hold commas)
    const cells = row.split(',');
    const customer = cells[cells.length - 2];
    const price = Number(cells[cells.length - 3]);
    const date = cells[cells.length - 4]!;
    const quantity = Number(cells[cells.length - 5]);
    // Cancellations (negative quantities) and lines without a customer are not purchases.
    if (!customer || !(quantity > 0) || !(price > 0)) continue;
    const day = Math.floor(Date.parse(`${date.replace(' ', 'T')}Z`) / DAY_MS);
    purchases.push({ customerId: customer, day, amount: Math.round(quantity * price * 100) });
  }
  return purchases;
}

describe('the models on the Online Retail purchase lines', () => {
  const purchases = onlineRetail();
  const lastDay = Math.max(...purchases.map((p) => p.day));
  const histories = summarizePurchases(purchases, { calibrationEnd: lastDay, unitDays: 7 });
  const bg = fitBgNbd(histories);
  const gg = fitGammaGamma(histories);

  it('counts repeat purchases as distinct later days, however many invoices a day holds', () => {
    const days = new Map<string, Set<number>>();
    for (const p of purchases) {
      let set = days.get(p.customerId);
      if (!set) days.set(p.customerId, (set = new Set()));
      set.add(p.day);
    }
    expect(histories).toHaveLength(days.size);
    for (const h of histories) expect(h.frequency).toBe(days.get(h.customerId)!.size - 1);
    // The data set has both kinds in numbers: one-day customers, and several invoices on one day.
    expect(histories.filter((h) => h.frequency === 0).length).toBeGreaterThan(500);
    expect(purchases.length).toBeGreaterThan(10 * [...days.values()].reduce((n, s) => n + s.size, 0));
  });

  it('fits finite, positive parameters with a finite average spend (q > 1)', () => {
    for (const v of [bg.parameters.r, bg.parameters.alpha, bg.parameters.a, bg.parameters.b]) {
      expect(Number.isFinite(v) && v > 0).toBe(true);
    }
    expect(Number.isFinite(bg.logLikelihood)).toBe(true);
    expect(gg.parameters.q).toBeGreaterThan(1);
    expect(Number.isFinite(gg.logLikelihood)).toBe(true);
  });

  it('predicts finite values for everyone; one-day customers are alive by the model’s construction', () => {
    for (const h of histories) {
      const alive = probabilityAlive(bg.parameters, h);
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
      if (h.frequency === 0) expect(alive).toBe(1);
      const expected = expectedPurchases(bg.parameters, h, 52);
      expect(Number.isFinite(expected) && expected >= 0).toBe(true);
      const value = customerValue(bg.parameters, gg.parameters, h, {
        units: 52,
        stepUnits: 52 / 12,
        discountRate: 0.01,
      });
      expect(Number.isFinite(value) && value >= 0).toBe(true);
    }
  });

  it('keeps extreme spenders’ expected spend between the population mean and their own (no blow-up)', () => {
    const { p, q, gamma } = gg.parameters;
    const population = (p * gamma) / (q - 1);
    const buyers = histories.filter((h) => h.frequency > 0 && h.averageRepeatAmount > 0);
    const sorted = buyers.map((h) => h.averageRepeatAmount).sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const whales = buyers.filter((h) => h.averageRepeatAmount > 10 * median);
    expect(whales.length).toBeGreaterThan(0);
    for (const h of buyers) {
      const e = expectedAverageSpend(gg.parameters, h);
      const low = Math.min(population, h.averageRepeatAmount);
      const high = Math.max(population, h.averageRepeatAmount);
      expect(e).toBeGreaterThanOrEqual(low * (1 - 1e-9));
      expect(e).toBeLessThanOrEqual(high * (1 + 1e-9));
    }
  });
});
