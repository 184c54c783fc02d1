import { spendable, type PaymentMethod } from '@jejak/core';
import { createServices, type Services } from '@jejak/server';
import { IdentityRepository, LoyaltyRepository, writeTransaction } from '@jejak/storage';
import type { Branch, BusinessProfile } from './business-profile.types.ts';
import { REFUND_REASONS, STAFF, counterCatalogue, type CatalogueItem } from './counter-catalogue.ts';
import { REDEEM_FROM, demoLoyaltyProgram } from './loyalty.demo.ts';
import { DemoReferrals } from './referrals.demo.ts';
import { SeededRandom, WeightedTable } from './seeded-random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const JAKARTA = 7 * HOUR;
/** Shelf stock per outlet: a delivery tops it up to FULL whenever it falls to REORDER. */
const FULL = 60;
const REORDER = 20;
const LOW = 12;

interface SimulatedSale {
  event?: string;
  userId?: string;
  timestamp?: string;
  properties?: Record<string, unknown>;
  context?: { traits?: { phone?: string } };
}

interface Sale {
  at: number;
  branch: Branch;
  /** The simulated order's id, so a later simulated refund finds the real order. */
  simulatedId: string | null;
  userId: string | null;
  phone: string | null;
  lines: { sku: string; quantity: number }[];
  method: PaymentMethod;
  cashier: string;
}

type Payment = { method: PaymentMethod; amount: number; tendered?: number };

/** Whether a simulated message is a sale at an outlet's counter, which the order service records. */
export function isCounterSale(message: unknown): boolean {
  const m = message as SimulatedSale;
  return m.event === 'Order Completed' && m.properties?.channel === 'store';
}

/**
 * The coffee chain's counter, played through the real order service: its menu with costs and its
 * shelf goods with opening stock; the simulated customers' counter sales (found by their phone, so
 * `Order Completed` moves their journey in the sale's transaction); walk-in guests who leave no name;
 * split payments, refunds and voids by the outlet's manager; deliveries when the shelf runs low. A day
 * of sales is written in one transaction, each sale at its simulated time.
 */
export class CounterSales {
  private at = 0;
  private readonly sales: Services;
  private readonly random: SeededRandom;
  private readonly products = new Map<string, { id: string; item: CatalogueItem }>();
  private readonly menu: WeightedTable<string>;
  private readonly retail: CatalogueItem[];
  private readonly payments: WeightedTable<PaymentMethod>;
  private readonly hours: WeightedTable<number>;
  private readonly shelf = new Map<string, number>();
  private readonly placed = new Map<string, { orderId: string; branch: Branch }>();
  private readonly customers = new Map<string, string>();
  private readonly program;
  readonly referrals: DemoReferrals;
  private pendingRefunds: {
    at: number;
    orderId: string;
    branch: Branch;
    lineId: string;
    kind: 'refund' | 'void';
  }[] = [];
  readonly counts = {
    orders: 0,
    guests: 0,
    customers: 0,
    refunds: 0,
    voids: 0,
    deliveries: 0,
    redemptions: 0,
  };

  constructor(
    services: Services,
    private readonly workspaceId: string,
    private readonly business: BusinessProfile,
    seed: number,
    /** Walk-in guests an outlet serves on an ordinary weekday. */
    private readonly guestsPerDay: number,
  ) {
    this.sales = createServices(services.store, () => this.at);
    this.random = new SeededRandom(seed ^ 0x5a1e5);
    this.menu = new WeightedTable(business.products.map(([p, w]) => [p.sku, w] as const));
    this.retail = counterCatalogue(business).filter((p) => p.trackStock);
    this.payments = new WeightedTable(business.payments.store);
    this.hours = new WeightedTable(business.hours);
    this.program = demoLoyaltyProgram(business.rupiahPerPoint);
    this.referrals = new DemoReferrals(this.sales, workspaceId, seed);
  }

  /** The catalogue, and the opening stock of the shelf goods at every outlet. */
  async setUp(start: number): Promise<void> {
    this.at = start;
    // The points program runs from the first day, so the year's counter sales earn and redeem.
    await this.sales.loyalty.putProgram(this.workspaceId, this.program);
    await this.referrals.setUp();
    for (const item of counterCatalogue(this.business)) {
      const product = await this.sales.products.create(this.workspaceId, {
        sku: item.sku,
        name: item.name,
        category: item.category,
        unit: item.unit,
        price: item.price,
        cost: item.cost,
        trackStock: item.trackStock,
        ...(item.barcode ? { barcode: item.barcode } : {}),
      });
      this.products.set(item.sku, { id: product.id, item });
    }
    for (const branch of this.business.branches) {
      for (const item of this.retail) {
        const { id } = this.products.get(item.sku)!;
        await this.sales.stock.record(
          this.workspaceId,
          branch.id,
          { productId: id, kind: 'received', quantity: FULL, reason: 'Stok awal' },
          this.manager(branch),
        );
        await this.sales.stock.setThreshold(this.workspaceId, branch.id, id, LOW);
        this.shelf.set(`${branch.id}:${id}`, FULL);
      }
    }
  }

  /**
   * One day: deliveries where the shelf ran low, then the day's counter sales (the simulated
   * customers' and the guests') in time order in one transaction, then the refunds and voids due.
   */
  async day(dayStart: number, simulated: readonly unknown[]): Promise<void> {
    this.at = dayStart;
    await this.referrals.rewardDue();
    await this.deliver(dayStart + 6 * HOUR);
    const sales = [...simulated.map((m) => this.fromSimulation(m as SimulatedSale)), ...this.guests(dayStart)]
      .filter((s): s is Sale => s !== null)
      .sort((a, b) => a.at - b.at);
    for (const sale of sales) {
      if (sale.userId !== null && !this.customers.has(sale.userId)) {
        const id = await this.customerOf(sale.userId, sale.phone);
        if (id) this.customers.set(sale.userId, id);
      }
    }
    await writeTransaction(this.sales.store, async (trx) => {
      for (const sale of sales) await this.sell(trx, sale);
    });
    await this.settleRefunds(dayStart + 24 * HOUR);
  }

  /** A simulated refund of a counter sale is played through the refund service, the whole sale back. */
  async refundSimulated(message: unknown): Promise<boolean> {
    const m = message as SimulatedSale;
    const placed = this.placed.get(text(m.properties?.order_id));
    if (m.event !== 'Order Refunded' || !placed) return false;
    this.at = Date.parse(m.timestamp ?? '');
    const order = await this.sales.orders.get(this.workspaceId, placed.branch.id, placed.orderId);
    const lines = order.lines.filter((l) => l.quantity > l.refundedQuantity);
    if (order.status === 'voided' || lines.length === 0) return true;
    await this.sales.refunds.refund(
      this.workspaceId,
      placed.branch.id,
      placed.orderId,
      {
        reason: text(m.properties?.reason) || 'Permintaan pelanggan',
        lines: lines.map((l) => ({ lineId: l.id, quantity: l.quantity - l.refundedQuantity })),
        restock: true,
      },
      this.manager(placed.branch),
    );
    this.counts.refunds++;
    return true;
  }

  /** Refunds and voids still due at the end. */
  async finish(end: number): Promise<void> {
    await this.settleRefunds(end);
    this.at = end;
    await this.referrals.rewardDue();
  }

  private async sell(trx: Parameters<Services['orders']['place']>[0], sale: Sale): Promise<void> {
    this.at = sale.at;
    const lines = sale.lines.map((l) => ({ productId: this.products.get(l.sku)!.id, quantity: l.quantity }));
    const total = sale.lines.reduce((s, l) => s + this.products.get(l.sku)!.item.price * l.quantity, 0);
    const customerId = sale.userId !== null ? (this.customers.get(sale.userId) ?? null) : null;
    const redeem = customerId ? await this.redeemable(trx, customerId, total) : null;
    const referral = customerId ? await this.referrals.before(trx, customerId) : null;
    const order = await this.sales.orders.place(
      trx,
      this.workspaceId,
      sale.branch.id,
      {
        lines,
        payments: this.pay(total - (redeem?.value ?? 0), sale.method),
        customerId,
        ...(redeem ? { redeemPoints: redeem.points } : {}),
        ...(referral?.code ? { referralCode: referral.code } : {}),
      },
      { id: null, name: sale.cashier, role: 'cashier' },
    );
    this.counts.orders++;
    if (redeem) this.counts.redemptions++;
    if (customerId) this.counts.customers++;
    else this.counts.guests++;
    for (const l of lines) {
      const key = `${sale.branch.id}:${l.productId}`;
      if (this.shelf.has(key)) this.shelf.set(key, this.shelf.get(key)! - l.quantity);
    }
    if (sale.simulatedId) this.placed.set(sale.simulatedId, { orderId: order.id, branch: sale.branch });
    if (customerId) this.referrals.after(customerId);
    const roll = this.random.next();
    // A referred friend's first order brought back inside the window cancels the referral.
    if (roll >= 0.015 && !referral?.refundFirst) return;
    const kind = roll < 0.012 || referral?.refundFirst ? 'refund' : 'void';
    const first = await trx
      .selectFrom('order_lines')
      .select('id')
      .where('order_id', '=', order.id)
      .where('line_no', '=', 1)
      .executeTakeFirstOrThrow();
    const after = kind === 'refund' ? this.random.int(10, 90) : this.random.int(2, 10);
    this.pendingRefunds.push({
      at: sale.at + after * MINUTE,
      orderId: order.id,
      branch: sale.branch,
      lineId: first.id,
      kind,
    });
  }

  /**
   * The points a member redeems on this sale: once he holds REDEEM_FROM spendable points, as many
   * hundreds as the program lets pay for the order (at most half of it). One read of his credits.
   */
  private async redeemable(
    trx: Parameters<Services['orders']['place']>[0],
    customerId: string,
    total: number,
  ): Promise<{ points: number; value: number } | null> {
    const repo = new LoyaltyRepository(trx);
    const account = await repo.account(this.workspaceId, customerId);
    if (!account || account.balance < REDEEM_FROM) return null;
    const have = spendable(await repo.credits(this.workspaceId, customerId), account.debt, this.at);
    if (have < REDEEM_FROM) return null;
    const { pointValue, maxRedeemPercent } = this.program;
    const most = Math.floor((total * maxRedeemPercent) / 100 / pointValue);
    const points = Math.floor(Math.min(have, most) / 100) * 100;
    return points >= 100 ? { points, value: points * pointValue } : null;
  }

  /** Mostly one method; now and then part in cash and the rest by QRIS. Cash is handed over in notes. */
  private pay(total: number, method: PaymentMethod): Payment[] {
    const cash = (amount: number): Payment => {
      const note = [2_000, 5_000, 10_000, 20_000, 50_000, 100_000].find((n) => n >= amount) ?? 100_000;
      return { method: 'cash', amount, tendered: Math.ceil(amount / note) * note };
    };
    if (total >= 40_000 && this.random.chance(0.07)) {
      const part = Math.round(total / 2 / 1_000) * 1_000;
      return [cash(part), { method: 'qris', amount: total - part }];
    }
    return [method === 'cash' ? cash(total) : { method, amount: total }];
  }

  private fromSimulation(m: SimulatedSale): Sale | null {
    const p = m.properties ?? {};
    const branch = this.business.branches.find((b) => b.id === p.branch_id);
    const products = (p.products ?? []) as { sku?: string; quantity?: number }[];
    const lines = products
      .filter((l) => l.sku !== undefined && this.products.has(l.sku))
      .map((l) => ({ sku: l.sku!, quantity: l.quantity ?? 1 }));
    if (!branch || lines.length === 0 || !m.userId) return null;
    const staff = STAFF[branch.code]!;
    const n = Number(text(p.cashier_id).split('_').pop()) || 1;
    return {
      at: Date.parse(m.timestamp ?? ''),
      branch,
      simulatedId: typeof p.order_id === 'string' ? p.order_id : null,
      userId: m.userId,
      phone: m.context?.traits?.phone ?? null,
      lines,
      method: (p.payment_method as PaymentMethod | undefined) ?? 'cash',
      cashier: staff.cashiers[(n - 1) % staff.cashiers.length]!,
    };
  }

  /** The day's walk-in guests at every outlet: more at the weekend, at the hours the chain is busy. */
  private guests(dayStart: number): Sale[] {
    const weekday = new Date(dayStart + JAKARTA).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const out: Sale[] = [];
    for (const branch of this.business.branches) {
      const mean = this.guestsPerDay * (weekend ? 1.3 : 1);
      const count = Math.max(0, Math.round(mean * (0.7 + this.random.next() * 0.6)));
      const staff = STAFF[branch.code]!;
      for (let i = 0; i < count; i++) {
        const hour = this.hours.draw(this.random);
        const lines = new Map<string, number>();
        for (let n = this.random.int(1, 3); n > 0; n--) {
          const sku = this.menu.draw(this.random);
          lines.set(sku, (lines.get(sku) ?? 0) + 1);
        }
        if (this.random.chance(0.06)) lines.set(this.random.pick(this.retail).sku, 1);
        out.push({
          // Local time in Jakarta: dayStart is the day's local midnight.
          at: dayStart + hour * HOUR + this.random.int(0, 59) * MINUTE + this.random.int(0, 59) * 1000,
          branch,
          simulatedId: null,
          userId: null,
          phone: null,
          lines: [...lines].map(([sku, quantity]) => ({ sku, quantity })),
          method: this.payments.draw(this.random),
          cashier: staff.cashiers[hour < 14 ? 0 : hour < 18 ? 1 : 2]!,
        });
      }
    }
    return out;
  }

  /** A delivery tops up every shelf good that fell to its reorder point. */
  private async deliver(at: number): Promise<void> {
    this.at = at;
    for (const branch of this.business.branches) {
      for (const item of this.retail) {
        const { id } = this.products.get(item.sku)!;
        const key = `${branch.id}:${id}`;
        const left = this.shelf.get(key)!;
        if (left > REORDER) continue;
        await this.sales.stock.record(
          this.workspaceId,
          branch.id,
          { productId: id, kind: 'received', quantity: FULL - left, reason: 'Kiriman gudang' },
          this.manager(branch),
        );
        this.shelf.set(key, FULL);
        this.counts.deliveries++;
      }
    }
  }

  private async settleRefunds(until: number): Promise<void> {
    const due = this.pendingRefunds.filter((r) => r.at < until).sort((a, b) => a.at - b.at);
    this.pendingRefunds = this.pendingRefunds.filter((r) => r.at >= until);
    for (const r of due) {
      this.at = r.at;
      const manager = this.manager(r.branch);
      // A simulated refund may have given this sale back already.
      const order = await this.sales.orders.get(this.workspaceId, r.branch.id, r.orderId);
      const line = order.lines.find((l) => l.id === r.lineId)!;
      if (order.status !== 'completed' || line.refundedQuantity >= line.quantity) continue;
      if (r.kind === 'void') {
        await this.sales.refunds.void(this.workspaceId, r.branch.id, r.orderId, 'Salah input kasir', manager);
        this.counts.voids++;
      } else {
        await this.sales.refunds.refund(
          this.workspaceId,
          r.branch.id,
          r.orderId,
          { reason: this.random.pick(REFUND_REASONS), lines: [{ lineId: r.lineId, quantity: 1 }] },
          manager,
        );
        this.counts.refunds++;
      }
    }
  }

  private manager(branch: Branch) {
    return { id: null, name: STAFF[branch.code]!.manager, role: 'manager' };
  }

  /** The customer the simulated sale names: by the user id the counter registered, else by phone. */
  private async customerOf(userId: string, phone: string | null): Promise<string | undefined> {
    const [row] = await new IdentityRepository(this.sales.store.db).find(this.workspaceId, [
      { kind: 'user_id', value: userId },
    ]);
    if (row) return row.customer_id;
    if (!phone) return undefined;
    return (await this.sales.counterCustomers.findOrCreate(this.workspaceId, { phone })).customer.id;
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
