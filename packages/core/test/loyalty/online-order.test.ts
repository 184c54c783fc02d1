import { describe, expect, it } from 'vitest';
import { onlineOrderOf } from '../../src/loyalty/online-order.ts';

describe('onlineOrderOf', () => {
  it('reads a completed order: its id, what was paid (total over revenue, whole Rupiah) and its lines', () => {
    expect(
      onlineOrderOf({
        name: 'Order Completed',
        messageId: 'm1',
        properties: {
          order_id: 'W-7',
          total: 45_000.4,
          revenue: 40_000,
          products: [{ product_id: 'p1', category: 'Kopi', quantity: 2 }, { sku: 'x' }],
        },
      }),
    ).toEqual({
      kind: 'completed',
      key: 'online:W-7',
      orderId: 'W-7',
      total: 45_000,
      lines: [
        { productId: 'p1', category: 'Kopi', quantity: 2 },
        { productId: null, category: null, quantity: 1 },
      ],
    });
  });

  it('keys an order without order_id by its message id, and ignores one with nothing paid', () => {
    expect(
      onlineOrderOf({ name: 'Order Completed', messageId: 'm2', properties: { revenue: 10_000 } }),
    ).toMatchObject({ key: 'online:m2', total: 10_000 });
    expect(onlineOrderOf({ name: 'Order Completed', messageId: 'm3', properties: { total: -5 } })).toBeNull();
  });

  it('reads a refund of a named order, whole unless it names an amount', () => {
    expect(
      onlineOrderOf({ name: 'Order Refunded', messageId: 'm4', properties: { order_id: 'W-7' } }),
    ).toEqual({
      kind: 'refunded',
      key: 'online:W-7',
      orderId: 'W-7',
      amount: null,
    });
    expect(onlineOrderOf({ name: 'Order Refunded', messageId: 'm5', properties: { total: 1 } })).toBeNull();
    expect(onlineOrderOf({ name: 'Product Viewed', messageId: 'm6', properties: {} })).toBeNull();
  });
});
