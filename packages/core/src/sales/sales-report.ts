import { assertUnreachable } from '../assert.ts';

/** How a sales report's rows are cut in time (ISO weeks start on Monday). */
export const REPORT_INTERVALS = ['day', 'week', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/**
 * The sums a report row is made of, as the database adds them up. Sales are what customers paid
 * (PPN included, after discounts); `net` is the same without PPN; refunds count in the period they
 * were made, and a voided sale counts nowhere.
 */
export interface SalesSums {
  orders: number;
  sales: number;
  discounts: number;
  tax: number;
  /** Lines sold, without PPN. */
  net: number;
  /** What the goods sold cost (quantity × the unit cost at the time of sale). */
  cost: number;
  refunds: number;
  refunded: number;
  /** What the refunds gave back, without PPN. */
  refundedNet: number;
  /** What the goods given back cost. */
  refundedCost: number;
}

/** A report row as a person reads it. */
export interface SalesFigures {
  orders: number;
  sales: number;
  discounts: number;
  tax: number;
  refunds: number;
  refunded: number;
  /** Sales less refunds, PPN included: the money the business kept. */
  netSales: number;
  /** Net sales without PPN: what the margin is taken on. */
  revenue: number;
  cost: number;
  grossProfit: number;
  /** Gross profit over revenue, a fraction rounded to 4 places; null without revenue. */
  margin: number | null;
  /** Sales over orders, rounded to the Rupiah; null without orders. */
  averageOrder: number | null;
}

export const ZERO_SUMS: SalesSums = {
  orders: 0,
  sales: 0,
  discounts: 0,
  tax: 0,
  net: 0,
  cost: 0,
  refunds: 0,
  refunded: 0,
  refundedNet: 0,
  refundedCost: 0,
};

export function addSums(a: SalesSums, b: Partial<SalesSums>): SalesSums {
  const out = { ...a };
  for (const key of Object.keys(ZERO_SUMS) as (keyof SalesSums)[]) out[key] += b[key] ?? 0;
  return out;
}

/**
 * The figures of a row from its sums.
 * @example salesFigures({ ...ZERO_SUMS, orders: 2, sales: 50_000, net: 45_045, cost: 18_000 })
 * // { netSales: 50000, revenue: 45045, grossProfit: 27045, margin: 0.6004, averageOrder: 25000, ... }
 */
export function salesFigures(s: SalesSums): SalesFigures {
  const revenue = s.net - s.refundedNet;
  const cost = s.cost - s.refundedCost;
  const grossProfit = revenue - cost;
  return {
    orders: s.orders,
    sales: s.sales,
    discounts: s.discounts,
    tax: s.tax,
    refunds: s.refunds,
    refunded: s.refunded,
    netSales: s.sales - s.refunded,
    revenue,
    cost,
    grossProfit,
    margin: revenue === 0 ? null : Math.round((grossProfit / revenue) * 10_000) / 10_000,
    averageOrder: s.orders === 0 ? null : Math.round(s.sales / s.orders),
  };
}

const DAY_MS = 86_400_000;

/**
 * The first day of the row a local day falls in (day numbers count days since 1970-01-01).
 * @example bucketStart(dayNumberOf('2026-11-25'), 'week') // the Monday, 2026-11-23
 */
export function bucketStart(day: number, interval: ReportInterval): number {
  switch (interval) {
    case 'day':
      return day;
    case 'week':
      // 1970-01-01 was a Thursday: Monday is 3 days before it.
      return day - ((((day + 3) % 7) + 7) % 7);
    case 'month': {
      const date = new Date(day * DAY_MS);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
    }
    default:
      return assertUnreachable(interval);
  }
}

/** Every row start from the row of `fromDay` to the row of `toDay`, so a quiet day still has its row. */
export function bucketStarts(fromDay: number, toDay: number, interval: ReportInterval): number[] {
  const starts: number[] = [];
  for (let day = fromDay; day <= toDay;) {
    const start = bucketStart(day, interval);
    starts.push(start);
    day = nextBucket(start, interval);
  }
  return starts;
}

function nextBucket(start: number, interval: ReportInterval): number {
  switch (interval) {
    case 'day':
      return start + 1;
    case 'week':
      return start + 7;
    case 'month': {
      const date = new Date(start * DAY_MS);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
    }
    default:
      return assertUnreachable(interval);
  }
}
