import type { PaymentMethod } from '@jejak/core';
import type { Branch, Customer, LoyaltyOrder, Order, OrderRecord } from '@jejak/storage';
import type { OrderPromotionView } from '../promotions/promotion.schemas.ts';
import type { OrderView } from './sales.schemas.ts';

/** An order as the API shows it: money in whole Rupiah, its lines, payments and history. */
export function orderView(
  record: OrderRecord,
  branch: Branch,
  customer: Customer | undefined,
  points?: LoyaltyOrder,
  promotions: OrderPromotionView[] = [],
): OrderView {
  const { order } = record;
  return {
    id: order.id,
    receiptNo: order.receipt_no,
    branchId: order.branch_id,
    branchName: branch.name,
    source: order.source,
    externalRef: order.external_ref,
    customer: customer ? { id: customer.id, name: customer.name, phone: customer.phone } : null,
    employeeName: order.employee_name,
    status: order.status,
    subtotal: order.subtotal,
    promotionDiscount: order.promotion_discount,
    promotions,
    orderDiscount: order.order_discount,
    discountTotal: order.discount_total,
    taxTotal: order.tax_total,
    taxRateBp: order.tax_rate_bp,
    taxMode: order.tax_mode,
    total: order.total,
    changeDue: order.change_due,
    refundedTotal: order.refunded_total,
    note: order.note,
    completedAt: order.completed_at,
    shareToken: order.share_token,
    loyalty: points
      ? {
          earned: points.earned,
          redeemed: points.redeemed,
          redeemValue: points.redeem_value,
          takenBack: points.taken_back,
          returned: points.returned,
          balanceAfter: points.balance_after,
          tier: points.tier_key,
        }
      : null,
    lines: record.lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      gross: l.gross,
      lineDiscount: l.line_discount,
      promotionDiscount: l.promotion_discount,
      orderDiscountShare: l.order_discount_share,
      tax: l.tax,
      total: l.total,
      refundedQuantity: l.refunded_quantity,
      refundedAmount: l.refunded_amount,
    })),
    payments: record.payments.map((p) => ({
      id: p.id,
      method: p.method as PaymentMethod,
      label: p.label,
      reference: p.reference,
      amount: p.amount,
      tendered: p.tendered,
      change: p.change,
      refundedAmount: p.refunded_amount,
    })),
    history: record.refunds.map((r) => ({
      id: r.id,
      kind: r.kind,
      reason: r.reason,
      amount: r.amount,
      restocked: r.restocked === 1,
      actorName: r.actor_label,
      actorRole: r.actor_role,
      at: r.at,
      lines: r.lines.map((l) => ({ lineId: l.order_line_id, quantity: l.quantity, amount: l.amount })),
      payments: r.payments.map((p) => ({ method: p.method as PaymentMethod, amount: p.amount })),
    })),
  };
}

export function orderSummary(order: Order) {
  return {
    id: order.id,
    receiptNo: order.receipt_no,
    branchId: order.branch_id,
    customerId: order.customer_id,
    employeeName: order.employee_name,
    status: order.status,
    total: order.total,
    refundedTotal: order.refunded_total,
    completedAt: order.completed_at,
  };
}
