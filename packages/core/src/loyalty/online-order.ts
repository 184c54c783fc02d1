/*
 * Orders that reach Jejak through ingestion (Segment's ecommerce events, from a website or an app)
 * as the points program reads them. The counter's own sales do not come this way: they earn in the
 * order service.
 */

export interface OnlineOrderLine {
  productId: string | null;
  category: string | null;
  quantity: number;
}

export type OnlineOrderEvent =
  | {
      kind: 'completed';
      /** `online:` and the order's id (its `order_id`, else the message id): one earn per order. */
      key: string;
      orderId: string;
      /** What the customer paid, in whole Rupiah: `total`, else `revenue`. */
      total: number;
      lines: OnlineOrderLine[];
    }
  | {
      kind: 'refunded';
      key: string;
      orderId: string;
      /** What was refunded, in whole Rupiah; null: the whole order. */
      amount: number | null;
    };

const money = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' ? String(value) : null;

/**
 * The online order a tracked event is about, or null. `Order Completed` needs a `total` or `revenue`
 * (Rupiah, rounded to whole); `Order Refunded` needs the `order_id` it refunds, and refunds the whole
 * order unless it says a `total` or `revenue` smaller than the order's.
 *
 * @example
 * onlineOrderOf({ name: 'Order Completed', messageId: 'm1', properties: { order_id: 'W-7', total: 45000 } })
 * // { kind: 'completed', key: 'online:W-7', orderId: 'W-7', total: 45000, lines: [] }
 */
export function onlineOrderOf(message: {
  name: string;
  messageId: string;
  properties: Record<string, unknown>;
}): OnlineOrderEvent | null {
  const p = message.properties;
  if (message.name === 'Order Completed') {
    const total = money(p.total) ?? money(p.revenue);
    if (total === null) return null;
    const orderId = text(p.order_id) ?? message.messageId;
    const products = Array.isArray(p.products) ? (p.products as Record<string, unknown>[]) : [];
    const lines = products
      .filter((l) => typeof l === 'object' && l !== null)
      .map((l) => ({
        productId: text(l.product_id),
        category: text(l.category),
        quantity: typeof l.quantity === 'number' && l.quantity > 0 ? Math.floor(l.quantity) : 1,
      }));
    return { kind: 'completed', key: `online:${orderId}`, orderId, total, lines };
  }
  if (message.name === 'Order Refunded') {
    const orderId = text(p.order_id);
    if (orderId === null) return null;
    return {
      kind: 'refunded',
      key: `online:${orderId}`,
      orderId,
      amount: money(p.total) ?? money(p.revenue),
    };
  }
  return null;
}
