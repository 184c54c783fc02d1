import { randomUUID } from 'node:crypto';
import {
  normalizeCode,
  planPromotions,
  refuse,
  refusalMessage,
  type PromotionCandidate,
  type PromotionContext,
  type PromotionPlan,
  type PromotionRefusal,
} from '@jejak/core';
import { PromotionRepository, type Branch, type Customer, type Executor, type Product } from '@jejak/storage';
import { conflict } from '../http/http-error.ts';
import type { SalesJourney } from '../sales/sales-journey.ts';
import type { PromotionAudience } from './promotion-audience.ts';
import { promotionOf } from './promotion.mapping.ts';
import { withNames } from './refusal-names.ts';

export interface PromotionCart {
  workspaceId: string;
  branch: Branch;
  customer: Customer | undefined;
  /** Cart lines, each with what it costs after its own (manual) discount. */
  lines: readonly { productId: string; quantity: number; net: number }[];
  products: ReadonlyMap<string, Product>;
  codes: readonly string[];
  at: number;
}

export interface PlannedPromotions {
  plan: PromotionPlan;
  context: PromotionContext;
  /** The stored code rows of the applied codes, by code. */
  codeIds: ReadonlyMap<string, string>;
}

/**
 * The promotions' part of a checkout, inside its transaction: which promotions the cart gets
 * (core's planPromotions over what storage counts), then their uses taken with a conditional UPDATE
 * once the order is stored, and given back when the order is voided or wholly refunded.
 */
export class PromotionCheckout {
  constructor(
    private readonly audience: PromotionAudience,
    private readonly journey: SalesJourney,
  ) {}

  audienceOf(db: Executor, workspaceId: string, customer: Customer) {
    return this.audience.of(db, workspaceId, customer);
  }

  async plan(db: Executor, cart: PromotionCart): Promise<PlannedPromotions> {
    const repo = new PromotionRepository(db);
    const codes = [...new Set(cart.codes.map(normalizeCode))];
    const [automaticRows, codeRows] = await Promise.all([
      repo.listAutomatic(cart.workspaceId),
      repo.findCodes(cart.workspaceId, codes),
    ]);
    const codeByText = new Map(codeRows.map((c) => [c.code, c]));
    const codePromotions = new Map(
      (await repo.getMany(cart.workspaceId, [...new Set(codeRows.map((c) => c.promotion_id))])).map((p) => [
        p.id,
        p,
      ]),
    );
    const facts = cart.customer ? await this.audience.of(db, cart.workspaceId, cart.customer) : null;
    const context: PromotionContext = {
      at: cart.at,
      timeZone: cart.branch.timezone,
      branchId: cart.branch.id,
      customer: cart.customer && facts ? { id: cart.customer.id, ...facts } : null,
      lines: cart.lines.map((l) => {
        const product = cart.products.get(l.productId)!;
        return {
          productId: product.id,
          category: product.category,
          quantity: l.quantity,
          unitPrice: product.price,
          net: l.net,
        };
      }),
    };
    const usage = async (promotionId: string, uses: number) => ({
      total: uses,
      byCustomer: cart.customer
        ? await repo.customerUses(cart.workspaceId, promotionId, cart.customer.id)
        : 0,
    });
    const automatic: PromotionCandidate[] = await Promise.all(
      automaticRows.map(async (row) => ({
        promotion: promotionOf(row),
        usage: await usage(row.id, row.uses),
      })),
    );
    const entered = await Promise.all(
      codes.map(async (code) => {
        const row = codeByText.get(code);
        const promotion = row ? codePromotions.get(row.promotion_id) : undefined;
        if (!row || !promotion) return { code, promotion: null };
        return {
          code,
          promotion: promotionOf(promotion),
          usage: {
            ...(await usage(promotion.id, promotion.uses)),
            code: { uses: row.uses, maxUses: row.max_uses, customerId: row.customer_id },
          },
        };
      }),
    );
    const plan = planPromotions(automatic, entered, context);
    return { plan, context, codeIds: new Map(codeRows.map((c) => [c.code, c.id])) };
  }

  /**
   * Takes a use of every applied promotion for a stored order, in promotion id order (so two checkouts
   * never lock promotion rows in opposite orders), and records the redemptions. A use that is no longer
   * there (a concurrent checkout took the last one) refuses the sale with its reason.
   */
  async redeem(
    db: Executor,
    planned: PlannedPromotions,
    order: {
      id: string;
      workspace_id: string;
      branch_id: string;
      customer_id: string | null;
      total: number;
      completed_at: number;
      receipt_no: number;
    },
  ): Promise<void> {
    const repo = new PromotionRepository(db);
    const applied = [...planned.plan.applied].sort((a, b) => (a.promotion.id < b.promotion.id ? -1 : 1));
    for (const a of applied) {
      const codeId = a.code !== undefined ? (planned.codeIds.get(a.code) ?? null) : null;
      const taken = await repo.claim(order.workspace_id, a.promotion.id, codeId);
      if (taken !== 'ok') {
        const limit = taken === 'promotion' ? (a.promotion.totalLimit ?? 0) : 1;
        throw refused(
          a.code ?? a.promotion.name,
          refuse('limit_reached', { limit }),
          planned.context.timeZone,
        );
      }
      const limit = a.promotion.perCustomerLimit;
      if (limit !== null && order.customer_id !== null) {
        // Counted after the claim: on PostgreSQL the promotion's row is now ours, so a concurrent
        // checkout of this customer has committed its redemption (or waits for ours).
        const used = await repo.customerUses(order.workspace_id, a.promotion.id, order.customer_id);
        if (used >= limit)
          throw refused(
            a.code ?? a.promotion.name,
            refuse('customer_limit_reached', { limit }),
            planned.context.timeZone,
          );
      }
    }
    await repo.insertRedemptions(
      planned.plan.applied.map((a) => ({
        id: randomUUID(),
        workspace_id: order.workspace_id,
        promotion_id: a.promotion.id,
        code_id: a.code !== undefined ? (planned.codeIds.get(a.code) ?? null) : null,
        code: a.code ?? null,
        order_id: order.id,
        branch_id: order.branch_id,
        customer_id: order.customer_id,
        discount: a.discount,
        order_total: order.total,
        at: order.completed_at,
        reversed_at: null,
      })),
    );
    if (order.customer_id === null) return;
    for (const a of planned.plan.applied) {
      await this.journey.emit(db, {
        workspaceId: order.workspace_id,
        customerId: order.customer_id,
        messageId: `voucher-redeemed:${order.id}:${a.promotion.id}`,
        type: 'track',
        name: 'Voucher Redeemed',
        at: order.completed_at,
        properties: {
          order_id: order.id,
          receipt_no: order.receipt_no,
          promotion_id: a.promotion.id,
          promotion: a.promotion.name,
          coupon: a.code ?? null,
          discount: a.discount,
          currency: 'IDR',
          branch_id: order.branch_id,
        },
      });
    }
  }

  /** Gives back the uses an order took; for a void or a refund that leaves nothing of the sale. */
  reverse(db: Executor, workspaceId: string, orderId: string, at: number) {
    return new PromotionRepository(db).reverseOrder(workspaceId, orderId, at);
  }

  /** Refuses the sale when an entered code does not apply, with the first such code's reason. */
  async refuseUnapplied(db: Executor, workspaceId: string, planned: PlannedPromotions): Promise<void> {
    const first = planned.plan.refused[0];
    if (first)
      throw refused(first.code, await withNames(db, workspaceId, first.refusal), planned.context.timeZone);
  }
}

/** The 409 a checkout answers when an entered code does not apply: its reason in both languages. */
export function refused(code: string, refusal: PromotionRefusal, timeZone: string) {
  return conflict(
    `Voucher ${code} cannot be used: ${refusalMessage(refusal, 'en', timeZone)}`,
    {
      code,
      reason: refusal.code,
      values: refusal.values,
      messages: { id: refusalMessage(refusal, 'id', timeZone), en: refusalMessage(refusal, 'en', timeZone) },
    },
    'voucher_refused',
  );
}
