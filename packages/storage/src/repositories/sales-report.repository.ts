import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './executor.ts';

/** The sales a report reads: one workspace, a span of instants [from, to), some branches or all. */
export interface ReportScope {
  workspaceId: string;
  from: number;
  to: number;
  /** Undefined: every branch. */
  branchIds?: readonly string[];
}

/**
 * The zone's offset from UTC over the period, as segments: `offset` holds for instants before `until`
 * (the last segment has none). A zone without daylight saving (all of Indonesia's) has one segment.
 */
export interface OffsetSegment {
  until: number | null;
  offset: number;
}

/** What a report is broken down by. Products and categories are line facts; the rest order facts. */
export type OrderKey = 'day' | 'branch' | 'employee';
export type LineKey = OrderKey | 'product' | 'category';

/** Sales of one key: orders not voided, completed in the period. */
export interface OrderTotals {
  key: string;
  label: string | null;
  orders: number;
  sales: number;
  discounts: number;
  tax: number;
}

/** Lines of those orders: quantities, what they brought in without PPN, what the goods cost. */
export interface LineTotals {
  key: string;
  label: string | null;
  sku: string | null;
  category: string | null;
  quantity: number;
  sales: number;
  net: number;
  cost: number;
}

/** Refunds made in the period (voids are not refunds: a voided sale is no sale at all). */
export interface RefundTotals {
  key: string;
  refunds: number;
  amount: number;
}

/** Lines given back in the period: a refund's PPN is the line's PPN in proportion, rounded half up. */
export interface RefundLineTotals {
  key: string;
  label: string | null;
  sku: string | null;
  category: string | null;
  quantity: number;
  amount: number;
  net: number;
  cost: number;
}

export interface PaymentTotals {
  method: string;
  payments: number;
  amount: number;
  refunded: number;
}

export interface RefundListRow {
  id: string;
  kind: 'refund' | 'void';
  at: number;
  orderId: string;
  branchId: string;
  receiptNo: number;
  reason: string;
  amount: number;
  actorName: string;
}

export interface StockValueRow {
  branchId: string;
  category: string | null;
  products: number;
  units: number;
  costValue: number;
  retailValue: number;
}

const DAY_MS = 86_400_000;
const total = (expr: RawBuilder<unknown>) => sql<number>`cast(coalesce(sum(${expr}), 0) as bigint)`;

/**
 * The business reports' sums (issue 5 §5), added up by the database over orders, lines, payments and
 * refunds. Days are cut in one zone: the local day of an instant is (instant + offset) / day, the
 * offset chosen by segment, so a period of a year groups in one pass whatever the zone.
 */
export class SalesReportRepository {
  constructor(private readonly db: Executor) {}

  async orderTotals(scope: ReportScope, by: OrderKey, zone: readonly OffsetSegment[]) {
    const key = orderKey(by, sql.ref('o.completed_at'), zone);
    const rows = await this.db
      .selectFrom('orders as o')
      .select([
        key.key.as('key'),
        key.label.as('label'),
        sql<number>`count(*)`.as('orders'),
        total(sql`o.total`).as('sales'),
        total(sql`o.discount_total`).as('discounts'),
        total(sql`o.tax_total`).as('tax'),
      ])
      .where('o.workspace_id', '=', scope.workspaceId)
      .where('o.status', '!=', 'voided')
      .where('o.completed_at', '>=', scope.from)
      .where('o.completed_at', '<', scope.to)
      .$call((q) => (scope.branchIds ? q.where('o.branch_id', 'in', branchList(scope.branchIds)) : q))
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute();
    return rows.map((r): OrderTotals => ({
      ...numbers(r, 'orders', 'sales', 'discounts', 'tax'),
      key: String(r.key),
      label: r.label,
    }));
  }

  async lineTotals(scope: ReportScope, by: LineKey, zone: readonly OffsetSegment[]): Promise<LineTotals[]> {
    const key = lineKey(by, sql.ref('o.completed_at'), zone);
    const rows = await this.db
      .selectFrom('order_lines as l')
      .innerJoin('orders as o', 'o.id', 'l.order_id')
      .select([
        key.key.as('key'),
        key.label.as('label'),
        key.sku.as('sku'),
        key.category.as('category'),
        total(sql`l.quantity`).as('quantity'),
        total(sql`l.total`).as('sales'),
        total(sql`l.total - l.tax`).as('net'),
        total(sql`l.quantity * l.unit_cost`).as('cost'),
      ])
      .where('o.workspace_id', '=', scope.workspaceId)
      .where('o.status', '!=', 'voided')
      .where('o.completed_at', '>=', scope.from)
      .where('o.completed_at', '<', scope.to)
      .$call((q) => (scope.branchIds ? q.where('o.branch_id', 'in', branchList(scope.branchIds)) : q))
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute();
    return rows.map((r) => ({
      ...numbers(r, 'quantity', 'sales', 'net', 'cost'),
      key: String(r.key),
      label: r.label,
      sku: r.sku,
      category: r.category,
    }));
  }

  async refundTotals(
    scope: ReportScope,
    by: OrderKey,
    zone: readonly OffsetSegment[],
    kind: 'refund' | 'void' = 'refund',
  ) {
    const key = orderKey(by, sql.ref('r.at'), zone);
    const rows = await this.db
      .selectFrom('order_refunds as r')
      .innerJoin('orders as o', 'o.id', 'r.order_id')
      .select([key.key.as('key'), sql<number>`count(*)`.as('refunds'), total(sql`r.amount`).as('amount')])
      .where('r.workspace_id', '=', scope.workspaceId)
      .where('r.kind', '=', kind)
      .where('r.at', '>=', scope.from)
      .where('r.at', '<', scope.to)
      .$call((q) => (scope.branchIds ? q.where('o.branch_id', 'in', branchList(scope.branchIds)) : q))
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute();
    return rows.map((r): RefundTotals => ({ ...numbers(r, 'refunds', 'amount'), key: String(r.key) }));
  }

  async refundLineTotals(
    scope: ReportScope,
    by: LineKey,
    zone: readonly OffsetSegment[],
  ): Promise<RefundLineTotals[]> {
    const key = lineKey(by, sql.ref('r.at'), zone);
    const refundTax = sql`case when l.total = 0 then 0 else (2 * rl.amount * l.tax + l.total) / (2 * l.total) end`;
    const rows = await this.db
      .selectFrom('order_refund_lines as rl')
      .innerJoin('order_refunds as r', 'r.id', 'rl.refund_id')
      .innerJoin('order_lines as l', 'l.id', 'rl.order_line_id')
      .innerJoin('orders as o', 'o.id', 'r.order_id')
      .select([
        key.key.as('key'),
        key.label.as('label'),
        key.sku.as('sku'),
        key.category.as('category'),
        total(sql`rl.quantity`).as('quantity'),
        total(sql`rl.amount`).as('amount'),
        total(sql`rl.amount - ${refundTax}`).as('net'),
        total(sql`rl.quantity * l.unit_cost`).as('cost'),
      ])
      .where('r.workspace_id', '=', scope.workspaceId)
      .where('r.kind', '=', 'refund')
      .where('r.at', '>=', scope.from)
      .where('r.at', '<', scope.to)
      .$call((q) => (scope.branchIds ? q.where('o.branch_id', 'in', branchList(scope.branchIds)) : q))
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute();
    return rows.map((r) => ({
      ...numbers(r, 'quantity', 'amount', 'net', 'cost'),
      key: String(r.key),
      label: r.label,
      sku: r.sku,
      category: r.category,
    }));
  }

  /** Payments of the period's sales by method, and what went back through each method in the period. */
  async paymentTotals(scope: ReportScope): Promise<PaymentTotals[]> {
    const [paid, back] = await Promise.all([
      this.db
        .selectFrom('order_payments as p')
        .innerJoin('orders as o', 'o.id', 'p.order_id')
        .select(['p.method', sql<number>`count(*)`.as('payments'), total(sql`p.amount`).as('amount')])
        .where('o.workspace_id', '=', scope.workspaceId)
        .where('o.status', '!=', 'voided')
        .where('o.completed_at', '>=', scope.from)
        .where('o.completed_at', '<', scope.to)
        .$call((q) => (scope.branchIds ? q.where('o.branch_id', 'in', branchList(scope.branchIds)) : q))
        .groupBy('p.method')
        .execute(),
      this.db
        .selectFrom('order_refund_payments as rp')
        .innerJoin('order_refunds as r', 'r.id', 'rp.refund_id')
        .innerJoin('orders as o', 'o.id', 'r.order_id')
        .select(['rp.method', total(sql`rp.amount`).as('amount')])
        .where('r.workspace_id', '=', scope.workspaceId)
        .where('r.kind', '=', 'refund')
        .where('r.at', '>=', scope.from)
        .where('r.at', '<', scope.to)
        .$call((q) => (scope.branchIds ? q.where('o.branch_id', 'in', branchList(scope.branchIds)) : q))
        .groupBy('rp.method')
        .execute(),
    ]);
    const methods = new Map<string, PaymentTotals>();
    const entry = (method: string) => {
      let row = methods.get(method);
      if (!row) methods.set(method, (row = { method, payments: 0, amount: 0, refunded: 0 }));
      return row;
    };
    for (const p of paid) Object.assign(entry(p.method), numbers(p, 'payments', 'amount'));
    for (const b of back) entry(b.method).refunded = Number(b.amount);
    return [...methods.values()];
  }

  /** Refunds and voids made in the period, newest first. */
  async refundList(scope: ReportScope, limit: number): Promise<RefundListRow[]> {
    const rows = await this.db
      .selectFrom('order_refunds as r')
      .innerJoin('orders as o', 'o.id', 'r.order_id')
      .select([
        'r.id',
        'r.kind',
        'r.at',
        'r.order_id',
        'o.branch_id',
        'o.receipt_no',
        'r.reason',
        'r.amount',
        'r.actor_label',
      ])
      .where('r.workspace_id', '=', scope.workspaceId)
      .where('r.at', '>=', scope.from)
      .where('r.at', '<', scope.to)
      .$call((q) => (scope.branchIds ? q.where('o.branch_id', 'in', branchList(scope.branchIds)) : q))
      .orderBy('r.at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      at: Number(r.at),
      orderId: r.order_id,
      branchId: r.branch_id,
      receiptNo: Number(r.receipt_no),
      reason: r.reason,
      amount: Number(r.amount),
      actorName: r.actor_label,
    }));
  }

  /** The goods on hand now, per branch and category, valued at cost and at the selling price. */
  async stockValue(workspaceId: string, branchIds: readonly string[] | undefined): Promise<StockValueRow[]> {
    const rows = await this.db
      .selectFrom('stock_levels as s')
      .innerJoin('products as p', 'p.id', 's.product_id')
      .select([
        's.branch_id',
        'p.category',
        sql<number>`count(*)`.as('products'),
        total(sql`s.on_hand`).as('units'),
        total(sql`s.on_hand * p.cost`).as('costValue'),
        total(sql`s.on_hand * p.price`).as('retailValue'),
      ])
      .where('s.workspace_id', '=', workspaceId)
      .where('p.track_stock', '=', 1)
      .where('s.on_hand', '>', 0)
      .$call((q) => (branchIds ? q.where('s.branch_id', 'in', branchList(branchIds)) : q))
      .groupBy(['s.branch_id', 'p.category'])
      .orderBy('s.branch_id')
      .orderBy('p.category')
      .execute();
    return rows.map((r) => ({
      branchId: r.branch_id,
      category: r.category,
      ...numbers(r, 'products', 'units', 'costValue', 'retailValue'),
    }));
  }
}

/** An empty list would be `in ()`, which neither dialect takes: no branch at all matches nothing. */
function branchList(ids: readonly string[]): string[] {
  return ids.length > 0 ? [...ids] : [''];
}

function numbers<R extends object, K extends keyof R & string>(row: R, ...keys: K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, Number(row[k])])) as Record<K, number>;
}

/**
 * The local day number of an instant column. Offsets and bounds are whole numbers the server computed,
 * written as literals: PostgreSQL would not see `group by 1` of a parameterised select as one expression.
 */
export function localDaySql(column: RawBuilder<unknown>, zone: readonly OffsetSegment[]): RawBuilder<number> {
  const lit = (n: number) => sql.lit(Math.trunc(n));
  let offset: RawBuilder<unknown>;
  if (zone.length <= 1) offset = lit(zone[0]?.offset ?? 0);
  else {
    const cases = zone.map((s) =>
      s.until === null
        ? sql`else ${lit(s.offset)}`
        : sql`when ${column} < ${lit(s.until)} then ${lit(s.offset)}`,
    );
    offset = sql`(case ${sql.join(cases, sql` `)} end)`;
  }
  return sql<number>`((${column} + ${offset}) / ${lit(DAY_MS)})`;
}

interface KeySql {
  key: RawBuilder<unknown>;
  label: RawBuilder<string | null>;
}

function orderKey(by: OrderKey, at: RawBuilder<unknown>, zone: readonly OffsetSegment[]): KeySql {
  switch (by) {
    case 'day':
      return { key: localDaySql(at, zone), label: sql<null>`null` };
    case 'branch':
      return { key: sql`o.branch_id`, label: sql<null>`null` };
    case 'employee':
      // Named by id when there is one (a sale by a signed-in person), else by the name the till sent.
      return {
        key: sql`coalesce(o.employee_id, ${sql.lit('name:')} || o.employee_name)`,
        label: sql<string>`max(o.employee_name)`,
      };
  }
}

function lineKey(
  by: LineKey,
  at: RawBuilder<unknown>,
  zone: readonly OffsetSegment[],
): KeySql & { sku: RawBuilder<string | null>; category: RawBuilder<string | null> } {
  const none = sql<null>`null`;
  switch (by) {
    case 'product':
      // A line keeps the product's id; an imported line may have only its SKU or its name.
      return {
        key: sql`coalesce(l.product_id, ${sql.lit('sku:')} || l.sku, ${sql.lit('name:')} || l.name)`,
        label: sql<string>`max(l.name)`,
        sku: sql<string | null>`max(l.sku)`,
        category: sql<string | null>`max(l.category)`,
      };
    case 'category':
      return { key: sql`coalesce(l.category, '')`, label: none, sku: none, category: none };
    default:
      return { ...orderKey(by, at, zone), sku: none, category: none };
  }
}
