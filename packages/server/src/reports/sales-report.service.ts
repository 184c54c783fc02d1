import {
  ZERO_SUMS,
  addSums,
  bucketStart,
  bucketStarts,
  salesFigures,
  type ReportInterval,
  type SalesFigures,
  type SalesSums,
} from '@jejak/core';
import {
  BranchRepository,
  SalesReportRepository,
  WorkspaceRepository,
  dayText,
  type LineKey,
  type LineTotals,
  type OrderKey,
  type RefundLineTotals,
  type ReportScope,
  type Store,
  type Workspace,
} from '@jejak/storage';
import { notFound } from '../http/http-error.ts';
import type { ReportPeriod } from './report-period.ts';

/** Who and where a report covers: the period, and the branches (undefined: all of them). */
export interface ReportRequest {
  workspace: Workspace;
  period: ReportPeriod;
  branches: string[] | null;
}

export interface ProductFigures {
  quantity: number;
  refundedQuantity: number;
  sales: number;
  refunded: number;
  netSales: number;
  revenue: number;
  cost: number;
  grossProfit: number;
  margin: number | null;
}

const REFUND_LIST_LIMIT = 500;

/**
 * The business reports (issue 5 §5): sales, orders, average order and gross margin over time and by
 * product, category, branch, employee and payment method; refunds; the value of the stock on hand.
 * The database adds up; this service puts the sums together into the figures a person reads.
 */
export class SalesReportService {
  constructor(private readonly store: Store) {}

  async workspace(workspaceId: string): Promise<Workspace> {
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    if (!workspace) throw notFound(`Workspace ${workspaceId}`);
    return workspace;
  }

  /** Sales per day, ISO week or calendar month, every row of the period present. */
  async overTime(request: ReportRequest, interval: ReportInterval) {
    const { sums } = await this.sums(request, 'day');
    const { fromDay, toDay } = request.period.range;
    const rows = new Map<number, SalesSums>(
      bucketStarts(fromDay, toDay, interval).map((d) => [d, ZERO_SUMS]),
    );
    let totals = ZERO_SUMS;
    for (const [key, s] of sums) {
      const start = bucketStart(Number(key), interval);
      rows.set(start, addSums(rows.get(start) ?? ZERO_SUMS, s));
      totals = addSums(totals, s);
    }
    return {
      ...this.header(request),
      interval,
      totals: salesFigures(totals),
      rows: [...rows].map(([start, s]) => ({ start: dayText(start), ...salesFigures(s) })),
    };
  }

  async byBranch(request: ReportRequest) {
    const [{ sums }, branches] = await Promise.all([
      this.sums(request, 'branch'),
      new BranchRepository(this.store.db).list(request.workspace.id, { includeArchived: true }),
    ]);
    const names = new Map(branches.map((b) => [b.id, b.name]));
    const shown = request.branches ?? branches.map((b) => b.id);
    const keys = new Set([...shown, ...sums.keys()]);
    return this.dimension(request, keys, sums, (id) => ({ branchId: id, name: names.get(id) ?? id }));
  }

  async byEmployee(request: ReportRequest) {
    const { sums, labels } = await this.sums(request, 'employee');
    return this.dimension(request, new Set(sums.keys()), sums, (key) => ({
      employeeId: key.startsWith('name:') ? null : key,
      name: labels.get(key) ?? key.replace(/^name:/, ''),
    }));
  }

  async byProduct(request: ReportRequest) {
    const rows = await this.lineFigures(request, 'product');
    return {
      ...this.header(request),
      totals: productFigures(rows.reduce(addLine, emptyLine()), rows.reduce(addRefund, emptyRefund())),
      rows: rows
        .map(([sold, back]) => {
          const key = sold?.key ?? back!.key;
          const any = sold ?? back!;
          return {
            productId: key.includes(':') ? null : key,
            sku: any.sku,
            name: any.label ?? '',
            category: any.category,
            ...productFigures(sold ?? emptyLine(), back ?? emptyRefund()),
          };
        })
        .sort((a, b) => b.netSales - a.netSales || a.name.localeCompare(b.name)),
    };
  }

  async byCategory(request: ReportRequest) {
    const rows = await this.lineFigures(request, 'category');
    return {
      ...this.header(request),
      totals: productFigures(rows.reduce(addLine, emptyLine()), rows.reduce(addRefund, emptyRefund())),
      rows: rows
        .map(([sold, back]) => ({
          category: (sold?.key ?? back!.key) || null,
          ...productFigures(sold ?? emptyLine(), back ?? emptyRefund()),
        }))
        .sort((a, b) => b.netSales - a.netSales),
    };
  }

  async byPaymentMethod(request: ReportRequest) {
    const rows = await new SalesReportRepository(this.store.db).paymentTotals(this.scope(request));
    const paid = rows.reduce((s, r) => s + r.amount, 0);
    const refunded = rows.reduce((s, r) => s + r.refunded, 0);
    return {
      ...this.header(request),
      totals: {
        payments: rows.reduce((s, r) => s + r.payments, 0),
        amount: paid,
        refunded,
        net: paid - refunded,
      },
      rows: rows
        .map((r) => ({ ...r, net: r.amount - r.refunded, share: paid === 0 ? 0 : round4(r.amount / paid) }))
        .sort((a, b) => b.amount - a.amount || a.method.localeCompare(b.method)),
    };
  }

  /** Refunds and voids of the period, newest first (the latest 500), with their totals. */
  async refunds(request: ReportRequest) {
    const repo = new SalesReportRepository(this.store.db);
    const scope = this.scope(request);
    const [list, refundSums, voidSums, branches] = await Promise.all([
      repo.refundList(scope, REFUND_LIST_LIMIT),
      repo.refundTotals(scope, 'branch', request.period.zone),
      repo.refundTotals(scope, 'branch', request.period.zone, 'void'),
      new BranchRepository(this.store.db).list(request.workspace.id, { includeArchived: true }),
    ]);
    const names = new Map(branches.map((b) => [b.id, b.name]));
    const sum = (rows: { refunds: number; amount: number }[]) =>
      rows.reduce((s, r) => ({ count: s.count + r.refunds, amount: s.amount + r.amount }), {
        count: 0,
        amount: 0,
      });
    const refunds = sum(refundSums);
    const voids = sum(voidSums);
    return {
      ...this.header(request),
      totals: { refunds: refunds.count, refunded: refunds.amount, voids: voids.count, voided: voids.amount },
      truncated: list.length === REFUND_LIST_LIMIT,
      rows: list.map((r) => ({
        id: r.id,
        kind: r.kind,
        at: new Date(r.at).toISOString(),
        orderId: r.orderId,
        branchId: r.branchId,
        branchName: names.get(r.branchId) ?? r.branchId,
        receiptNo: r.receiptNo,
        reason: r.reason,
        amount: r.amount,
        actorName: r.actorName,
      })),
    };
  }

  /** The goods on hand now at each branch, by category, at cost and at the selling price. */
  async stockValue(workspace: Workspace, branches: string[] | null) {
    const [rows, all] = await Promise.all([
      new SalesReportRepository(this.store.db).stockValue(workspace.id, branches ?? undefined),
      new BranchRepository(this.store.db).list(workspace.id, { includeArchived: true }),
    ]);
    const names = new Map(all.map((b) => [b.id, b.name]));
    return {
      filter: { branches },
      totals: {
        units: rows.reduce((s, r) => s + r.units, 0),
        costValue: rows.reduce((s, r) => s + r.costValue, 0),
        retailValue: rows.reduce((s, r) => s + r.retailValue, 0),
      },
      rows: rows.map((r) => ({ ...r, branchName: names.get(r.branchId) ?? r.branchId })),
    };
  }

  private header(request: ReportRequest) {
    return {
      period: {
        from: dayText(request.period.range.fromDay),
        to: dayText(request.period.range.toDay),
        timezone: request.workspace.timezone,
      },
      filter: { branches: request.branches },
    };
  }

  private scope(request: ReportRequest): ReportScope {
    return {
      workspaceId: request.workspace.id,
      from: request.period.from,
      to: request.period.to,
      ...(request.branches !== null ? { branchIds: request.branches } : {}),
    };
  }

  /** The sums of every key of an order dimension: orders, their lines, refunds and refunded lines. */
  private async sums(request: ReportRequest, by: OrderKey) {
    const repo = new SalesReportRepository(this.store.db);
    const scope = this.scope(request);
    const zone = request.period.zone;
    const [orders, lines, refunds, refundLines] = await Promise.all([
      repo.orderTotals(scope, by, zone),
      repo.lineTotals(scope, by, zone),
      repo.refundTotals(scope, by, zone),
      repo.refundLineTotals(scope, by, zone),
    ]);
    const out = new Map<string, SalesSums>();
    const add = (key: string, s: Partial<SalesSums>) => out.set(key, addSums(out.get(key) ?? ZERO_SUMS, s));
    const labels = new Map<string, string>();
    for (const o of orders) {
      add(o.key, { orders: o.orders, sales: o.sales, discounts: o.discounts, tax: o.tax });
      if (o.label !== null) labels.set(o.key, o.label);
    }
    for (const l of lines) add(l.key, { net: l.net, cost: l.cost });
    for (const r of refunds) add(r.key, { refunds: r.refunds, refunded: r.amount });
    for (const r of refundLines) {
      add(r.key, { refundedNet: r.net, refundedCost: r.cost });
      if (r.label !== null && !labels.has(r.key)) labels.set(r.key, r.label);
    }
    return { sums: out, labels };
  }

  private dimension<T extends object>(
    request: ReportRequest,
    keys: Set<string>,
    sums: Map<string, SalesSums>,
    describe: (key: string) => T,
  ) {
    let totals = ZERO_SUMS;
    for (const s of sums.values()) totals = addSums(totals, s);
    return {
      ...this.header(request),
      totals: salesFigures(totals),
      rows: [...keys]
        .map((key) => ({ ...describe(key), ...salesFigures(sums.get(key) ?? ZERO_SUMS) }))
        .sort((a, b) => b.netSales - a.netSales),
    };
  }

  private async lineFigures(request: ReportRequest, by: LineKey) {
    const repo = new SalesReportRepository(this.store.db);
    const scope = this.scope(request);
    const [sold, back] = await Promise.all([
      repo.lineTotals(scope, by, request.period.zone),
      repo.refundLineTotals(scope, by, request.period.zone),
    ]);
    const rows = new Map<string, [LineTotals | undefined, RefundLineTotals | undefined]>();
    for (const s of sold) rows.set(s.key, [s, undefined]);
    for (const b of back) rows.set(b.key, [rows.get(b.key)?.[0], b]);
    return [...rows.values()];
  }
}

type LineSums = Pick<LineTotals, 'quantity' | 'sales' | 'net' | 'cost'>;
type RefundSums = Pick<RefundLineTotals, 'quantity' | 'amount' | 'net' | 'cost'>;
const emptyLine = (): LineSums => ({ quantity: 0, sales: 0, net: 0, cost: 0 });
const emptyRefund = (): RefundSums => ({ quantity: 0, amount: 0, net: 0, cost: 0 });

function addLine(s: LineSums, [l]: [LineSums | undefined, unknown]): LineSums {
  return l
    ? {
        quantity: s.quantity + l.quantity,
        sales: s.sales + l.sales,
        net: s.net + l.net,
        cost: s.cost + l.cost,
      }
    : s;
}

function addRefund(s: RefundSums, [, r]: [unknown, RefundSums | undefined]): RefundSums {
  return r
    ? {
        quantity: s.quantity + r.quantity,
        amount: s.amount + r.amount,
        net: s.net + r.net,
        cost: s.cost + r.cost,
      }
    : s;
}

function productFigures(sold: LineSums, back: RefundSums): ProductFigures {
  const f: SalesFigures = salesFigures({
    ...ZERO_SUMS,
    sales: sold.sales,
    net: sold.net,
    cost: sold.cost,
    refunded: back.amount,
    refundedNet: back.net,
    refundedCost: back.cost,
  });
  return {
    quantity: sold.quantity,
    refundedQuantity: back.quantity,
    sales: f.sales,
    refunded: f.refunded,
    netSales: f.netSales,
    revenue: f.revenue,
    cost: f.cost,
    grossProfit: f.grossProfit,
    margin: f.margin,
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
