import { randomBytes, randomUUID } from 'node:crypto';
import {
  fromMinorUnits,
  planPayments,
  type Channel,
  type PlannedOrder,
  type PlannedRefund,
  type SalePlan,
} from '@jejak/core';
import {
  IdentityRepository,
  OrderRepository,
  ProductRepository,
  type Branch,
  type Executor,
  type NewOrder,
  type NewOrderLine,
  type NewOrderPayment,
  type NewProduct,
  type Store,
} from '@jejak/storage';
import type { IngestService } from '../ingest/ingest.service.ts';
import { refundPlanOf } from '../sales/refund.service.ts';
import type { Stored } from './import-summary.ts';
import { IMPORT_BATCH, priceImported } from './import-pricing.ts';

export interface WriterContext {
  workspaceId: string;
  branch: Branch;
  source: string;
  channel: Channel;
  currency: string;
  now: () => number;
}

type Item = { kind: 'order'; order: PlannedOrder } | { kind: 'refund'; refund: PlannedRefund };

/** An event for `IngestService.emit`, kept with its time so a batch emits them oldest first. */
type Message = Record<string, unknown> & { timestamp: string };

/** Products in the event's property: enough for analytics, well inside Segment's 32 KB per event. */
const MAX_EVENT_PRODUCTS = 100;

/**
 * Writes a planned import, oldest first, in transactions of IMPORT_BATCH orders and refunds. In each:
 * the products of new SKUs, the customers (an identify per customer, with the file's traits), the orders
 * and their lines and payment, the refunds through `recordRefund` (amounts by `planRefund`, never more
 * than was paid), and last the `Order Completed` / `Order Refunded` events, oldest first, through the
 * ingestion path, which moves the journeys in the same transaction.
 */
export class SalesImportWriter {
  private readonly productIds = new Map<string, string>();
  private readonly identified = new Set<string>();
  private readonly label: string;

  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    private readonly ctx: WriterContext,
  ) {
    this.label = `Import ${ctx.source}`;
  }

  /** Writes what is not stored yet; reports lines written after each batch. Returns the refunded amount. */
  async write(plan: SalePlan, stored: Stored, onLines: (done: number) => void): Promise<number> {
    const items: Item[] = [
      ...plan.orders
        .filter((o) => !stored.orders.has(o.ref))
        .map((order) => ({ kind: 'order' as const, order })),
      ...plan.refunds
        .filter((r) => !stored.refunds.has(r.ref))
        .map((refund) => ({ kind: 'refund' as const, refund })),
    ].sort((a, b) => atOf(a) - atOf(b) || (a.kind === b.kind ? 0 : a.kind === 'order' ? -1 : 1));
    const prices = latestPrices(plan.orders);
    let done = 0;
    let refunded = 0;
    for (let i = 0; i < items.length; i += IMPORT_BATCH) {
      const batch = items.slice(i, i + IMPORT_BATCH);
      refunded += await this.ingest.transact((trx) => this.writeBatch(trx, batch, prices));
      done += batch.reduce(
        (s, it) =>
          s +
          (it.kind === 'order' ? it.order.lines.length : new Set(it.refund.lines.map((l) => l.line)).size),
        0,
      );
      onLines(done);
    }
    return refunded;
  }

  private async writeBatch(trx: Executor, batch: readonly Item[], prices: ReadonlyMap<string, PriceSeen>) {
    const { workspaceId, source } = this.ctx;
    const orders = batch.flatMap((it) => (it.kind === 'order' ? [it.order] : []));
    const refunds = batch.flatMap((it) => (it.kind === 'refund' ? [it.refund] : []));
    await this.ensureProducts(trx, orders, prices);
    await this.identify(trx, orders);
    const customers = await this.customerIds(trx, [
      ...orders.map((o) => o.customer),
      ...refunds.map((r) => r.customer),
    ]);
    const messages: Message[] = [];
    await this.insertOrders(trx, orders, customers, messages);
    let refunded = 0;
    const repository = new OrderRepository(trx);
    for (const refund of refunds) {
      const [order] = await repository.getByExternalRefs(workspaceId, source, [refund.orderRef]);
      if (!order) throw new Error(`refund ${refund.ref}: its order ${refund.orderRef} was not stored`);
      const record = await repository.record(order);
      // Two lines of one cancellation may give back the same order line: one refund line for both.
      const units = new Map<number, number>();
      for (const l of refund.lines) units.set(l.orderLine, (units.get(l.orderLine) ?? 0) + l.quantity);
      const lines = [...units].map(([n, quantity]) => ({ lineId: record.lines[n]!.id, quantity }));
      const plan = refundPlanOf(record, { lines });
      const fully = record.lines.every(
        (l) =>
          l.refunded_quantity + (plan.lines.find((p) => p.lineId === l.id)?.quantity ?? 0) === l.quantity,
      );
      const refundId = randomUUID();
      const recorded = await repository.recordRefund(
        {
          refund: {
            id: refundId,
            workspace_id: workspaceId,
            order_id: order.id,
            kind: 'refund',
            reason: `Cancellation ${refund.cancellation} (imported)`,
            amount: plan.amount,
            restocked: 0,
            actor_id: null,
            actor_label: this.label,
            actor_role: null,
            at: refund.at,
            source,
            external_ref: refund.ref,
          },
          lines: plan.lines.map((l) => ({ orderLineId: l.lineId, quantity: l.quantity, amount: l.amount })),
          payments: plan.payments,
        },
        order.version,
        fully ? 'refunded' : 'partially_refunded',
      );
      if (!recorded)
        throw new Error(`refund ${refund.ref}: order ${refund.orderRef} changed during the import`);
      refunded += plan.amount;
      if (order.customer_id === null) continue;
      messages.push(
        this.track(refund.customer, `order-refunded:${refundId}`, 'Order Refunded', refund.at, {
          order_id: order.id,
          receipt_no: order.receipt_no,
          refund_id: refundId,
          total: this.major(plan.amount),
          order_total: this.major(order.total),
          full: order.refunded_total + plan.amount === order.total,
          reason: `Cancellation ${refund.cancellation} (imported)`,
          products: plan.lines.slice(0, MAX_EVENT_PRODUCTS).map((p) => {
            const line = record.lines.find((l) => l.id === p.lineId)!;
            return {
              product_id: line.product_id,
              sku: line.sku,
              name: line.name,
              quantity: p.quantity,
              refunded: this.major(p.amount),
            };
          }),
        }),
      );
    }
    messages.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
    if (messages.length > 0) await this.ingest.emit(trx, workspaceId, messages);
    return refunded;
  }

  private async insertOrders(
    trx: Executor,
    orders: readonly PlannedOrder[],
    customers: ReadonlyMap<string, string>,
    messages: Message[],
  ): Promise<void> {
    if (orders.length === 0) return;
    const { workspaceId, branch, source } = this.ctx;
    let receipt = await new OrderRepository(trx).nextReceiptNumbers(workspaceId, branch.id, orders.length);
    const rows: NewOrder[] = [];
    const lineRows: NewOrderLine[] = [];
    const payments: NewOrderPayment[] = [];
    for (const planned of orders) {
      const priced = priceImported(planned);
      // A free order (every line at no price) was paid by nothing.
      const [payment] =
        priced.total === 0
          ? []
          : planPayments(priced.total, [{ method: 'other', amount: priced.total, label: this.label }]);
      const id = randomUUID();
      const customerId = planned.customer === null ? null : (customers.get(planned.customer) ?? null);
      const order: NewOrder = {
        id,
        workspace_id: workspaceId,
        branch_id: branch.id,
        receipt_no: receipt++,
        source,
        external_ref: planned.ref,
        customer_id: customerId,
        employee_id: null,
        employee_name: this.label,
        status: 'completed',
        subtotal: priced.subtotal,
        order_discount: 0,
        discount_total: priced.discountTotal,
        tax_total: 0,
        tax_rate_bp: 0,
        tax_mode: 'included',
        total: priced.total,
        change_due: 0,
        refunded_total: 0,
        note: null,
        share_token: randomBytes(18).toString('base64url'),
        version: 0,
        completed_at: planned.at,
        created_at: this.ctx.now(),
      };
      rows.push(order);
      const lines = planned.lines.map((l, n): NewOrderLine => {
        const p = priced.lines[n]!;
        return {
          id: randomUUID(),
          workspace_id: workspaceId,
          order_id: id,
          line_no: n + 1,
          product_id: this.productIds.get(l.sku) ?? null,
          sku: l.sku,
          name: l.name,
          category: null,
          quantity: l.quantity,
          unit_price: l.unitPrice,
          unit_cost: 0,
          gross: p.gross,
          line_discount: p.lineDiscount,
          order_discount_share: 0,
          tax: 0,
          total: p.total,
          refunded_quantity: 0,
          refunded_amount: 0,
        };
      });
      lineRows.push(...lines);
      if (payment)
        payments.push({
          id: randomUUID(),
          workspace_id: workspaceId,
          order_id: id,
          seq: 1,
          method: payment.method,
          label: payment.label,
          reference: null,
          amount: payment.amount,
          tendered: payment.tendered,
          change: 0,
          refunded_amount: 0,
        });
      if (customerId !== null && planned.customer !== null) {
        messages.push(
          this.track(planned.customer, `order-completed:${id}`, 'Order Completed', planned.at, {
            order_id: id,
            receipt_no: order.receipt_no,
            external_ref: planned.ref,
            total: this.major(priced.total),
            revenue: this.major(priced.total),
            subtotal: this.major(priced.subtotal),
            discount: this.major(priced.discountTotal),
            tax: 0,
            branch_id: branch.id,
            branch: branch.name,
            payment_methods: ['other'],
            products: lines.slice(0, MAX_EVENT_PRODUCTS).map((l) => ({
              product_id: l.product_id,
              sku: l.sku,
              name: l.name,
              price: this.major(l.unit_price),
              quantity: l.quantity,
            })),
            products_count: lines.length,
          }),
        );
      }
    }
    await new OrderRepository(trx).insertMany(rows, lineRows, payments);
  }

  /** Creates the products of SKUs the workspace does not have, at the latest price the file sold them for. */
  private async ensureProducts(
    trx: Executor,
    orders: readonly PlannedOrder[],
    prices: ReadonlyMap<string, PriceSeen>,
  ) {
    const skus = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.sku)))].filter(
      (s) => !this.productIds.has(s),
    );
    if (skus.length === 0) return;
    const products = new ProductRepository(trx);
    for (const p of await products.getBySkus(this.ctx.workspaceId, skus)) this.productIds.set(p.sku, p.id);
    const now = this.ctx.now();
    const fresh: NewProduct[] = skus
      .filter((s) => !this.productIds.has(s))
      .map((sku) => {
        const seen = prices.get(sku)!;
        return {
          id: randomUUID(),
          workspace_id: this.ctx.workspaceId,
          sku,
          barcode: null,
          name: seen.name,
          category: null,
          unit: 'pcs',
          price: seen.price,
          cost: 0,
          active: 1,
          track_stock: 1,
          created_at: now,
          updated_at: now,
        };
      });
    await products.insertMissing(fresh);
    for (const p of fresh) this.productIds.set(p.sku, p.id);
  }

  /** One identify per customer per import, at their first order, with the file's traits (a repeat is a no-op). */
  private async identify(trx: Executor, orders: readonly PlannedOrder[]) {
    const messages: Message[] = [];
    for (const order of orders) {
      if (order.customer === null || this.identified.has(order.customer)) continue;
      this.identified.add(order.customer);
      messages.push({
        type: 'identify',
        messageId: `import:${this.ctx.source}:customer:${order.customer}`,
        userId: order.customer,
        timestamp: new Date(order.at).toISOString(),
        traits: { ...order.traits },
        context: { channel: this.ctx.channel, library: { name: 'jejak-import' } },
      });
    }
    if (messages.length > 0) await this.ingest.emit(trx, this.ctx.workspaceId, messages);
  }

  private async customerIds(trx: Executor, refs: readonly (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(refs.filter((r): r is string => r !== null))];
    const keys = await new IdentityRepository(trx).find(
      this.ctx.workspaceId,
      wanted.map((value) => ({ kind: 'user_id', value })),
    );
    return new Map(keys.map((k) => [k.value, k.customer_id]));
  }

  /** Events carry money in the currency's major unit, as Segment clients send it (orders store minor units). */
  private major(amount: number): number {
    return fromMinorUnits(amount, this.ctx.currency);
  }

  private track(
    userId: string,
    messageId: string,
    event: string,
    at: number,
    properties: Record<string, unknown>,
  ): Message {
    return {
      type: 'track',
      messageId,
      userId,
      event,
      timestamp: new Date(at).toISOString(),
      properties: { ...properties, currency: this.ctx.currency, source: this.ctx.source },
      context: { channel: this.ctx.channel, library: { name: 'jejak-import' } },
    };
  }
}

interface PriceSeen {
  at: number;
  price: number;
  name: string;
}

/** Each SKU's latest unit price and name in the file: what a product created from it starts with. */
function latestPrices(orders: readonly PlannedOrder[]): Map<string, PriceSeen> {
  const out = new Map<string, PriceSeen>();
  for (const order of orders) {
    for (const line of order.lines) {
      const seen = out.get(line.sku);
      if (!seen || seen.at <= order.at)
        out.set(line.sku, { at: order.at, price: line.unitPrice, name: line.name });
    }
  }
  return out;
}

function atOf(item: Item): number {
  return item.kind === 'order' ? item.order.at : item.refund.at;
}
