import { MAX_AMOUNT, MAX_QUANTITY } from '../order-pricing.ts';
import type { SaleField, SaleMapping } from './sale-mapping.ts';
import { parseAmount, parseLocalDateTime, parseQuantity } from './sale-values.ts';

/** A line of a sales file read into what Jejak stores. Quantity is negative on a return line. */
export interface SaleLine {
  /** The line of the file (the header is line 1). */
  line: number;
  invoice: string;
  sku: string;
  name: string;
  quantity: number;
  /** In the currency's minor unit. */
  unitPrice: number;
  /** Taken off `quantity × unitPrice` so the line costs the file's line total (a total not divisible by the quantity). */
  discount: number;
  at: number;
  customer: string | null;
  traits: CustomerTraits;
}

export interface CustomerTraits {
  name?: string;
  phone?: string;
  email?: string;
  country?: string;
}

/** Why a line was not imported; the code is for the dashboard to say in its language. */
export type RejectCode =
  | 'unreadable'
  | 'no_date'
  | 'no_quantity'
  | 'zero_quantity'
  | 'no_price'
  | 'negative_price'
  | 'too_large'
  | 'no_product'
  | 'adjustment'
  | 'stock_note'
  | 'positive_in_cancellation'
  | 'return_without_customer'
  | 'no_original_sale'
  | 'customer_mismatch';

export interface Rejection {
  line: number;
  code: RejectCode;
  reason: string;
}

export interface RowContext {
  mapping: SaleMapping;
  at: Partial<Record<SaleField, number>>;
  /** Fraction digits of the workspace currency. */
  digits: number;
  zone: string;
}

const reject = (line: number, code: RejectCode, reason: string): Rejection => ({ line, code, reason });

/**
 * Reads one row of a sales file, or says why it is no sale: no date, no price, a book-keeping entry,
 * a stock note (a negative or free line without a description, as shops write breakage)...
 * A missing invoice number gives the customer's day (`00002@1997-01-12`): one order per customer and day.
 */
export function readSaleRow(cells: readonly string[], line: number, ctx: RowContext): SaleLine | Rejection {
  const { mapping, at } = ctx;
  const cell = (field: SaleField) => pick(cells, at, field);
  const width = widthOf(at);
  if (cells.length < width)
    return reject(line, 'unreadable', `the line has ${cells.length} columns; the mapping needs ${width}`);
  let invoice = cell('invoice');
  if (mapping.adjustmentPrefix && invoice.startsWith(mapping.adjustmentPrefix))
    return reject(line, 'adjustment', `invoice ${invoice} is a book-keeping adjustment, not a sale`);
  const dateText = cell('date');
  const when = dateText === '' ? null : parseLocalDateTime(dateText, mapping.dateOrder, ctx.zone);
  if (when === null) return reject(line, 'no_date', `date "${dateText}" is not a date`);
  const quantity = parseQuantity(cell('quantity'));
  if (quantity === null)
    return reject(line, 'no_quantity', `quantity "${cell('quantity')}" is not a whole number`);
  if (quantity === 0) return reject(line, 'zero_quantity', 'quantity is 0');
  if (Math.abs(quantity) > MAX_QUANTITY)
    return reject(line, 'too_large', `quantity ${quantity} is more than ${MAX_QUANTITY}`);
  const price = readPrice(cell, Math.abs(quantity), ctx.digits, mapping.columns.unitPrice !== undefined);
  if (typeof price === 'string') {
    const text = cell(mapping.columns.unitPrice !== undefined ? 'unitPrice' : 'lineTotal');
    return price === 'negative'
      ? reject(line, 'negative_price', `price ${text} is negative`)
      : reject(line, 'no_price', `price "${text}" is not an amount`);
  }
  if (price.unitPrice * Math.abs(quantity) > MAX_AMOUNT)
    return reject(line, 'too_large', `quantity × price passes ${MAX_AMOUNT}`);
  const customer = cell('customer').replace(/\.0$/, '') || null;
  const sku = (cell('sku') || mapping.constants.sku || '').slice(0, 64);
  const description = cell('name') || mapping.constants.name || '';
  if (sku === '' && description === '')
    return reject(line, 'no_product', 'the line names no product (no code, no name)');
  if (price.unitPrice === 0 && (quantity < 0 || description === ''))
    return reject(
      line,
      'stock_note',
      'no price and a negative quantity or no description: a stock note, not a sale',
    );
  if (invoice === '') invoice = customer === null ? `line-${line}` : `${customer}@${dayOf(dateText, when)}`;
  return {
    line,
    invoice,
    sku: sku === '' ? description.slice(0, 64) : sku,
    name: (description || sku).slice(0, 200),
    quantity,
    unitPrice: price.unitPrice,
    discount: price.discount,
    at: when,
    customer: customer?.slice(0, 200) ?? null,
    traits: traitsOf(cell),
  };
}

function pick(cells: readonly string[], at: Partial<Record<SaleField, number>>, field: SaleField): string {
  const i = at[field];
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

function widthOf(at: Partial<Record<SaleField, number>>): number {
  let width = 0;
  for (const field in at) width = Math.max(width, (at[field as SaleField] ?? 0) + 1);
  return width;
}

function readPrice(
  cell: (field: SaleField) => string,
  quantity: number,
  digits: number,
  perUnit: boolean,
): { unitPrice: number; discount: number } | 'negative' | 'unreadable' {
  const amount = parseAmount(cell(perUnit ? 'unitPrice' : 'lineTotal'), digits);
  if (amount === null) return 'unreadable';
  if (amount < 0) return 'negative';
  if (perUnit) return { unitPrice: amount, discount: 0 };
  // A line total that is not a multiple of the quantity: the unit price rounded up, the rest a discount.
  const unitPrice = Math.ceil(amount / quantity);
  return { unitPrice, discount: unitPrice * quantity - amount };
}

function traitsOf(cell: (field: SaleField) => string): CustomerTraits {
  const traits: CustomerTraits = {};
  if (cell('customerName')) traits.name = cell('customerName').slice(0, 200);
  if (cell('phone')) traits.phone = cell('phone');
  if (cell('email')) traits.email = cell('email');
  if (cell('country')) traits.country = cell('country').slice(0, 100);
  return traits;
}

/** The calendar day of a date cell as written (it is the shop's own day, whatever the zone). */
function dayOf(text: string, at: number): string {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`;
  return new Date(at).toISOString().slice(0, 10);
}

export function isRejection(value: SaleLine | Rejection): value is Rejection {
  return 'code' in value;
}
