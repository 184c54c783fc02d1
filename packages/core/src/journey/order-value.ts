/** The properties an order's amount is read from, in order: Segment's ecommerce spec names all three. */
export const ORDER_AMOUNT_PROPERTIES = ['total', 'revenue', 'value'] as const;

/**
 * What an order is worth, from its properties: `total` (what the customer paid: with shipping and tax,
 * after discounts), else `revenue`, else `value`; a number or a numeric string, in the currency's
 * major unit as Segment clients send it. 0 when none of them holds a non-negative amount.
 *
 * @example orderAmount({ total: 150000, revenue: 135000 }) // 150000
 * @example orderAmount({ revenue: '42500' }) // 42500
 * @example orderAmount({ total: 'gratis' }) // 0
 */
export function orderAmount(properties: Readonly<Record<string, unknown>>): number {
  for (const name of ORDER_AMOUNT_PROPERTIES) {
    const amount = amountOf(properties[name]);
    if (amount !== null) return amount;
  }
  return 0;
}

function amountOf(value: unknown): number | null {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(number) && number >= 0 ? number : null;
}

/**
 * Adds an amount to a running total, kept to hundredths so that float noise (0.1 + 0.2) never shows.
 *
 * @example addAmount(0.1, 0.2) // 0.3
 */
export function addAmount(total: number, amount: number): number {
  return Math.round((total + amount) * 100) / 100;
}

/**
 * Digits of a currency's minor unit, as Jejak stores money (DESIGN §4.2): IDR has none in practice.
 *
 * @example minorUnitDigits('IDR') // 0
 * @example minorUnitDigits('USD') // 2
 */
export function minorUnitDigits(currency: string): number {
  if (currency === 'IDR') return 0;
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * An amount in major units (as events carry it) in the currency's minor unit, as Jejak stores money.
 *
 * @example toMinorUnits(150000, 'IDR') // 150000
 * @example toMinorUnits(19.99, 'USD') // 1999
 */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorUnitDigits(currency));
}

/**
 * An amount in the currency's minor unit (as Jejak stores money) in major units, as events carry it.
 *
 * @example fromMinorUnits(150000, 'IDR') // 150000
 * @example fromMinorUnits(1999, 'GBP') // 19.99
 */
export function fromMinorUnits(amount: number, currency: string): number {
  return amount / 10 ** minorUnitDigits(currency);
}
