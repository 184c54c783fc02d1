import { randomBytes, randomUUID } from 'node:crypto';
import { PricingError, planPayments, priceOrder, type PlannedPayment, type PricedOrder } from '@jejak/core';
import {
  BranchRepository,
  CustomerRepository,
  OrderRepository,
  ProductRepository,
  WorkspaceRepository,
  writeTransaction,
  type Branch,
  type Customer,
  type Executor,
  type NewOrder,
  type Order,
  type Product,
  type Store,
} from '@jejak/storage';
import { badRequest, conflict, notFound } from '../http/http-error.ts';
import { orderPromotions } from '../promotions/order-promotions.ts';
import type { PromotionCheckout } from '../promotions/promotion-checkout.ts';
import type { ReferralService } from '../referrals/referral.service.ts';
import type { Actor } from './actor.ts';
import { resolveCustomer } from './counter-customer.service.ts';
import { orderView } from './order.view.ts';
import type { SalesJourney } from './sales-journey.ts';
import type { SalesSettingsService } from './sales-settings.service.ts';
import type { LoyaltyService } from '../loyalty/loyalty.service.ts';
import type { CheckoutBody, OrderView } from './sales.schemas.ts';
import { moveStock } from './stock.service.ts';
import { refuseErased } from '../privacy/erased.ts';

/** Orders placed at the till carry this source; an import names its own. */
export const COUNTER_SOURCE = 'counter';

/**
 * Sales at the counter. A checkout prices the cart, takes the payments, takes the goods off the
 * branch's stock, numbers the receipt and moves the customer's journey (`Order Completed`), all in one
 * transaction: either the sale happened with all of that, or nothing of it did.
 */
export class OrderService {
  constructor(
    private readonly store: Store,
    private readonly settings: SalesSettingsService,
    private readonly journey: SalesJourney,
    private readonly loyalty: LoyaltyService,
    private readonly now: () => number,
    private readonly promotions: PromotionCheckout,
    private readonly referrals: ReferralService,
  ) {}

  async checkout(
    workspaceId: string,
    branchId: string,
    body: CheckoutBody,
    actor: Actor,
  ): Promise<{ order: OrderView; created: boolean }> {
    return writeTransaction(this.store, async (trx) => {
      const orders = new OrderRepository(trx);
      if (body.externalRef !== undefined) {
        const stored = await orders.getByExternalRef(workspaceId, COUNTER_SOURCE, body.externalRef);
        if (stored) return { order: await this.view(trx, stored), created: false };
      }
      const stored = await this.place(trx, workspaceId, branchId, body, actor);
      return { order: await this.view(trx, stored), created: true };
    }).catch(async (error: unknown) => {
      if (!(error instanceof Retry) || body.externalRef === undefined) throw error;
      const stored = await new OrderRepository(this.store.db).getByExternalRef(
        workspaceId,
        COUNTER_SOURCE,
        body.externalRef,
      );
      if (!stored) throw error;
      return { order: await this.view(this.store.db, stored), created: false };
    });
  }

  /**
   * A sale inside the caller's transaction: the same checks, stock, receipt number, journey move,
   * promotions and loyalty as a checkout, and the stored order back. The demo business writes a day of
   * sales in one transaction through it.
   */
  async place(trx: Executor, workspaceId: string, branchId: string, body: CheckoutBody, actor: Actor) {
    const orders = new OrderRepository(trx);
    const branch = await this.branch(trx, workspaceId, branchId);
    if (branch.archived_at !== null)
      throw conflict(`Branch ${branch.name} is archived; restore it to sell there`);
    const products = await this.products(trx, workspaceId, body.lines);
    const customer = await this.customer(trx, workspaceId, body.customerId);
    const settings = await this.settings.get(workspaceId, trx);
    const at = this.now();
    // Discounts compose in this order: each line's own; promotions (vouchers, automatic ones) on what
    // the lines cost after those; the cashier's order discount; then loyalty points, quoted on the cart
    // priced with everything before them.
    const promotions = await this.promotions.plan(trx, {
      workspaceId,
      branch,
      customer,
      lines: lineNets(body, products),
      products,
      codes: body.voucherCodes ?? [],
      at,
    });
    await this.promotions.refuseUnapplied(trx, workspaceId, promotions);
    const cuts = promotions.plan.lineCuts;
    const points =
      body.redeemPoints === undefined
        ? null
        : await this.loyalty.quote(
            trx,
            workspaceId,
            customer,
            body.redeemPoints,
            discountable(priceCart(body, products, settings.tax, cuts), settings.tax),
          );
    const { priced, payments } = price(body, products, settings.tax, cuts, points?.value ?? 0);
    const orderId = randomUUID();
    await this.takeStock(
      trx,
      workspaceId,
      branchId,
      orderId,
      body.lines,
      products,
      settings.allowNegativeStock,
      actor,
      at,
    );
    const order: NewOrder = {
      id: orderId,
      workspace_id: workspaceId,
      branch_id: branchId,
      receipt_no: await orders.nextReceiptNumbers(workspaceId, branchId),
      source: COUNTER_SOURCE,
      external_ref: body.externalRef ?? null,
      customer_id: customer?.id ?? null,
      employee_id: actor.id,
      employee_name: actor.name,
      status: 'completed',
      subtotal: priced.subtotal,
      promotion_discount: priced.promotionDiscount,
      order_discount: priced.orderDiscount,
      discount_total: priced.discountTotal,
      tax_total: priced.taxTotal,
      tax_rate_bp: settings.tax.rateBp,
      tax_mode: settings.tax.mode,
      total: priced.total,
      change_due: payments.reduce((s, p) => s + p.change, 0),
      refunded_total: 0,
      note: body.note?.trim() || null,
      share_token: randomBytes(18).toString('base64url'),
      version: 0,
      completed_at: at,
      created_at: at,
    };
    const lines = priced.lines.map((l, i) => {
      const product = products.get(body.lines[i]!.productId)!;
      return {
        id: randomUUID(),
        workspace_id: workspaceId,
        order_id: orderId,
        line_no: i + 1,
        product_id: product.id,
        sku: product.sku,
        name: product.name,
        category: product.category,
        quantity: l.quantity,
        unit_price: l.unitPrice,
        unit_cost: product.cost,
        gross: l.gross,
        line_discount: l.lineDiscount,
        promotion_discount: l.promotionDiscount,
        order_discount_share: l.orderDiscountShare,
        tax: l.tax,
        total: l.total,
        refunded_quantity: 0,
        refunded_amount: 0,
      };
    });
    const paymentRows = payments.map((p, i) => ({
      id: randomUUID(),
      workspace_id: workspaceId,
      order_id: orderId,
      seq: i + 1,
      method: p.method,
      label: p.label,
      reference: p.reference,
      amount: p.amount,
      tendered: p.tendered,
      change: p.change,
      refunded_amount: 0,
    }));
    if (!(await orders.insert(order, lines, paymentRows))) {
      // The same till id committed by a concurrent request while this one ran: that sale stands.
      throw new Retry();
    }
    const stored = (await orders.get(workspaceId, orderId))!;
    if (customer && body.referralCode) {
      // Before the sale's Order Completed is stored: the referred customer must be new.
      const claim = await this.referrals.claim(trx, workspaceId, customer, body.referralCode, {
        channel: 'store',
        orderId,
      });
      if (claim.status === 'refused' && claim.reason === 'code_unknown')
        throw badRequest(
          `body/referralCode: no customer or affiliate has the code ${body.referralCode}`,
          { path: 'body/referralCode' },
          'referral_code_unknown',
        );
    } else if (body.referralCode) {
      throw badRequest('body/referralCode: choose the new customer the code refers', {
        path: 'body/referralCode',
      });
    }
    if (customer) {
      await this.emitCompleted(trx, stored, branch, lines, payments, actor);
      await this.loyalty.settleSale(trx, { order: stored, customer, lines, redeemed: points, actor });
      await this.referrals.afterSale(trx, stored, customer, actor);
    }
    await this.promotions.redeem(trx, promotions, stored);
    return stored;
  }

  /** An order of a branch, with its lines, payments and history. */
  async get(workspaceId: string, branchId: string, orderId: string): Promise<OrderView> {
    const order = await new OrderRepository(this.store.db).get(workspaceId, orderId);
    if (!order || order.branch_id !== branchId) throw notFound(`Order ${orderId}`);
    return this.view(this.store.db, order);
  }

  list(workspaceId: string, options: Parameters<OrderRepository['list']>[1]) {
    return new OrderRepository(this.store.db).list(workspaceId, options);
  }

  /** What the public receipt link shows: no phone, no email, the customer's name only. */
  async receipt(token: string) {
    const order = await new OrderRepository(this.store.db).getByShareToken(token);
    if (!order) throw notFound('Receipt');
    const [view, workspace, branch] = await Promise.all([
      this.view(this.store.db, order),
      new WorkspaceRepository(this.store.db).get(order.workspace_id),
      new BranchRepository(this.store.db).get(order.workspace_id, order.branch_id),
    ]);
    const {
      customer,
      history: _history,
      shareToken: _token,
      externalRef: _ref,
      source: _source,
      referral,
      ...rest
    } = view;
    return {
      shop: workspace?.name ?? '',
      branch: {
        name: branch?.name ?? '',
        address: branch?.address ?? null,
        timezone: branch?.timezone ?? 'Asia/Jakarta',
      },
      // The buyer's own code is printed for him to share; whom he was referred by stays off the public link.
      order: { ...rest, referral: referral ? { code: referral.code, claim: null } : null },
      customerName: customer?.name ?? null,
    };
  }

  async view(db: Executor, order: Order): Promise<OrderView> {
    const [record, branch, customer, points, promotions, referral] = await Promise.all([
      new OrderRepository(db).record(order),
      this.branch(db, order.workspace_id, order.branch_id),
      order.customer_id ? new CustomerRepository(db).get(order.workspace_id, order.customer_id) : undefined,
      this.loyalty.saleOf(db, order.workspace_id, order.id),
      orderPromotions(db, order.workspace_id, order.id),
      this.referrals.ofOrder(db, order),
    ]);
    return { ...orderView(record, branch, customer, points, promotions), referral };
  }

  private async takeStock(
    db: Executor,
    workspaceId: string,
    branchId: string,
    orderId: string,
    lines: CheckoutBody['lines'],
    products: ReadonlyMap<string, Product>,
    allowNegative: boolean,
    actor: Actor,
    at: number,
  ): Promise<void> {
    const wanted = new Map<string, number>();
    for (const line of lines) wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.quantity);
    // In product order, so two checkouts never lock the same stock rows in opposite orders.
    for (const productId of [...wanted.keys()].sort()) {
      const product = products.get(productId)!;
      if (product.track_stock !== 1) continue;
      await moveStock(
        db,
        {
          workspaceId,
          branchId,
          productId,
          kind: 'sold',
          quantity: -wanted.get(productId)!,
          orderId,
          actorId: actor.id,
          actorLabel: actor.name,
          at,
        },
        allowNegative,
        product.name,
      );
    }
  }

  private async emitCompleted(
    db: Executor,
    order: Order,
    branch: Branch,
    lines: readonly {
      product_id: string | null;
      sku: string | null;
      name: string;
      category: string | null;
      unit_price: number;
      quantity: number;
    }[],
    payments: readonly PlannedPayment[],
    actor: Actor,
  ): Promise<void> {
    await this.journey.emit(db, {
      workspaceId: order.workspace_id,
      customerId: order.customer_id!,
      messageId: `order-completed:${order.id}`,
      type: 'track',
      name: 'Order Completed',
      at: order.completed_at,
      properties: {
        order_id: order.id,
        receipt_no: order.receipt_no,
        total: order.total,
        revenue: order.total - order.tax_total,
        subtotal: order.subtotal,
        tax: order.tax_total,
        discount: order.discount_total,
        currency: 'IDR',
        branch_id: branch.id,
        branch: branch.name,
        employee_id: actor.id,
        employee: actor.name,
        payment_methods: [...new Set(payments.map((p) => p.method))],
        products: lines.map((l) => ({
          product_id: l.product_id,
          sku: l.sku,
          name: l.name,
          category: l.category,
          price: l.unit_price,
          quantity: l.quantity,
        })),
      },
    });
  }

  private async branch(db: Executor, workspaceId: string, branchId: string): Promise<Branch> {
    const branch = await new BranchRepository(db).get(workspaceId, branchId);
    if (!branch) throw notFound(`Branch ${branchId}`);
    return branch;
  }

  private async products(db: Executor, workspaceId: string, lines: CheckoutBody['lines']) {
    const found = new Map(
      (
        await new ProductRepository(db).getMany(
          workspaceId,
          lines.map((l) => l.productId),
        )
      ).map((p) => [p.id, p]),
    );
    lines.forEach((line, i) => {
      const product = found.get(line.productId);
      if (!product) throw badRequest(`body/lines/${i}/productId: no product ${line.productId}`);
      if (product.active !== 1)
        throw badRequest(`body/lines/${i}: ${product.name} is no longer sold (inactive)`);
    });
    return found;
  }

  private async customer(
    db: Executor,
    workspaceId: string,
    id: string | null | undefined,
  ): Promise<Customer | undefined> {
    if (id === null || id === undefined) return undefined;
    const customer = await resolveCustomer(db, workspaceId, id);
    if (!customer) throw badRequest(`body/customerId: no customer ${id}`);
    refuseErased(customer);
    return customer;
  }
}

class Retry extends Error {}

/** What an amount off the order comes off: what the lines still cost after the cashier's discounts. */
function discountable(priced: PricedOrder, tax: Parameters<typeof priceOrder>[2]): number {
  return priced.total - (tax.mode === 'added' ? priced.taxTotal : 0);
}

function pricingInputs(body: Pick<CheckoutBody, 'lines'>, products: ReadonlyMap<string, Product>) {
  return body.lines.map((l) => ({
    quantity: l.quantity,
    unitPrice: products.get(l.productId)!.price,
    ...(l.discount ? { discount: l.discount } : {}),
  }));
}

/** What each line costs after its own discount: what promotions are measured on. */
export function lineNets(body: Pick<CheckoutBody, 'lines'>, products: ReadonlyMap<string, Product>) {
  const priced = pricing(() => priceOrder(pricingInputs(body, products), undefined, NO_TAX));
  return body.lines.map((l, i) => ({
    productId: l.productId,
    quantity: l.quantity,
    net: priced.lines[i]!.gross - priced.lines[i]!.lineDiscount,
  }));
}

const NO_TAX = { rateBp: 0, mode: 'included' } as const;

/**
 * Prices the cart with the promotions' cuts per line; `amountOff` (Rupiah the order's later levers,
 * loyalty points, take off it) is added to the cashier's order discount, so it is shared over the
 * lines and lowers the PPN like any discount.
 */
function priceCart(
  body: CheckoutBody,
  products: ReadonlyMap<string, Product>,
  tax: Parameters<typeof priceOrder>[2],
  promotionCuts: readonly number[],
  amountOff = 0,
): PricedOrder {
  return pricing(() => {
    const lines = pricingInputs(body, products);
    const priced = priceOrder(lines, body.orderDiscount, tax, promotionCuts);
    if (amountOff === 0) return priced;
    return priceOrder(lines, { type: 'amount', value: priced.orderDiscount + amountOff }, tax, promotionCuts);
  });
}

function price(
  body: CheckoutBody,
  products: ReadonlyMap<string, Product>,
  tax: Parameters<typeof priceOrder>[2],
  promotionCuts: readonly number[],
  amountOff = 0,
): { priced: PricedOrder; payments: PlannedPayment[] } {
  const priced = priceCart(body, products, tax, promotionCuts, amountOff);
  return { priced, payments: pricing(() => planPayments(priced.total, body.payments)) };
}

/** Runs a pricing step, answering its PricingError as a 400 that names the field. */
function pricing<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof PricingError)
      throw badRequest(`body/${error.message}`, { path: `body/${error.path}` });
    throw error;
  }
}
