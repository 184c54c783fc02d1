import { MAX_AMOUNT, PricingError } from './order-pricing.ts';
import type { PaymentMethod } from './payment-method.ts';

export interface PaymentInput {
  method: PaymentMethod;
  /** What this payment covers of the order. */
  amount: number;
  /** Cash only: what the customer handed over; the difference is given back as change. */
  tendered?: number;
  /** The name of an `other` method (voucher from a partner, store credit...). */
  label?: string;
  /** A reference the terminal or the e-wallet gave (approval code, QRIS reference). */
  reference?: string;
}

export interface PlannedPayment {
  method: PaymentMethod;
  amount: number;
  tendered: number;
  change: number;
  label: string | null;
  reference: string | null;
}

/**
 * Checks that the payments cover the order exactly and works out the change: the amounts must add up
 * to the total; only cash may be tendered above its amount, and what is above is the change due.
 * An `other` payment must say what it was.
 *
 * @example
 * planPayments(50_000, [{ method: 'cash', amount: 20_000, tendered: 50_000 }, { method: 'qris', amount: 30_000 }])
 * // change 30000 on the cash payment
 */
export function planPayments(total: number, inputs: readonly PaymentInput[]): PlannedPayment[] {
  if (inputs.length === 0 && total > 0) throw new PricingError('payments', 'the order has not been paid');
  const planned = inputs.map((p, i) => planOne(p, `payments/${i}`));
  const paid = planned.reduce((s, p) => s + p.amount, 0);
  if (paid !== total) {
    throw new PricingError('payments', `the payments add up to ${paid}, the order total is ${total}`);
  }
  return planned;
}

function planOne(p: PaymentInput, path: string): PlannedPayment {
  if (!Number.isSafeInteger(p.amount) || p.amount <= 0 || p.amount > MAX_AMOUNT) {
    throw new PricingError(`${path}/amount`, `must be a whole number from 1 to ${MAX_AMOUNT}`);
  }
  const tendered = p.tendered ?? p.amount;
  if (p.method !== 'cash' && tendered !== p.amount) {
    throw new PricingError(`${path}/tendered`, 'only cash can be handed over above its amount');
  }
  if (!Number.isSafeInteger(tendered) || tendered < p.amount || tendered > MAX_AMOUNT) {
    throw new PricingError(`${path}/tendered`, 'must be at least the amount it pays');
  }
  const label = p.label?.trim() ? p.label.trim() : null;
  if (p.method === 'other' && label === null) {
    throw new PricingError(`${path}/label`, 'an "other" payment needs a name');
  }
  const reference = p.reference?.trim() ? p.reference.trim() : null;
  return { method: p.method, amount: p.amount, tendered, change: tendered - p.amount, label, reference };
}
