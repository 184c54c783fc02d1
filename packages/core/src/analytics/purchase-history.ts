// From a list of purchases to the three numbers per customer the BG/NBD model reads
// (frequency, recency, age) and the average spend the Gamma-Gamma model reads.

/** One purchase. `day` is a whole day number in the workspace's time zone (days since 1970-01-01 there). */
export interface Purchase {
  readonly customerId: string;
  readonly day: number;
  /** What the purchase brought in (Rupiah, net of refunds); several purchases of one day are added up. */
  readonly amount: number;
}

export interface PurchaseHistory {
  readonly customerId: string;
  /** Repeat purchases: days with a purchase after the first, up to the end of the calibration period. */
  readonly frequency: number;
  /** Time from the first purchase to the last one in the calibration period, in model units. */
  readonly recency: number;
  /** Time from the first purchase to the end of the calibration period, in model units. */
  readonly age: number;
  /** Mean amount of the repeat purchase days (the first purchase excluded, as Fader, Hardie and Lee do); 0 without any. */
  readonly averageRepeatAmount: number;
  /** Days with a purchase after the calibration period, up to the end of the holdout period. */
  readonly holdoutPurchases: number;
}

export interface HistoryWindow {
  /** Last day of the calibration period (inclusive); customers whose first purchase is later are left out. */
  readonly calibrationEnd: number;
  /** Last day of the holdout period (inclusive); omit when there is none. */
  readonly holdoutEnd?: number;
  /** Days per model unit: 7 fits the model in weeks (the default), 1 in days. */
  readonly unitDays?: number;
}

/**
 * Summarises purchases per customer. Purchases on one day count as one purchase, because the
 * model describes how often a customer comes back, not how many tickets the till printed.
 *
 * @example summarizePurchases([{ customerId: 'a', day: 0, amount: 10 }, { customerId: 'a', day: 14, amount: 30 }], { calibrationEnd: 28 })
 * // [{ customerId: 'a', frequency: 1, recency: 2, age: 4, averageRepeatAmount: 30, holdoutPurchases: 0 }]
 */
export function summarizePurchases(purchases: Iterable<Purchase>, window: HistoryWindow): PurchaseHistory[] {
  const unit = window.unitDays ?? 7;
  if (!(unit > 0)) throw new RangeError(`unitDays must be positive, got ${unit}`);
  const holdoutEnd = window.holdoutEnd ?? window.calibrationEnd;
  if (holdoutEnd < window.calibrationEnd)
    throw new RangeError('the holdout period cannot end before the calibration period');

  const days = new Map<string, Map<number, number>>();
  for (const p of purchases) {
    if (!Number.isInteger(p.day))
      throw new RangeError(`purchase day must be a whole day number, got ${p.day}`);
    if (p.day > holdoutEnd) continue;
    let byDay = days.get(p.customerId);
    if (!byDay) days.set(p.customerId, (byDay = new Map<number, number>()));
    byDay.set(p.day, (byDay.get(p.day) ?? 0) + p.amount);
  }

  const histories: PurchaseHistory[] = [];
  for (const [customerId, byDay] of days) {
    const sorted = [...byDay.keys()].sort((x, y) => x - y);
    const first = sorted[0]!;
    if (first > window.calibrationEnd) continue;
    let frequency = 0;
    let last = first;
    let repeatTotal = 0;
    let holdoutPurchases = 0;
    for (const day of sorted) {
      if (day === first) continue;
      if (day <= window.calibrationEnd) {
        frequency++;
        last = day;
        repeatTotal += byDay.get(day)!;
      } else {
        holdoutPurchases++;
      }
    }
    histories.push({
      customerId,
      frequency,
      recency: (last - first) / unit,
      age: (window.calibrationEnd - first) / unit,
      averageRepeatAmount: frequency > 0 ? repeatTotal / frequency : 0,
      holdoutPurchases,
    });
  }
  return histories;
}
