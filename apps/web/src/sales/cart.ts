import { priceOrder, type PaymentMethod, type PricedOrder, type TaxSetting } from '@jejak/core/sales';
import type { CheckoutInput, CounterCustomer, Product } from '../api/sales.api.ts';

/*
 * The cart at the till, as plain data and pure functions: what is in it, who buys, how it is paid.
 * Totals come from the same pricing code the server runs, so the screen shows what the receipt will.
 */

export interface CartLine {
  product: Product;
  quantity: number;
}

/** A payment row; `amount: null` pays whatever is still due. */
export interface PaymentRow {
  method: PaymentMethod;
  amount: number | null;
  tendered: number | null;
  label: string;
}

export interface Cart {
  /** A fresh id per sale: sending it twice (a double tap, a retry) never makes two orders. */
  ref: string;
  lines: CartLine[];
  orderDiscount: number;
  customer: CounterCustomer | null;
  /** Loyalty points of the customer paying part of the order, and the Rupiah they take off. */
  redeem: { points: number; value: number } | null;
  /** Voucher codes entered, as typed; the server's quote says what they take off. */
  vouchers: string[];
  /** A referral code a new customer brings, as typed; the checkout says whether it held. */
  referralCode: string;
  payments: PaymentRow[];
}

export function emptyCart(): Cart {
  return {
    ref: crypto.randomUUID(),
    lines: [],
    orderDiscount: 0,
    customer: null,
    redeem: null,
    vouchers: [],
    referralCode: '',
    payments: [{ method: 'cash', amount: null, tendered: null, label: '' }],
  };
}

export function addProduct(cart: Cart, product: Product): Cart {
  const at = cart.lines.findIndex((l) => l.product.id === product.id);
  if (at === -1) return { ...cart, lines: [...cart.lines, { product, quantity: 1 }] };
  return setQuantity(cart, product.id, cart.lines[at]!.quantity + 1);
}

/** Sets a line's quantity; zero or less takes the line out. */
export function setQuantity(cart: Cart, productId: string, quantity: number): Cart {
  const lines =
    quantity <= 0
      ? cart.lines.filter((l) => l.product.id !== productId)
      : cart.lines.map((l) => (l.product.id === productId ? { ...l, quantity: Math.floor(quantity) } : l));
  return { ...cart, lines };
}

/**
 * The cart priced, or the reason it cannot be (a discount above the subtotal). Discounts come off in
 * the server's order: promotions (`promotionCuts`, per line, from the server's quote), the cashier's
 * discount, then redeemed points.
 */
export function priceCart(
  cart: Cart,
  tax: TaxSetting,
  promotionCuts: readonly number[] = [],
): { priced: PricedOrder | null; error: string | null } {
  if (cart.lines.length === 0) return { priced: null, error: null };
  try {
    const discount =
      cart.orderDiscount > 0 ? { type: 'amount' as const, value: cart.orderDiscount } : undefined;
    const lines = cart.lines.map((l) => ({ quantity: l.quantity, unitPrice: l.product.price }));
    // A quote for another cart (the lines changed since) is not used until the new one arrives.
    const cuts = promotionCuts.length === lines.length ? promotionCuts : [];
    const priced = priceOrder(lines, discount, tax, cuts);
    if (!cart.redeem) return { priced, error: null };
    const off = { type: 'amount' as const, value: priced.orderDiscount + cart.redeem.value };
    return { priced: priceOrder(lines, off, tax, cuts), error: null };
  } catch (error) {
    return { priced: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Each row's amount, the open row taking what the others leave. */
export function paymentAmounts(rows: readonly PaymentRow[], total: number): number[] {
  const fixed = rows.reduce((sum, r) => sum + (r.amount ?? 0), 0);
  let open = Math.max(total - fixed, 0);
  return rows.map((r) => {
    if (r.amount !== null) return r.amount;
    const take = open;
    open = 0;
    return take;
  });
}

/** Adds a method paying the rest; rows that were paying the rest keep what they showed. */
export function addPayment(cart: Cart, method: PaymentMethod, total: number): Cart {
  const amounts = paymentAmounts(cart.payments, total);
  const frozen = cart.payments.map((r, i) => ({ ...r, amount: amounts[i]! }));
  return { ...cart, payments: [...frozen, { method, amount: null, tendered: null, label: '' }] };
}

export interface PaymentCheck {
  amounts: number[];
  paid: number;
  due: number;
  change: number;
  cashShort: boolean;
}

export function checkPayments(rows: readonly PaymentRow[], total: number): PaymentCheck {
  const amounts = paymentAmounts(rows, total);
  const paid = amounts.reduce((s, a) => s + a, 0);
  let change = 0;
  let cashShort = false;
  rows.forEach((r, i) => {
    if (r.method !== 'cash' || r.tendered === null) return;
    if (r.tendered < amounts[i]!) cashShort = true;
    else change += r.tendered - amounts[i]!;
  });
  return { amounts, paid, due: total - paid, change, cashShort };
}

export function checkoutInput(cart: Cart, amounts: readonly number[]): CheckoutInput {
  return {
    externalRef: cart.ref,
    customerId: cart.customer?.id ?? null,
    lines: cart.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })),
    ...(cart.orderDiscount > 0
      ? { orderDiscount: { type: 'amount' as const, value: cart.orderDiscount } }
      : {}),
    ...(cart.redeem ? { redeemPoints: cart.redeem.points } : {}),
    ...(cart.vouchers.length > 0 ? { voucherCodes: cart.vouchers } : {}),
    ...(cart.customer && cart.referralCode.trim().length >= 3
      ? { referralCode: cart.referralCode.trim() }
      : {}),
    payments: cart.payments
      .map((r, i) => ({
        method: r.method,
        amount: amounts[i]!,
        ...(r.method === 'cash' && r.tendered !== null ? { tendered: r.tendered } : {}),
        ...(r.method === 'other' && r.label.trim() ? { label: r.label.trim() } : {}),
      }))
      .filter((p) => p.amount > 0),
  };
}
