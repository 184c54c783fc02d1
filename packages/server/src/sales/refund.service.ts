import { randomUUID } from 'node:crypto';
import {
  PricingError,
  planRefund,
  type PaymentMethod,
  type RefundPlan,
  type RefundRequest,
} from '@jejak/core';
import {
  BranchRepository,
  OrderRepository,
  ProductRepository,
  writeTransaction,
  type Executor,
  type Order,
  type OrderRecord,
  type OrderStatus,
  type Store,
  type StockMovementKind,
} from '@jejak/storage';
import { badRequest, conflict, notFound } from '../http/http-error.ts';
import type { ReferralService } from '../referrals/referral.service.ts';
import type { PromotionCheckout } from '../promotions/promotion-checkout.ts';
import type { Actor } from './actor.ts';
import type { LoyaltyService } from '../loyalty/loyalty.service.ts';
import type { OrderService } from './order.service.ts';
import type { SalesJourney } from './sales-journey.ts';
import type { OrderView, RefundBody } from './sales.schemas.ts';
import { moveStock } from './stock.service.ts';

/**
 * Refunds (some or all lines, money back through the order's own payments) and voids (the whole sale
 * cancelled). Both need a reason, are kept in the order's history, put the goods back in stock and
 * emit their journey event (`Order Refunded`, `Order Cancelled`) in the same transaction. Who may do
 * them is the route's permission (`sales.refund`: managers and above).
 */
export class RefundService {
  constructor(
    private readonly store: Store,
    private readonly orders: OrderService,
    private readonly journey: SalesJourney,
    private readonly loyalty: LoyaltyService,
    private readonly now: () => number,
    private readonly promotions: PromotionCheckout,
    private readonly referrals: ReferralService,
  ) {}

  async refund(
    workspaceId: string,
    branchId: string,
    orderId: string,
    body: RefundBody,
    actor: Actor,
  ): Promise<OrderView> {
    const reason = checkReason(body.reason);
    return writeTransaction(this.store, async (trx) => {
      const record = await this.load(trx, workspaceId, branchId, orderId);
      if (record.order.status === 'voided')
        throw conflict(`Order ${orderId} was voided; nothing is left to refund`);
      const refundPlan = plan(record, { lines: body.lines, ...(body.payTo ? { payTo: body.payTo } : {}) });
      const fully = record.lines.every(
        (l) =>
          l.refunded_quantity + (refundPlan.lines.find((p) => p.lineId === l.id)?.quantity ?? 0) ===
          l.quantity,
      );
      await this.apply(trx, record, refundPlan, {
        kind: 'refund',
        status: fully ? 'refunded' : 'partially_refunded',
        reason,
        restock: body.restock !== false,
        actor,
      });
      return this.orders.view(trx, (await new OrderRepository(trx).get(workspaceId, orderId))!);
    });
  }

  /** Cancels a whole sale that has no refund yet: every line back, every payment returned. */
  async void(
    workspaceId: string,
    branchId: string,
    orderId: string,
    reasonInput: string,
    actor: Actor,
  ): Promise<OrderView> {
    const reason = checkReason(reasonInput);
    return writeTransaction(this.store, async (trx) => {
      const record = await this.load(trx, workspaceId, branchId, orderId);
      if (record.order.status === 'voided') throw conflict(`Order ${orderId} is already voided`);
      if (record.order.refunded_total > 0 || record.lines.some((l) => l.refunded_quantity > 0)) {
        throw conflict(`Order ${orderId} has refunds already; refund what is left instead of voiding`);
      }
      const everything = plan(record, {
        lines: record.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })),
      });
      await this.apply(trx, record, everything, {
        kind: 'void',
        status: 'voided',
        reason,
        restock: true,
        actor,
      });
      return this.orders.view(trx, (await new OrderRepository(trx).get(workspaceId, orderId))!);
    });
  }

  private async apply(
    db: Executor,
    record: OrderRecord,
    refundPlan: RefundPlan,
    how: { kind: 'refund' | 'void'; status: OrderStatus; reason: string; restock: boolean; actor: Actor },
  ): Promise<void> {
    const { order } = record;
    const refundId = randomUUID();
    const at = this.now();
    const recorded = await new OrderRepository(db).recordRefund(
      {
        refund: {
          id: refundId,
          workspace_id: order.workspace_id,
          order_id: order.id,
          kind: how.kind,
          reason: how.reason,
          amount: refundPlan.amount,
          restocked: how.restock ? 1 : 0,
          actor_id: how.actor.id,
          actor_label: how.actor.name,
          actor_role: how.actor.role,
          at,
        },
        lines: refundPlan.lines.map((l) => ({
          orderLineId: l.lineId,
          quantity: l.quantity,
          amount: l.amount,
        })),
        payments: refundPlan.payments,
      },
      order.version,
      how.status,
    );
    if (!recorded) throw conflict(`Order ${order.id} was changed by someone else meanwhile; open it again`);
    if (how.restock)
      await this.restock(
        db,
        record,
        refundPlan,
        refundId,
        how.kind === 'void' ? 'voided' : 'returned',
        how.actor,
        at,
      );
    if (order.customer_id !== null) {
      await this.emit(db, record, refundPlan, refundId, how, at);
      await this.loyalty.reverseSale(db, {
        order,
        refundId,
        ...refundedShare(record, refundPlan),
        full: how.status === 'refunded' || how.status === 'voided',
        actor: how.actor,
      });
      await this.referrals.afterRefund(
        db,
        order,
        {
          id: refundId,
          ...refundedShare(record, refundPlan),
          full: how.status === 'refunded' || how.status === 'voided',
        },
        how.actor,
      );
    }
    // A voucher's use comes back when nothing of the sale is left; a partial refund keeps it used.
    if (how.status === 'voided' || how.status === 'refunded')
      await this.promotions.reverse(db, order.workspace_id, order.id, at);
  }

  private async restock(
    db: Executor,
    record: OrderRecord,
    refundPlan: RefundPlan,
    refundId: string,
    kind: StockMovementKind,
    actor: Actor,
    at: number,
  ): Promise<void> {
    const { order } = record;
    const back = new Map<string, number>();
    for (const planned of refundPlan.lines) {
      const line = record.lines.find((l) => l.id === planned.lineId)!;
      if (line.product_id !== null)
        back.set(line.product_id, (back.get(line.product_id) ?? 0) + planned.quantity);
    }
    const products = new Map(
      (await new ProductRepository(db).getMany(order.workspace_id, [...back.keys()])).map((p) => [p.id, p]),
    );
    for (const productId of [...back.keys()].sort()) {
      const product = products.get(productId);
      if (!product || product.track_stock !== 1) continue;
      await moveStock(
        db,
        {
          workspaceId: order.workspace_id,
          branchId: order.branch_id,
          productId,
          kind,
          quantity: back.get(productId)!,
          orderId: order.id,
          refundId,
          actorId: actor.id,
          actorLabel: actor.name,
          at,
        },
        true,
        product.name,
      );
    }
  }

  private async emit(
    db: Executor,
    record: OrderRecord,
    refundPlan: RefundPlan,
    refundId: string,
    how: { kind: 'refund' | 'void'; reason: string; actor: Actor },
    at: number,
  ): Promise<void> {
    const { order } = record;
    const branch = await new BranchRepository(db).get(order.workspace_id, order.branch_id);
    const common = {
      order_id: order.id,
      receipt_no: order.receipt_no,
      currency: 'IDR',
      reason: how.reason,
      branch_id: order.branch_id,
      branch: branch?.name ?? null,
      employee_id: how.actor.id,
      employee: how.actor.name,
    };
    const products = refundPlan.lines.map((p) => {
      const line = record.lines.find((l) => l.id === p.lineId)!;
      return {
        product_id: line.product_id,
        sku: line.sku,
        name: line.name,
        quantity: p.quantity,
        refunded: p.amount,
      };
    });
    await this.journey.emit(db, {
      workspaceId: order.workspace_id,
      customerId: order.customer_id!,
      messageId: how.kind === 'void' ? `order-cancelled:${order.id}` : `order-refunded:${refundId}`,
      type: 'track',
      // A void undoes a mistake at the till: Segment's `Order Cancelled`, not a refund the customer asked for.
      name: how.kind === 'void' ? 'Order Cancelled' : 'Order Refunded',
      at,
      properties: {
        ...common,
        refund_id: refundId,
        total: refundPlan.amount,
        order_total: order.total,
        full: order.refunded_total + refundPlan.amount === order.total,
        payment_methods: [...new Set(refundPlan.payments.map((p) => p.method))],
        products,
      },
    });
  }

  private async load(
    db: Executor,
    workspaceId: string,
    branchId: string,
    orderId: string,
  ): Promise<OrderRecord> {
    const order: Order | undefined = await new OrderRepository(db).get(workspaceId, orderId);
    if (!order || order.branch_id !== branchId) throw notFound(`Order ${orderId}`);
    return new OrderRepository(db).record(order);
  }
}

/** What a refund of a stored order gives back (`planRefund` over its lines and payments as stored). */
export function refundPlanOf(record: OrderRecord, request: RefundRequest): RefundPlan {
  return planRefund(
    record.lines.map((l) => ({
      id: l.id,
      quantity: l.quantity,
      total: l.total,
      refundedQuantity: l.refunded_quantity,
      refundedAmount: l.refunded_amount,
    })),
    record.payments.map((p) => ({
      id: p.id,
      method: p.method as PaymentMethod,
      amount: p.amount,
      refundedAmount: p.refunded_amount,
    })),
    request,
  );
}

function plan(record: OrderRecord, request: RefundRequest): RefundPlan {
  try {
    return refundPlanOf(record, request);
  } catch (error) {
    if (error instanceof PricingError)
      throw badRequest(`body/${error.message}`, { path: `body/${error.path}` });
    throw error;
  }
}

/**
 * How much of the order is refunded once this refund is done, and of how much: in Rupiah, or in units
 * for a sale that cost nothing (paid wholly with points).
 */
function refundedShare(record: OrderRecord, refundPlan: RefundPlan): { refunded: number; of: number } {
  if (record.order.total > 0) {
    return { refunded: record.order.refunded_total + refundPlan.amount, of: record.order.total };
  }
  const units = record.lines.reduce((s, l) => s + l.quantity, 0);
  const refunded =
    record.lines.reduce((s, l) => s + l.refunded_quantity, 0) +
    refundPlan.lines.reduce((s, l) => s + l.quantity, 0);
  return { refunded, of: units };
}

function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3) throw badRequest('body/reason must say why, in at least 3 characters');
  return trimmed;
}
