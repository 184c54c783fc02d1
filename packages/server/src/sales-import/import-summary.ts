import type { PlannedOrder, PlannedRefund, RejectCode, Rejection, SalePlan } from '@jejak/core';

/**
 * What an import did, or with a dry run would do. Every data line of the file is in exactly one of
 * `lines.inOrders` (a line of a new order: an invoice's lines merge into one order), `lines.inRefunds`
 * (it gives back part of an order), `lines.alreadyImported` (its order or refund is stored from an
 * earlier run) and `lines.rejected` (with its reason in `errors`): the four add up to `lines.total`.
 */
export interface ImportSummary {
  source: string;
  dryRun: boolean;
  lines: { total: number; inOrders: number; inRefunds: number; alreadyImported: number; rejected: number };
  orders: { created: number; guest: number; alreadyImported: number };
  refunds: { created: number; alreadyImported: number };
  customers: { created: number };
  products: { created: number };
  /** Sales and refunds the import adds, in the workspace currency's minor unit. */
  amounts: { sales: number; refunds: number };
  rejectedByCode: Partial<Record<RejectCode, number>>;
  /** Every rejected line, in line order. */
  errors: Rejection[];
  ms: number;
}

export interface Stored {
  orders: ReadonlySet<string>;
  refunds: ReadonlySet<string>;
}

/** Counts a plan against what is stored already. `customers`, `products` and `amounts` come from the caller. */
export function summarize(
  source: string,
  dryRun: boolean,
  total: number,
  plan: SalePlan,
  stored: Stored,
): ImportSummary {
  const newOrders = plan.orders.filter((o) => !stored.orders.has(o.ref));
  const newRefunds = plan.refunds.filter((r) => !stored.refunds.has(r.ref));
  const inOrders = linesOf(newOrders);
  const inRefunds = refundLines(newRefunds);
  const rejectedByCode: Partial<Record<RejectCode, number>> = {};
  for (const r of plan.rejected) rejectedByCode[r.code] = (rejectedByCode[r.code] ?? 0) + 1;
  return {
    source,
    dryRun,
    lines: {
      total,
      inOrders,
      inRefunds,
      alreadyImported: linesOf(plan.orders) - inOrders + refundLines(plan.refunds) - inRefunds,
      rejected: plan.rejected.length,
    },
    orders: {
      created: newOrders.length,
      guest: newOrders.filter((o) => o.customer === null).length,
      alreadyImported: plan.orders.length - newOrders.length,
    },
    refunds: { created: newRefunds.length, alreadyImported: plan.refunds.length - newRefunds.length },
    customers: { created: 0 },
    products: { created: 0 },
    amounts: { sales: 0, refunds: 0 },
    rejectedByCode,
    errors: plan.rejected,
    ms: 0,
  };
}

function linesOf(orders: readonly PlannedOrder[]): number {
  return orders.reduce((s, o) => s + o.lines.length, 0);
}

/** File lines of refunds: one return line spread over two order lines is still one line of the file. */
function refundLines(refunds: readonly PlannedRefund[]): number {
  const lines = new Set<number>();
  for (const r of refunds) for (const l of r.lines) lines.add(l.line);
  return lines.size;
}

/** The error report as CSV: line, code, reason. */
export function errorReportCsv(errors: readonly { line: number; code: string; reason: string }[]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return (
    ['line,code,reason', ...errors.map((e) => `${e.line},${e.code},${quote(e.reason)}`)].join('\n') + '\n'
  );
}
