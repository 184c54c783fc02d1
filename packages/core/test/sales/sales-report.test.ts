import { describe, expect, it } from 'vitest';
import { ZERO_SUMS, bucketStart, bucketStarts, salesFigures } from '../../src/index.ts';

const day = (text: string) => Date.parse(`${text}T00:00:00Z`) / 86_400_000;
const text = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

describe('report rows in time', () => {
  it('starts a week on Monday and a month on its first day', () => {
    expect(text(bucketStart(day('2026-11-25'), 'week'))).toBe('2026-11-23');
    expect(text(bucketStart(day('2026-11-23'), 'week'))).toBe('2026-11-23');
    expect(text(bucketStart(day('2026-11-22'), 'week'))).toBe('2026-11-16');
    expect(text(bucketStart(day('2024-02-29'), 'month'))).toBe('2024-02-01');
  });

  it('gives every row of a period, quiet ones too', () => {
    expect(bucketStarts(day('2026-01-30'), day('2026-04-02'), 'month').map(text)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
    ]);
    expect(bucketStarts(day('2026-11-20'), day('2026-11-24'), 'day')).toHaveLength(5);
  });
});

describe('report figures', () => {
  it('takes the margin on revenue without PPN, after refunds, and leaves it out when nothing sold', () => {
    const f = salesFigures({
      ...ZERO_SUMS,
      orders: 2,
      sales: 55_500,
      tax: 5_500,
      net: 50_000,
      cost: 20_000,
      refunds: 1,
      refunded: 11_100,
      refundedNet: 10_000,
      refundedCost: 4_000,
    });
    expect(f).toMatchObject({ netSales: 44_400, revenue: 40_000, cost: 16_000, grossProfit: 24_000 });
    expect(f.margin).toBe(0.6);
    expect(f.averageOrder).toBe(27_750);
    expect(salesFigures(ZERO_SUMS)).toMatchObject({ margin: null, averageOrder: null });
  });
});
