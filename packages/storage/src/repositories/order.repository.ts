import { sql } from 'kysely';
import type {
  NewOrder,
  NewOrderLine,
  NewOrderPayment,
  NewOrderRefund,
  Order,
  OrderLine,
  OrderPayment,
  OrderRefund,
  OrderRefundLine,
  OrderRefundPayment,
  OrderStatus,
} from '../sales.schema.ts';
import { chunks, type Executor } from './executor.ts';
import { decodeCursor, toPage, type Page } from './page.ts';

export interface OrderListOptions {
  /** The branches the caller may see; `all` for everyone above a manager. */
  branchIds: readonly string[] | 'all';
  from?: number;
  to?: number;
  customerId?: string;
  limit: number;
  cursor?: string | null;
}

export interface RefundRecord {
  refund: NewOrderRefund;
  lines: { orderLineId: string; quantity: number; amount: number }[];
  payments: { paymentId: string; method: string; amount: number }[];
}

/** An order with everything that hangs off it. */
export interface OrderRecord {
  order: Order;
  lines: OrderLine[];
  payments: OrderPayment[];
  refunds: (OrderRefund & { lines: OrderRefundLine[]; payments: OrderRefundPayment[] })[];
}

export class OrderRepository {
  constructor(private readonly db: Executor) {}

  /** The next receipt number of a branch; the counter row is locked until the transaction ends. */
  async nextReceiptNumbers(workspaceId: string, branchId: string, count = 1): Promise<number> {
    await this.db
      .insertInto('order_counters')
      .values({ workspace_id: workspaceId, branch_id: branchId, last_no: 0 })
      .onConflict((oc) => oc.columns(['workspace_id', 'branch_id']).doNothing())
      .execute();
    const row = await this.db
      .updateTable('order_counters')
      .set({ last_no: sql`last_no + ${count}` })
      .where('workspace_id', '=', workspaceId)
      .where('branch_id', '=', branchId)
      .returning('last_no')
      .executeTakeFirstOrThrow();
    return row.last_no - count + 1;
  }

  /**
   * Stores an order with its lines and payments. An order whose (workspace, source, external_ref) is
   * already stored is not written again: false comes back, and the caller reads the stored one.
   */
  async insert(order: NewOrder, lines: readonly NewOrderLine[], payments: readonly NewOrderPayment[]) {
    const inserted = await this.db
      .insertInto('orders')
      .values(order)
      .onConflict((oc) => oc.columns(['workspace_id', 'source', 'external_ref']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    for (const part of chunks(lines, 100)) await this.db.insertInto('order_lines').values(part).execute();
    for (const part of chunks(payments, 100))
      await this.db.insertInto('order_payments').values(part).execute();
    return true;
  }

  /**
   * Stores orders read from an import, with their lines and payments, a few statements per chunk. The
   * caller has left out the refs already stored (`existingRefs`); a ref stored meanwhile by another
   * import fails the unique index and rolls the caller's transaction back.
   */
  async insertMany(
    orders: readonly NewOrder[],
    lines: readonly NewOrderLine[],
    payments: readonly NewOrderPayment[],
  ): Promise<void> {
    // 26, 18 and 11 bound values a row: well under either dialect's limit per statement.
    for (const part of chunks(orders, 200)) await this.db.insertInto('orders').values(part).execute();
    for (const part of chunks(lines, 400)) await this.db.insertInto('order_lines').values(part).execute();
    for (const part of chunks(payments, 400)) await this.db.insertInto('order_payments').values(part).execute();
  }

  /** Which of these external refs of a source are stored already, as orders. */
  async existingRefs(workspaceId: string, source: string, refs: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(refs)])) {
      if (part.length === 0) continue;
      const rows = await this.db
        .selectFrom('orders')
        .select('external_ref')
        .where('workspace_id', '=', workspaceId)
        .where('source', '=', source)
        .where('external_ref', 'in', part)
        .execute();
      for (const row of rows) if (row.external_ref !== null) found.add(row.external_ref);
    }
    return found;
  }

  /** Which of these external refs of a source are stored already, as refunds. */
  async existingRefundRefs(workspaceId: string, source: string, refs: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(refs)])) {
      if (part.length === 0) continue;
      const rows = await this.db
        .selectFrom('order_refunds')
        .select('external_ref')
        .where('workspace_id', '=', workspaceId)
        .where('source', '=', source)
        .where('external_ref', 'in', part)
        .execute();
      for (const row of rows) if (row.external_ref !== null) found.add(row.external_ref);
    }
    return found;
  }

  /** The orders of a source by their external refs. */
  async getByExternalRefs(workspaceId: string, source: string, refs: readonly string[]): Promise<Order[]> {
    const rows: Order[] = [];
    for (const part of chunks([...new Set(refs)])) {
      if (part.length === 0) continue;
      rows.push(
        ...(await this.db
          .selectFrom('orders')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('source', '=', source)
          .where('external_ref', 'in', part)
          .execute()),
      );
    }
    return rows;
  }

  get(workspaceId: string, id: string): Promise<Order | undefined> {
    return this.db
      .selectFrom('orders')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  getByExternalRef(workspaceId: string, source: string, externalRef: string): Promise<Order | undefined> {
    return this.db
      .selectFrom('orders')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('source', '=', source)
      .where('external_ref', '=', externalRef)
      .executeTakeFirst();
  }

  getByShareToken(token: string): Promise<Order | undefined> {
    return this.db.selectFrom('orders').selectAll().where('share_token', '=', token).executeTakeFirst();
  }

  /** The order with its lines, payments and every refund or void, oldest first. */
  async record(order: Order): Promise<OrderRecord> {
    const [lines, payments, refunds] = await Promise.all([
      this.db
        .selectFrom('order_lines')
        .selectAll()
        .where('order_id', '=', order.id)
        .orderBy('line_no')
        .execute(),
      this.db
        .selectFrom('order_payments')
        .selectAll()
        .where('order_id', '=', order.id)
        .orderBy('seq')
        .execute(),
      this.db
        .selectFrom('order_refunds')
        .selectAll()
        .where('order_id', '=', order.id)
        .orderBy('at')
        .orderBy('id')
        .execute(),
    ]);
    const ids = refunds.map((r) => r.id);
    const [refundLines, refundPayments] =
      ids.length === 0
        ? [[], []]
        : await Promise.all([
            this.db.selectFrom('order_refund_lines').selectAll().where('refund_id', 'in', ids).execute(),
            this.db.selectFrom('order_refund_payments').selectAll().where('refund_id', 'in', ids).execute(),
          ]);
    return {
      order,
      lines,
      payments,
      refunds: refunds.map((r) => ({
        ...r,
        lines: refundLines.filter((l) => l.refund_id === r.id),
        payments: refundPayments.filter((p) => p.refund_id === r.id),
      })),
    };
  }

  /** Orders newest first, a page at a time. */
  async list(workspaceId: string, options: OrderListOptions): Promise<Page<Order>> {
    if (options.branchIds !== 'all' && options.branchIds.length === 0) return { items: [], nextCursor: null };
    let query = this.db.selectFrom('orders').selectAll().where('workspace_id', '=', workspaceId);
    if (options.branchIds !== 'all') query = query.where('branch_id', 'in', [...options.branchIds]);
    if (options.from !== undefined) query = query.where('completed_at', '>=', options.from);
    if (options.to !== undefined) query = query.where('completed_at', '<', options.to);
    if (options.customerId !== undefined) query = query.where('customer_id', '=', options.customerId);
    if (options.cursor) {
      const { at, id } = decodeCursor(options.cursor, 'string');
      query = query.where((eb) =>
        eb.or([eb('completed_at', '<', at), eb.and([eb('completed_at', '=', at), eb('id', '<', id)])]),
      );
    }
    const rows = await query
      .orderBy('completed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .execute();
    return toPage(rows, options.limit, (o) => ({ at: o.completed_at, id: o.id }));
  }

  /**
   * Records a refund or void against the order it names. Succeeds only if the order is still at
   * `expectedVersion` (nobody refunded it meanwhile): false otherwise, and nothing is written.
   * The CHECK constraints refuse any line or payment giving back more than it took.
   */
  async recordRefund(record: RefundRecord, expectedVersion: number, status: OrderStatus): Promise<boolean> {
    const { refund } = record;
    const claimed = await this.db
      .updateTable('orders')
      .set({
        version: expectedVersion + 1,
        status,
        refunded_total: sql`refunded_total + ${refund.amount}`,
      })
      .where('workspace_id', '=', refund.workspace_id)
      .where('id', '=', refund.order_id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return false;
    await this.db.insertInto('order_refunds').values(refund).execute();
    for (const line of record.lines) {
      await this.db
        .insertInto('order_refund_lines')
        .values({
          refund_id: refund.id,
          order_line_id: line.orderLineId,
          workspace_id: refund.workspace_id,
          quantity: line.quantity,
          amount: line.amount,
        })
        .execute();
      await this.db
        .updateTable('order_lines')
        .set({
          refunded_quantity: sql`refunded_quantity + ${line.quantity}`,
          refunded_amount: sql`refunded_amount + ${line.amount}`,
        })
        .where('id', '=', line.orderLineId)
        .where('order_id', '=', refund.order_id)
        .execute();
    }
    for (const payment of record.payments) {
      await this.db
        .insertInto('order_refund_payments')
        .values({
          refund_id: refund.id,
          payment_id: payment.paymentId,
          workspace_id: refund.workspace_id,
          method: payment.method,
          amount: payment.amount,
        })
        .execute();
      await this.db
        .updateTable('order_payments')
        .set({ refunded_amount: sql`refunded_amount + ${payment.amount}` })
        .where('id', '=', payment.paymentId)
        .where('order_id', '=', refund.order_id)
        .execute();
    }
    return true;
  }
}
