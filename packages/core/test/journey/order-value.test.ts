import { describe, expect, it } from 'vitest';
import { fromMinorUnits, minorUnitDigits, orderAmount, toMinorUnits } from '../../src/journey/order-value.ts';
import { rulesWith, anEvent, anOrder, DAY, run, T0 } from './journey.factory.ts';

describe('orderAmount', () => {
  it('reads total first, then revenue, then value, as Segment’s ecommerce spec names them', () => {
    expect(orderAmount({ total: 150_000, revenue: 135_000, value: 1 })).toBe(150_000);
    expect(orderAmount({ revenue: 135_000, value: 1 })).toBe(135_000);
    expect(orderAmount({ value: 42_500 })).toBe(42_500);
  });

  it('takes numeric strings, and skips what is not an amount', () => {
    expect(orderAmount({ total: ' 42500 ' })).toBe(42_500);
    expect(orderAmount({ total: 'gratis', revenue: 10_000 })).toBe(10_000);
    expect(orderAmount({ total: -5, revenue: null, value: '' })).toBe(0);
    expect(orderAmount({ total: Number.POSITIVE_INFINITY })).toBe(0);
    expect(orderAmount({})).toBe(0);
  });

  it('converts to the minor unit Jejak stores money in: none for Rupiah, cents for dollars', () => {
    expect(minorUnitDigits('IDR')).toBe(0);
    expect(toMinorUnits(150_000, 'IDR')).toBe(150_000);
    expect(toMinorUnits(19.99, 'USD')).toBe(1999);
    expect(toMinorUnits(500, 'JPY')).toBe(500);
    expect(fromMinorUnits(150_000, 'IDR')).toBe(150_000);
    expect(fromMinorUnits(7294, 'GBP')).toBe(72.94);
    expect(toMinorUnits(fromMinorUnits(7294, 'GBP'), 'GBP')).toBe(7294);
  });
});

describe('the value of a customer', () => {
  it('adds up the amounts of his orders, and nothing else', () => {
    const { state } = run([
      anEvent({ name: 'Checkout Started', properties: { value: 99_000 } }),
      anOrder(T0 + 1, { properties: { total: 150_000 } }),
      anOrder(T0 + DAY, { properties: { revenue: '42500' } }),
      anOrder(T0 + 2 * DAY, { properties: {} }),
    ]);
    expect(state.orderCount).toBe(3);
    expect(state.orderValue).toBe(192_500);
  });

  it('keeps cents exact where a currency has them', () => {
    const { state } = run([0.1, 0.2, 19.99].map((total, i) => anOrder(T0 + i, { properties: { total } })));
    expect(state.orderValue).toBe(20.29);
  });

  it('counts what the workspace’s rules call an order', () => {
    const rules = rulesWith({ orders: { event: 'Sale Recorded' } });
    const sale = anEvent({ name: 'Sale Recorded', properties: { total: 25_000 } });
    const { state } = run([sale, anOrder(T0 + 1)], undefined, rules);
    expect(state.orderValue).toBe(25_000);
  });
});
