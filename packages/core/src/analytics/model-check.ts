// How well a fitted BG/NBD model predicts: repeat purchases in a holdout period, predicted per
// customer from the calibration period and compared with what the customers then did.
import { expectedPurchases, type BgNbdParameters } from './bg-nbd.ts';
import type { PurchaseHistory } from './purchase-history.ts';

export interface HoldoutRow {
  /** Repeat purchases in the calibration period (the last row gathers `capFrequency` and more). */
  readonly frequency: number;
  readonly customers: number;
  readonly predicted: number;
  readonly actual: number;
}

export interface HoldoutCheck {
  readonly predicted: number;
  readonly actual: number;
  /** Mean absolute error per customer. */
  readonly meanAbsoluteError: number;
  /** Predicted and actual average holdout purchases per calibration frequency, as in the paper's figure 5. */
  readonly byFrequency: readonly HoldoutRow[];
}

export function checkHoldout(
  p: BgNbdParameters,
  histories: readonly PurchaseHistory[],
  holdoutUnits: number,
  capFrequency = 7,
): HoldoutCheck {
  const rows = new Map<number, { customers: number; predicted: number; actual: number }>();
  let predicted = 0;
  let actual = 0;
  let absoluteError = 0;
  for (const h of histories) {
    const expected = expectedPurchases(p, h, holdoutUnits);
    predicted += expected;
    actual += h.holdoutPurchases;
    absoluteError += Math.abs(expected - h.holdoutPurchases);
    const key = Math.min(h.frequency, capFrequency);
    const row = rows.get(key) ?? { customers: 0, predicted: 0, actual: 0 };
    row.customers++;
    row.predicted += expected;
    row.actual += h.holdoutPurchases;
    rows.set(key, row);
  }
  const byFrequency = [...rows.entries()]
    .sort(([x], [y]) => x - y)
    .map(([frequency, r]) => ({
      frequency,
      customers: r.customers,
      predicted: r.predicted / r.customers,
      actual: r.actual / r.customers,
    }));
  return {
    predicted,
    actual,
    meanAbsoluteError: histories.length ? absoluteError / histories.length : 0,
    byFrequency,
  };
}
