/**
 * How PPN is charged: `included` in the shelf price (the customer pays the price, the receipt shows the
 * PPN inside it), or `added` on top of it at the till.
 */
export const TAX_MODES = ['included', 'added'] as const;
export type TaxMode = (typeof TAX_MODES)[number];

export interface TaxSetting {
  /** Basis points: 1100 is 11%. 0 for a seller who charges no PPN. */
  rateBp: number;
  mode: TaxMode;
}

export interface SalesSettings {
  tax: TaxSetting;
  /** Whether a sale may take a branch's stock of a product below zero (stock not yet received in the books). */
  allowNegativeStock: boolean;
}

/** PPN at 11% included in prices, and no selling what the books say is not there. */
export const DEFAULT_SALES_SETTINGS: SalesSettings = Object.freeze({
  tax: Object.freeze({ rateBp: 1100, mode: 'included' as const }),
  allowNegativeStock: false,
});

/** The highest PPN rate a workspace may set (100%), in basis points. */
export const MAX_TAX_RATE_BP = 10_000;
