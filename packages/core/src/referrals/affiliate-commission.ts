/** How an affiliate is paid: a percent of the net sale (basis points), or a fixed amount per sale. */
export type CommissionRule = { type: 'percent'; rateBp: number } | { type: 'fixed'; amount: number };

/**
 * The commission of one referred sale: percent of what was sold net of tax (rounded down), or the fixed
 * amount (never more than the net sale). Integer Rupiah.
 *
 * @example commissionOf({ type: 'percent', rateBp: 500 }, { total: 111_000, tax: 11_000 }) // 5000
 */
export function commissionOf(rule: CommissionRule, sale: { total: number; tax: number }): number {
  const net = Math.max(0, sale.total - sale.tax);
  if (rule.type === 'percent') return Math.floor((net * rule.rateBp) / 10_000);
  return Math.min(rule.amount, net);
}

/**
 * What a refund takes back of a commission: the share refunded of the whole (rounded half up), so that
 * the reversals of an order add up to its commission once it is wholly refunded; `reversed` is what
 * earlier refunds took already.
 *
 * @example commissionReversal(5000, 0, { refunded: 55_500, of: 111_000, full: false }) // 2500
 */
export function commissionReversal(
  commission: number,
  reversed: number,
  share: { refunded: number; of: number; full: boolean },
): number {
  const due = share.full ? commission : Math.round((commission * share.refunded) / Math.max(1, share.of));
  return Math.max(0, Math.min(commission, due) - reversed);
}
