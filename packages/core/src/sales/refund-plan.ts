import { mulDivHalfUp } from './money.ts';
import { PricingError } from './order-pricing.ts';
import type { PaymentMethod } from './payment-method.ts';

/** A line of a stored order, with what has been refunded of it so far. */
export interface RefundableLine {
  id: string;
  quantity: number;
  total: number;
  refundedQuantity: number;
  refundedAmount: number;
}

/** A payment of a stored order, with what has gone back through it so far. */
export interface RefundablePayment {
  id: string;
  method: PaymentMethod;
  amount: number;
  refundedAmount: number;
}

export interface RefundRequest {
  lines: readonly { lineId: string; quantity: number }[];
  /** Where the money goes back; by default to the order's payments, the last one first. */
  payTo?: readonly { method: PaymentMethod; amount: number }[];
}

export interface RefundPlan {
  amount: number;
  lines: { lineId: string; quantity: number; amount: number }[];
  payments: { paymentId: string; method: PaymentMethod; amount: number }[];
}

/**
 * What a refund gives back, line by line and payment by payment. A line's refund is its share of what
 * was paid for it: after refunding Q of N units in all, the line has given back round(total × Q / N), so
 * the last unit returns exactly what is left and the line never returns more than it cost. The money goes
 * back through the order's own payments, never more per method than that method took.
 *
 * @example
 * planRefund(
 *   [{ id: 'l1', quantity: 3, total: 10_000, refundedQuantity: 0, refundedAmount: 0 }],
 *   [{ id: 'p1', method: 'cash', amount: 10_000, refundedAmount: 0 }],
 *   { lines: [{ lineId: 'l1', quantity: 1 }] },
 * ).amount // 3333
 */
export function planRefund(
  lines: readonly RefundableLine[],
  payments: readonly RefundablePayment[],
  request: RefundRequest,
): RefundPlan {
  if (request.lines.length === 0) throw new PricingError('lines', 'choose at least one line to refund');
  const byId = new Map(lines.map((l) => [l.id, l]));
  const seen = new Set<string>();
  const planned = request.lines.map((r, i) => {
    const path = `lines/${i}`;
    const line = byId.get(r.lineId);
    if (!line) throw new PricingError(`${path}/lineId`, `the order has no line ${r.lineId}`);
    if (seen.has(r.lineId)) throw new PricingError(`${path}/lineId`, 'a line may be named once');
    seen.add(r.lineId);
    const left = line.quantity - line.refundedQuantity;
    if (!Number.isSafeInteger(r.quantity) || r.quantity < 1 || r.quantity > left) {
      throw new PricingError(`${path}/quantity`, `must be a whole number from 1 to ${left} (left to refund)`);
    }
    const after = line.refundedQuantity + r.quantity;
    const amount = mulDivHalfUp(line.total, after, line.quantity) - line.refundedAmount;
    return { lineId: r.lineId, quantity: r.quantity, amount };
  });
  const amount = planned.reduce((s, l) => s + l.amount, 0);
  return { amount, lines: planned, payments: planPayTo(payments, amount, request.payTo) };
}

function planPayTo(
  payments: readonly RefundablePayment[],
  amount: number,
  payTo: RefundRequest['payTo'],
): RefundPlan['payments'] {
  if (payTo === undefined) return takeFrom([...payments].reverse(), amount, 'payments');
  const named = payTo.reduce((s, p) => s + p.amount, 0);
  if (named !== amount) {
    throw new PricingError('payTo', `the amounts add up to ${named}; the refund is ${amount}`);
  }
  return payTo.flatMap((p, i) => {
    if (!Number.isSafeInteger(p.amount) || p.amount < 0) {
      throw new PricingError(`payTo/${i}/amount`, 'must be a whole number of Rupiah');
    }
    const ofMethod = payments.filter((x) => x.method === p.method);
    if (ofMethod.length === 0)
      throw new PricingError(`payTo/${i}/method`, `the order was not paid by ${p.method}`);
    return takeFrom(ofMethod, p.amount, `payTo/${i}/amount`);
  });
}

/** Takes `amount` from these payments in order, each up to what it has not yet given back. */
function takeFrom(payments: readonly RefundablePayment[], amount: number, path: string) {
  const out: RefundPlan['payments'] = [];
  let left = amount;
  for (const p of payments) {
    if (left === 0) break;
    const take = Math.min(left, p.amount - p.refundedAmount);
    if (take > 0) out.push({ paymentId: p.id, method: p.method, amount: take });
    left -= take;
  }
  if (left > 0) throw new PricingError(path, `${left} more than was paid this way is left to give back`);
  return out;
}
