import type { CustomerTraits, Rejection, SaleLine } from './sale-row.ts';

/** An invoice of the file as one order: its sale lines in file order. */
export interface PlannedOrder {
  /** The invoice number: the order's external ref, what makes a second import skip it. */
  ref: string;
  /** The time of its earliest line. */
  at: number;
  customer: string | null;
  traits: CustomerTraits;
  lines: SaleLine[];
}

/** A cancellation's lines that give back part of one earlier order. */
export interface PlannedRefund {
  /** `<cancellation>><order>` (`C536379>536365`): one cancellation may give back parts of several orders. */
  ref: string;
  orderRef: string;
  cancellation: string;
  at: number;
  customer: string;
  /** Which line of the order (its index) gives back how many units, and the file line that said so. */
  lines: { orderLine: number; quantity: number; line: number }[];
}

export interface SalePlan {
  orders: PlannedOrder[];
  refunds: PlannedRefund[];
  rejected: Rejection[];
}

interface OpenOrder {
  order: PlannedOrder;
  /** Units of each order line not yet given back. */
  left: number[];
}

/**
 * Groups the lines of a sales file into orders and pairs its cancellations with what they cancel.
 *
 * A line with a negative quantity, or any line of an invoice starting with the cancellation prefix,
 * gives goods back. It is paired with the latest earlier order of the same customer in the file that
 * still has that many units of the same product left to give back, and becomes part of a refund of that
 * order. A return line that finds no such sale, or has no customer to look for one by, is rejected with
 * that reason: a refund needs the sale it refunds, and a guessed one would refund a stranger's order.
 *
 * The result is a function of the file alone, so a second import plans the same refs and skips them.
 */
export function planSales(
  lines: readonly SaleLine[],
  cancelPrefix: string | null,
  rejected: readonly Rejection[] = [],
): SalePlan {
  const out: Rejection[] = [...rejected];
  const invoices = new Map<string, SaleLine[]>();
  for (const line of lines) {
    const list = invoices.get(line.invoice);
    if (list) list.push(line);
    else invoices.set(line.invoice, [line]);
  }
  const ordered = [...invoices.values()]
    .map((group) => ({ group, at: Math.min(...group.map((l) => l.at)) }))
    .sort((a, b) => a.at - b.at || a.group[0]!.line - b.group[0]!.line);
  const byCustomer = new Map<string, OpenOrder[]>();
  const orders: PlannedOrder[] = [];
  const refunds = new Map<string, PlannedRefund>();
  for (const { group, at } of ordered) {
    const first = group[0]!;
    const cancellation =
      cancelPrefix !== null && cancelPrefix !== '' && first.invoice.startsWith(cancelPrefix);
    const sale: SaleLine[] = [];
    for (const line of group) {
      if (line.customer !== first.customer) {
        out.push(
          rejection(
            line,
            'customer_mismatch',
            `invoice ${line.invoice} names customer ${first.customer ?? '(none)'} on its first line`,
          ),
        );
      } else if (line.quantity > 0 && cancellation) {
        out.push(
          rejection(line, 'positive_in_cancellation', `a positive quantity on cancellation ${line.invoice}`),
        );
      } else if (line.quantity > 0) {
        sale.push(line);
      } else {
        giveBack(line, at, byCustomer, refunds, out);
      }
    }
    if (sale.length === 0) continue;
    const order: PlannedOrder = {
      ref: first.invoice,
      at,
      customer: first.customer,
      traits: first.traits,
      lines: sale,
    };
    orders.push(order);
    if (order.customer !== null) {
      const open = byCustomer.get(order.customer) ?? [];
      open.push({ order, left: sale.map((l) => l.quantity) });
      byCustomer.set(order.customer, open);
    }
  }
  out.sort((a, b) => a.line - b.line);
  return { orders, refunds: [...refunds.values()], rejected: out };
}

function giveBack(
  line: SaleLine,
  at: number,
  byCustomer: ReadonlyMap<string, OpenOrder[]>,
  refunds: Map<string, PlannedRefund>,
  out: Rejection[],
): void {
  const wanted = -line.quantity;
  if (line.customer === null) {
    out.push(
      rejection(
        line,
        'return_without_customer',
        `${line.invoice} gives back ${line.sku} without a customer, so its sale cannot be found`,
      ),
    );
    return;
  }
  const open = byCustomer.get(line.customer) ?? [];
  for (let i = open.length - 1; i >= 0; i -= 1) {
    const candidate = open[i]!;
    if (candidate.order.at > at) continue;
    const indexes = candidate.order.lines.flatMap((l, n) =>
      l.sku === line.sku && candidate.left[n]! > 0 ? [n] : [],
    );
    if (indexes.reduce((s, n) => s + candidate.left[n]!, 0) < wanted) continue;
    const ref = `${line.invoice}>${candidate.order.ref}`;
    const refund = refunds.get(ref) ?? {
      ref,
      orderRef: candidate.order.ref,
      cancellation: line.invoice,
      at,
      customer: line.customer,
      lines: [],
    };
    let left = wanted;
    for (const n of indexes) {
      const take = Math.min(left, candidate.left[n]!);
      if (take === 0) break;
      candidate.left[n]! -= take;
      left -= take;
      const same = refund.lines.find((l) => l.orderLine === n && l.line === line.line);
      if (same) same.quantity += take;
      else refund.lines.push({ orderLine: n, quantity: take, line: line.line });
    }
    refunds.set(ref, refund);
    return;
  }
  out.push(
    rejection(
      line,
      'no_original_sale',
      `${line.invoice} gives back ${wanted} × ${line.sku}, but no earlier order of customer ${line.customer} in the file has that many left`,
    ),
  );
}

function rejection(line: SaleLine, code: Rejection['code'], reason: string): Rejection {
  return { line: line.line, code, reason };
}
