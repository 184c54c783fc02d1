import { assertUnreachable } from '../assert.ts';
import { allocate, mulDivHalfUp } from './money.ts';
import type { TaxSetting } from './sales-settings.ts';

/** A discount as the cashier gives it: whole Rupiah off, or a whole percentage off. */
export type Discount = { type: 'amount'; value: number } | { type: 'percent'; value: number };

export interface LineInput {
  quantity: number;
  unitPrice: number;
  discount?: Discount;
}

export interface PricedLine {
  quantity: number;
  unitPrice: number;
  /** quantity × unit price. */
  gross: number;
  lineDiscount: number;
  /** What promotions (vouchers, automatic ones) took off this line. */
  promotionDiscount: number;
  /** This line's part of the order discount. */
  orderDiscountShare: number;
  /** This line's part of the order's PPN (inside `total` when included, on top of it when added). */
  tax: number;
  /** What the customer pays for this line; lines add up to the order total exactly. */
  total: number;
}

export interface PricedOrder {
  lines: PricedLine[];
  subtotal: number;
  /** Promotions (vouchers and automatic ones) together. */
  promotionDiscount: number;
  /** The order discount alone (line discounts are on the lines). */
  orderDiscount: number;
  /** Line, promotion and order discounts together. */
  discountTotal: number;
  taxTotal: number;
  total: number;
}

export class PricingError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'PricingError';
  }
}

/** Prices and amounts are whole Rupiah up to a trillion, quantities whole units up to a million. */
export const MAX_AMOUNT = 1_000_000_000_000;
export const MAX_QUANTITY = 1_000_000;

/**
 * Prices an order in whole Rupiah. Discounts compose in this order: each line's own discount, then
 * promotions (`promotionCuts`, Rupiah per line, chosen by planPromotions on what the lines cost after
 * their own discounts), then the cashier's order discount on what is left, shared over the lines in
 * proportion to what each still costs. PPN is then taken once on
 * the whole order and rounded half up to the Rupiah: added, it is `base × rate`; included, it is
 * `base − base / (1 + rate)`. Shares of the order discount and of the PPN are given to the lines by
 * largest remainder, so the lines add up to the order exactly and a line can be refunded on its own.
 *
 * @example
 * priceOrder([{ quantity: 2, unitPrice: 18_000 }], undefined, { rateBp: 1100, mode: 'included' })
 * // total 36000, taxTotal 3568 (36000 − 32432)
 */
export function priceOrder(
  inputs: readonly LineInput[],
  orderDiscountInput: Discount | undefined,
  tax: TaxSetting,
  promotionCuts: readonly number[] = [],
): PricedOrder {
  if (inputs.length === 0) throw new PricingError('lines', 'an order needs at least one line');
  const afterLine = inputs.map((line, i) => priceLine(line, `lines/${i}`, promotionCuts[i] ?? 0));
  const rest = afterLine.reduce((s, l) => s + l.net, 0);
  const orderDiscount = discountAmount(orderDiscountInput, rest, 'orderDiscount');
  const shares = allocate(
    orderDiscount,
    afterLine.map((l) => l.net),
  );
  const nets = afterLine.map((l, i) => l.net - shares[i]!);
  const base = rest - orderDiscount;
  const taxTotal = taxOf(base, tax);
  const taxShares = base === 0 ? nets.map(() => 0) : allocate(taxTotal, nets);
  const added = tax.mode === 'added';
  const lines = afterLine.map((l, i): PricedLine => ({
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    gross: l.gross,
    lineDiscount: l.lineDiscount,
    promotionDiscount: l.promotionDiscount,
    orderDiscountShare: shares[i]!,
    tax: taxShares[i]!,
    total: nets[i]! + (added ? taxShares[i]! : 0),
  }));
  const subtotal = afterLine.reduce((s, l) => s + l.gross, 0);
  const lineDiscounts = afterLine.reduce((s, l) => s + l.lineDiscount, 0);
  const promotionDiscount = afterLine.reduce((s, l) => s + l.promotionDiscount, 0);
  const total = base + (added ? taxTotal : 0);
  if (total > MAX_AMOUNT) throw new PricingError('lines', `the order total passes Rp ${MAX_AMOUNT}`);
  return {
    lines,
    subtotal,
    promotionDiscount,
    orderDiscount,
    discountTotal: lineDiscounts + promotionDiscount + orderDiscount,
    taxTotal,
    total,
  };
}

/** The PPN of a taxable base, rounded half up to the Rupiah. */
export function taxOf(base: number, tax: TaxSetting): number {
  if (tax.rateBp === 0 || base === 0) return 0;
  switch (tax.mode) {
    case 'added':
      return mulDivHalfUp(base, tax.rateBp, 10_000);
    case 'included':
      return base - mulDivHalfUp(base, 10_000, 10_000 + tax.rateBp);
    default:
      return assertUnreachable(tax.mode);
  }
}

function priceLine(line: LineInput, path: string, promotionCut: number) {
  checkWhole(line.quantity, `${path}/quantity`, 1, MAX_QUANTITY);
  checkWhole(line.unitPrice, `${path}/unitPrice`, 0, MAX_AMOUNT);
  const gross = line.quantity * line.unitPrice;
  if (gross > MAX_AMOUNT) throw new PricingError(path, `quantity × price passes Rp ${MAX_AMOUNT}`);
  const lineDiscount = discountAmount(line.discount, gross, `${path}/discount`);
  checkWhole(promotionCut, `${path}/promotion`, 0, gross - lineDiscount);
  return {
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    gross,
    lineDiscount,
    promotionDiscount: promotionCut,
    net: gross - lineDiscount - promotionCut,
  };
}

function discountAmount(discount: Discount | undefined, of: number, path: string): number {
  if (discount === undefined) return 0;
  switch (discount.type) {
    case 'amount':
      checkWhole(discount.value, `${path}/value`, 0, MAX_AMOUNT);
      if (discount.value > of) {
        throw new PricingError(path, `a discount of ${discount.value} is more than the ${of} it comes off`);
      }
      return discount.value;
    case 'percent':
      checkWhole(discount.value, `${path}/value`, 0, 100);
      return mulDivHalfUp(of, discount.value, 100);
    default:
      return assertUnreachable(discount);
  }
}

function checkWhole(value: number, path: string, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new PricingError(path, `must be a whole number from ${min} to ${max}`);
  }
}
