import { priceOrder, type PlannedOrder, type PricedOrder } from '@jejak/core';

/** Orders and refunds per transaction: big enough to be fast, small enough to keep a write lock short. */
export const IMPORT_BATCH = 1000;

/** Historical prices are what the customer paid; no PPN is added or taken out of them. */
export const NO_TAX = { rateBp: 0, mode: 'included' } as const;

/** An order of the plan priced by the counter's own rules: a line total the file gave is a line discount. */
export function priceImported(order: PlannedOrder): PricedOrder {
  return priceOrder(
    order.lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      ...(l.discount > 0 ? { discount: { type: 'amount' as const, value: l.discount } } : {}),
    })),
    undefined,
    NO_TAX,
  );
}
