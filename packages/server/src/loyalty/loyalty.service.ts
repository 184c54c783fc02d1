import {
  DAY_MS,
  DEFAULT_LOYALTY_PROGRAM,
  LoyaltyError,
  checkProgram,
  drawable,
  earnPoints,
  planOrderReversal,
  redemptionValue,
  type LoyaltyProgram,
  type OnlineOrderEvent,
} from '@jejak/core';
import {
  LoyaltyRepository,
  WorkspaceRepository,
  writeTransaction,
  type Customer,
  type Executor,
  type LoyaltyAccount,
  type LoyaltyEntry,
  type LoyaltyOrder,
  type Order,
  type Store,
} from '@jejak/storage';
import { badRequest, conflict, notFound } from '../http/http-error.ts';
import type { Actor } from '../sales/actor.ts';
import { resolveCustomer } from '../sales/counter-customer.service.ts';
import type { SalesJourney } from '../sales/sales-journey.ts';
import { LoyaltyLedger, SYSTEM_ACTOR } from './loyalty-ledger.ts';
import { loyaltyResults } from './loyalty-results.ts';
import { readStanding, type LoyaltyStanding } from './loyalty-standing.ts';
import { LoyaltyTiers } from './loyalty-tiers.ts';

export type { LoyaltyStanding } from './loyalty-standing.ts';

/** Who the ledger names for points of orders that came through ingestion. */
const ONLINE_ACTOR: Actor = { id: null, name: 'Online', role: null };

export interface CheckoutPoints {
  /** Rupiah the redeemed points take off the order (0 when none are redeemed). */
  value: number;
  points: number;
}

/** The lines of an order as earning sees them. */
interface SoldLine {
  product_id: string | null;
  category: string | null;
  quantity: number;
}

/**
 * Loyalty points and tiers over the ledger of core/loyalty. Everything that changes points locks the
 * customer's account row first, sweeps his expired credits, and writes its entries, the account's
 * balance and his journey events in the caller's transaction: a checkout that redeems and earns
 * either commits with its points or not at all, and a refund gives and takes back in its own.
 */
export class LoyaltyService {
  private readonly ledger: LoyaltyLedger;
  private readonly tiers: LoyaltyTiers;

  constructor(
    private readonly store: Store,
    private readonly journey: SalesJourney,
    private readonly now: () => number,
  ) {
    this.ledger = new LoyaltyLedger(now);
    this.tiers = new LoyaltyTiers(journey);
  }

  async program(workspaceId: string, db: Executor = this.store.db): Promise<LoyaltyProgram> {
    const json = await new LoyaltyRepository(db).program(workspaceId);
    if (json === undefined) return DEFAULT_LOYALTY_PROGRAM;
    const stored = JSON.parse(json) as Partial<LoyaltyProgram>;
    return {
      ...DEFAULT_LOYALTY_PROGRAM,
      ...stored,
      tiers: { ...DEFAULT_LOYALTY_PROGRAM.tiers, ...stored.tiers },
    };
  }

  async putProgram(workspaceId: string, program: LoyaltyProgram): Promise<LoyaltyProgram> {
    const problems = checkProgram(program);
    if (problems.length > 0) {
      const first = problems[0]!;
      throw badRequest(`body/${first.path}: ${first.message}`, { path: `body/${first.path}` });
    }
    await new LoyaltyRepository(this.store.db).putProgram(workspaceId, JSON.stringify(program), this.now());
    return program;
  }

  /** The customer's standing, once his expired points have been swept. */
  async standing(workspaceId: string, customerRef: string): Promise<LoyaltyStanding> {
    return writeTransaction(this.store, async (trx) => {
      const customer = await this.customer(trx, workspaceId, customerRef);
      const program = await this.program(workspaceId, trx);
      const repo = new LoyaltyRepository(trx);
      const existing = await repo.account(workspaceId, customer.id);
      if (existing) await this.ledger.open(trx, workspaceId, customer.id, program, SYSTEM_ACTOR);
      return readStanding(trx, workspaceId, customer.id, program, this.now());
    });
  }

  /** The customer's entries, newest first. */
  async entries(
    workspaceId: string,
    customerRef: string,
    options: { limit: number; before?: number },
  ): Promise<LoyaltyEntry[]> {
    const customer = await this.customer(this.store.db, workspaceId, customerRef);
    return new LoyaltyRepository(this.store.db).entries(workspaceId, customer.id, options);
  }

  /**
   * A manual adjustment: points given (a credit that expires like an earn) or taken (drawn oldest
   * first). The idempotency key makes a retry return the first entry instead of writing a second.
   */
  async adjust(
    workspaceId: string,
    customerRef: string,
    input: { points: number; reason: string; idempotencyKey: string },
    actor: Actor,
  ): Promise<{ entry: LoyaltyEntry; created: boolean }> {
    const reason = input.reason.trim();
    if (reason.length < 3) throw badRequest('body/reason must say why, in at least 3 characters');
    if (input.points === 0) throw badRequest('body/points must not be 0');
    const key = `adjust:${input.idempotencyKey}`;
    return writeTransaction(this.store, async (trx) => {
      const repo = new LoyaltyRepository(trx);
      const customer = await this.customer(trx, workspaceId, customerRef);
      const stored = await repo.byIdempotencyKey(workspaceId, key);
      if (stored) {
        if (stored.customer_id !== customer.id || stored.points !== input.points) {
          throw conflict('This idempotency key was used for another adjustment');
        }
        return { entry: stored, created: false };
      }
      const program = await this.program(workspaceId, trx);
      const account = await this.ledger.open(trx, workspaceId, customer.id, program, actor);
      const common = { reason, idempotencyKey: key, actor };
      const entry =
        input.points > 0
          ? await this.ledger.credit(trx, account, 'adjust', input.points, program, common)
          : await this.ledger.debit(trx, account, 'adjust', -input.points, program, common);
      await this.tiers.retier(trx, workspaceId, customer.id, program, entry.at);
      return { entry, created: true };
    });
  }

  /**
   * Points another module gives (a referral reward), in the caller's transaction: a `bonus` credit that
   * expires like an earn. The idempotency key makes it once: a second call answers the first entry.
   */
  async grant(
    db: Executor,
    workspaceId: string,
    customerId: string,
    points: number,
    how: { reason: string; idempotencyKey: string; actor: Actor },
  ): Promise<LoyaltyEntry> {
    const stored = await new LoyaltyRepository(db).byIdempotencyKey(workspaceId, how.idempotencyKey);
    if (stored) return stored;
    const program = await this.program(workspaceId, db);
    const account = await this.ledger.open(db, workspaceId, customerId, program, how.actor);
    const entry = await this.ledger.credit(db, account, 'bonus', points, program, how);
    await this.tiers.retier(db, workspaceId, customerId, program, entry.at);
    return entry;
  }

  /**
   * Takes back points a module gave (a referral reward whose purchase was refunded): a `cancel` entry,
   * drawn from that grant first. Where balances may not go below zero, what was already spent is
   * forgiven and the entry says so. Once per key.
   */
  async takeBack(
    db: Executor,
    workspaceId: string,
    customerId: string,
    grant: LoyaltyEntry,
    how: { reason: string; idempotencyKey: string; actor: Actor },
  ): Promise<LoyaltyEntry> {
    const stored = await new LoyaltyRepository(db).byIdempotencyKey(workspaceId, how.idempotencyKey);
    if (stored) return stored;
    const program = await this.program(workspaceId, db);
    const account = await this.ledger.open(db, workspaceId, customerId, program, how.actor);
    const take = program.allowNegative ? grant.points : Math.min(grant.points, Math.max(0, account.balance));
    const forgiven = grant.points - take;
    const entry = await this.ledger.debit(db, account, 'cancel', take, program, {
      actor: how.actor,
      idempotencyKey: how.idempotencyKey,
      first: grant.id,
      reason: forgiven > 0 ? `${how.reason}; ${forgiven} points already spent are forgiven` : how.reason,
    });
    await this.tiers.retier(db, workspaceId, customerId, program, entry.at);
    return entry;
  }

  /**
   * Checks a redemption at the till against the customer's points and the program, in the checkout's
   * transaction, and says what it takes off the order. `orderAmount` is what the discount comes off.
   */
  async quote(
    db: Executor,
    workspaceId: string,
    customer: Customer | undefined,
    points: number,
    orderAmount: number,
  ): Promise<CheckoutPoints> {
    if (!customer) throw badRequest('body/redeemPoints: choose the customer whose points pay');
    const program = await this.program(workspaceId, db);
    const value = redemptionValue(program, points, orderAmount);
    if ('error' in value) {
      const message = {
        disabled: 'the loyalty program is off',
        below_minimum: `at least ${value.limit} points must be redeemed at a time`,
        above_share: `at most ${value.limit} points can pay for this order`,
      }[value.error];
      throw badRequest(
        `body/redeemPoints: ${message}`,
        { path: 'body/redeemPoints', limit: value.limit },
        `points_${value.error}`,
      );
    }
    return { value: value.value, points };
  }

  /**
   * The points of a completed sale, in the checkout's transaction: the redemption (drawn oldest first;
   * refused whole when the balance is short), the sign-up and birthday bonuses, the earn on what was
   * paid, a new look at the tier, and the journey events of each.
   */
  async settleSale(
    db: Executor,
    input: {
      order: Order;
      customer: Customer;
      lines: readonly SoldLine[];
      redeemed: CheckoutPoints | null;
      actor: Actor;
    },
  ): Promise<void> {
    const { order, customer, actor } = input;
    const ws = order.workspace_id;
    const program = await this.program(ws, db);
    if (!program.enabled && !input.redeemed) return;
    const repo = new LoyaltyRepository(db);
    const at = order.completed_at;
    let account = await this.ledger.open(db, ws, customer.id, program, actor);
    let redeemEntry: LoyaltyEntry | undefined;
    if (input.redeemed) {
      try {
        redeemEntry = await this.ledger.debit(db, account, 'redeem', input.redeemed.points, program, {
          orderId: order.id,
          actor,
          refuseNegative: true,
        });
      } catch (error) {
        if (error instanceof LoyaltyError)
          throw badRequest(
            `body/redeemPoints: ${error.message}`,
            { path: 'body/redeemPoints', limit: error.available },
            'points_insufficient',
          );
        throw error;
      }
    }
    await this.birthday(db, account, customer, program, order, actor);
    account = (await repo.account(ws, customer.id))!;
    const multiplierBp = this.multiplierBp(program, account);
    const earned = earnPoints(program, {
      total: order.total,
      redeemedValue: input.redeemed?.value ?? 0,
      lines: input.lines.map((l) => ({
        productId: l.product_id,
        category: l.category,
        quantity: l.quantity,
      })),
      multiplierBp,
    });
    const unlocksAt = program.pendingDays > 0 ? this.now() + program.pendingDays * DAY_MS : null;
    const earnEntry =
      earned.points > 0
        ? await this.ledger.credit(db, account, 'earn', earned.points, program, {
            orderId: order.id,
            actor,
            unlocksAt,
          })
        : undefined;
    await this.tiers.retier(db, ws, customer.id, program, at);
    const after = (await repo.account(ws, customer.id))!;
    await repo.insertOrder({
      workspace_id: ws,
      order_id: order.id,
      customer_id: customer.id,
      earned: earned.points,
      earn_entry_id: earnEntry?.id ?? null,
      redeemed: input.redeemed?.points ?? 0,
      redeem_value: input.redeemed?.value ?? 0,
      spend: order.total,
      total: order.total,
      taken_back: 0,
      returned: 0,
      balance_after: after.balance,
      tier_key: after.tier_key,
      at,
    });
    const common = { order_id: order.id, receipt_no: order.receipt_no, branch_id: order.branch_id };
    if (redeemEntry) {
      await this.emit(db, ws, customer.id, `points-redeemed:${order.id}`, 'Points Redeemed', at, {
        ...common,
        points: input.redeemed!.points,
        value: input.redeemed!.value,
        currency: 'IDR',
        balance: redeemEntry.balance_after,
      });
    }
    if (earnEntry) {
      await this.emit(db, ws, customer.id, `points-earned:${order.id}`, 'Points Earned', at, {
        ...common,
        points: earned.points,
        base: earned.base,
        multiplier: multiplierBp / 10_000,
        balance: earnEntry.balance_after,
        ...(unlocksAt !== null ? { pending: true, unlocks_at: new Date(unlocksAt).toISOString() } : {}),
      });
    }
  }

  /**
   * A refund or void of a sale with points: the points it earned are taken back and the points it
   * redeemed given back, in proportion to what has been refunded of it in all (see planOrderReversal:
   * cumulative, rounded half up, everything once the sale is wholly refunded). Points taken back come
   * off the sale's own earn first, then the oldest; where balances may not go below zero and the
   * customer has spent them, what is there is taken and the rest forgiven. Points given back are a new
   * credit that expires when the latest of the credits the redemption drew on did.
   */
  async reverseSale(
    db: Executor,
    input: {
      order: Pick<Order, 'id' | 'total' | 'workspace_id'>;
      refundId: string | null;
      /** How much of the order is refunded in all, this refund included, and out of how much. */
      refunded: number;
      of: number;
      full: boolean;
      actor: Actor;
    },
  ): Promise<void> {
    const { order, actor } = input;
    const ws = order.workspace_id;
    const repo = new LoyaltyRepository(db);
    const sale = await repo.order(ws, order.id);
    if (!sale || (sale.earned === 0 && sale.redeemed === 0 && sale.spend === 0)) return;
    const program = await this.program(ws, db);
    const plan = planOrderReversal({
      earned: sale.earned,
      redeemed: sale.redeemed,
      refunded: input.refunded,
      of: input.of,
      full: input.full,
      takenBack: sale.taken_back,
      returned: sale.returned,
    });
    const account = await this.ledger.open(db, ws, sale.customer_id, program, actor);
    const at = this.now();
    if (plan.takeBack > 0) {
      const credits = await repo.credits(ws, sale.customer_id);
      const available = Math.max(0, drawable(credits, account.debt, at, sale.earn_entry_id ?? undefined));
      const take = program.allowNegative ? plan.takeBack : Math.min(plan.takeBack, available);
      {
        // Written even when nothing can be taken, so the ledger says what was forgiven.
        await this.ledger.debit(db, account, 'cancel', take, program, {
          orderId: order.id,
          ...(input.refundId ? { refundId: input.refundId } : {}),
          actor,
          first: sale.earn_entry_id ?? undefined,
          reason:
            take < plan.takeBack
              ? `${plan.takeBack - take} of the points to take back were already spent and are forgiven`
              : undefined,
        });
      }
    }
    if (plan.giveBack > 0) {
      const redeem = (await repo.entries(ws, sale.customer_id, { limit: 1000 })).find(
        (e) => e.kind === 'redeem' && e.order_id === order.id,
      );
      const drawn = redeem ? await repo.drawsOf(redeem.id) : [];
      const expiresAt = drawn.some((d) => d.expiresAt === null)
        ? null
        : drawn.reduce<number | null>((m, d) => Math.max(m ?? 0, d.expiresAt!), null);
      await this.ledger.credit(db, account, 'restore', plan.giveBack, program, {
        orderId: order.id,
        ...(input.refundId ? { refundId: input.refundId } : {}),
        actor,
        expiresAt: expiresAt ?? (drawn.length === 0 ? this.ledger.expiry(program, at) : null),
      });
    }
    const spendBack = input.full
      ? sale.spend
      : Math.min(sale.spend, Math.round((order.total * input.refunded) / Math.max(1, input.of)));
    await repo.updateOrder(ws, order.id, {
      taken_back: sale.taken_back + plan.takeBack,
      returned: sale.returned + plan.giveBack,
      spend: Math.max(0, order.total - spendBack),
    });
    await this.tiers.retier(db, ws, sale.customer_id, program, at);
  }

  /**
   * Orders that came through ingestion (core onlineOrderOf), in the ingesting transaction. A completed
   * order earns by the counter's rules on what was paid (its `total`, else `revenue`), once per order
   * (`online:<order_id>`); it redeems nothing (a website's discounts are its own) and gives no birthday
   * bonus. A refund takes its points back as a counter refund does: the amount it names is a share of
   * the order, cumulative over refunds; no amount refunds the whole order.
   */
  async settleOnline(
    db: Executor,
    workspaceId: string,
    orders: readonly { customerId: string; order: OnlineOrderEvent; at: number }[],
  ): Promise<void> {
    if (orders.length === 0) return;
    const program = await this.program(workspaceId, db);
    const repo = new LoyaltyRepository(db);
    for (const { customerId, order, at: sentAt } of orders) {
      // The points are the order's, at its time (a batch may bring in orders of days ago), never later than now.
      const at = Math.min(sentAt, this.now());
      const ledger = new LoyaltyLedger(() => at);
      const sale = await repo.order(workspaceId, order.key);
      if (order.kind === 'refunded') {
        if (!sale) continue;
        const refunded = Math.min(sale.total, sale.total - sale.spend + (order.amount ?? sale.total));
        await this.reverseSale(db, {
          order: { id: order.key, total: sale.total, workspace_id: workspaceId },
          refundId: null,
          refunded,
          of: sale.total,
          full: refunded >= sale.total,
          actor: ONLINE_ACTOR,
        });
        continue;
      }
      if (sale || !program.enabled) continue;
      const account = await ledger.open(db, workspaceId, customerId, program, ONLINE_ACTOR);
      const multiplierBp = this.multiplierBp(program, account);
      const earned = earnPoints(program, {
        total: order.total,
        redeemedValue: 0,
        lines: order.lines,
        multiplierBp,
      });
      const unlocksAt = program.pendingDays > 0 ? at + program.pendingDays * DAY_MS : null;
      const earnEntry =
        earned.points > 0
          ? await ledger.credit(db, account, 'earn', earned.points, program, {
              orderId: order.key,
              actor: ONLINE_ACTOR,
              unlocksAt,
            })
          : undefined;
      await this.tiers.retier(db, workspaceId, customerId, program, at);
      const after = (await repo.account(workspaceId, customerId))!;
      await repo.insertOrder({
        workspace_id: workspaceId,
        order_id: order.key,
        customer_id: customerId,
        earned: earned.points,
        earn_entry_id: earnEntry?.id ?? null,
        redeemed: 0,
        redeem_value: 0,
        spend: order.total,
        total: order.total,
        taken_back: 0,
        returned: 0,
        balance_after: after.balance,
        tier_key: after.tier_key,
        at,
      });
      if (earnEntry) {
        await this.emit(db, workspaceId, customerId, `points-earned:${order.key}`, 'Points Earned', at, {
          order_id: order.orderId,
          points: earned.points,
          base: earned.base,
          multiplier: multiplierBp / 10_000,
          balance: earnEntry.balance_after,
          online: true,
          ...(unlocksAt !== null ? { pending: true, unlocks_at: new Date(unlocksAt).toISOString() } : {}),
        });
      }
    }
  }

  /** The points of a sale, for its view and receipt (undefined when it has none). */
  saleOf(db: Executor, workspaceId: string, orderId: string): Promise<LoyaltyOrder | undefined> {
    return new LoyaltyRepository(db).order(workspaceId, orderId);
  }

  /** Expired credits swept to expiry entries, a batch of customers at a time; returns how many. */
  async expireDue(limit = 200): Promise<number> {
    const due = await new LoyaltyRepository(this.store.db).dueForExpiry(this.now(), limit);
    for (const { workspaceId, customerId } of due) {
      await writeTransaction(this.store, async (trx) => {
        const program = await this.program(workspaceId, trx);
        await this.ledger.open(trx, workspaceId, customerId, program, SYSTEM_ACTOR);
        await this.tiers.retier(trx, workspaceId, customerId, program, this.now());
      });
    }
    return due.length;
  }

  /**
   * Pending points whose refund window has ended, unlocked a batch at a time: each becomes spendable
   * (core isActive already treats it so from `unlocks_at` on; this clears the mark) and is the journey
   * event `Points Unlocked` of its customer. A refund inside the window took them back first, so only
   * what is left unlocks. Returns how many credits were looked at.
   */
  async unlockDue(limit = 200): Promise<number> {
    const now = this.now();
    const due = await new LoyaltyRepository(this.store.db).dueForUnlock(now, limit);
    for (const credit of due) {
      await writeTransaction(this.store, async (trx) => {
        if (!(await new LoyaltyRepository(trx).unlock(credit.id, now)) || credit.remaining <= 0) return;
        await this.emit(
          trx,
          credit.workspaceId,
          credit.customerId,
          `points-unlocked:${credit.id}`,
          'Points Unlocked',
          now,
          {
            points: credit.remaining,
            order_id: credit.orderId,
          },
        );
      });
    }
    return due.length;
  }

  /**
   * Looks again, once a day at most, at the tier of members who have held it past the hold period:
   * their qualifying points or spend leave the rolling period even when they never come back, and the
   * downgrade rule applies to them too. Returns how many were looked at.
   */
  async retierDue(limit = 200): Promise<number> {
    const now = this.now();
    let looked = 0;
    for (const { workspaceId } of await new LoyaltyRepository(this.store.db).programs()) {
      const program = await this.program(workspaceId);
      if (program.tiers.levels.length === 0) continue;
      const due = await new LoyaltyRepository(this.store.db).dueForRetier(
        workspaceId,
        now - program.tiers.holdDays * DAY_MS,
        now - DAY_MS,
        limit - looked,
      );
      for (const customerId of due) {
        await writeTransaction(this.store, async (trx) => {
          await this.ledger.open(trx, workspaceId, customerId, program, SYSTEM_ACTOR);
          await this.tiers.retier(trx, workspaceId, customerId, program, now);
        });
      }
      looked += due.length;
      if (looked >= limit) break;
    }
    return looked;
  }

  /** Points issued, redeemed, expired and taken back in a period (and per month), and what is owed now. */
  async results(workspaceId: string, from: number, to: number) {
    const program = await this.program(workspaceId);
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    return loyaltyResults(this.store.db, program, workspaceId, {
      from,
      to,
      timeZone: workspace?.timezone ?? 'Asia/Jakarta',
    });
  }

  /**
   * The customer's earn multiplier: his tier's, times his segment's. Segments come with issue 8; until
   * then the segment part is 1× (`segmentMultiplierBp`).
   */
  private multiplierBp(program: LoyaltyProgram, account: LoyaltyAccount): number {
    const tier = program.tiers.levels.find((l) => l.key === account.tier_key);
    return Math.floor(((tier?.multiplierBp ?? 10_000) * this.segmentMultiplierBp(account)) / 10_000);
  }

  /** Hook for segment multipliers (issue 8): 10000 (1×) for every customer until segments exist. */
  protected segmentMultiplierBp(_account: LoyaltyAccount): number {
    return 10_000;
  }

  /** Gives the birthday bonus at the customer's first sale of his birthday month, once a year. */
  private async birthday(
    db: Executor,
    account: LoyaltyAccount,
    customer: Customer,
    program: LoyaltyProgram,
    order: Order,
    actor: Actor,
  ): Promise<void> {
    if (!program.enabled || program.birthdayBonus <= 0) return;
    const traits = JSON.parse(customer.traits_json) as Record<string, unknown>;
    const birthday =
      typeof traits.birthday === 'string' ? /^\d{4}-(\d{2})-\d{2}/.exec(traits.birthday) : null;
    if (!birthday) return;
    const workspace = await new WorkspaceRepository(db).get(order.workspace_id);
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: workspace?.timezone ?? 'Asia/Jakarta',
      year: 'numeric',
      month: '2-digit',
    }).formatToParts(order.completed_at);
    const year = Number(parts.find((p) => p.type === 'year')!.value);
    const month = parts.find((p) => p.type === 'month')!.value;
    if (month !== birthday[1] || account.birthday_year === year) return;
    await this.ledger.credit(db, account, 'bonus', program.birthdayBonus, program, {
      reason: 'birthday',
      idempotencyKey: `birthday:${customer.id}:${year}`,
      orderId: order.id,
      actor,
    });
    await new LoyaltyRepository(db).updateAccount(order.workspace_id, customer.id, { birthday_year: year });
  }

  private async emit(
    db: Executor,
    workspaceId: string,
    customerId: string,
    messageId: string,
    name: string,
    at: number,
    properties: Record<string, unknown>,
  ): Promise<void> {
    await this.journey.emit(db, { workspaceId, customerId, messageId, type: 'track', name, at, properties });
  }

  private async customer(db: Executor, workspaceId: string, ref: string): Promise<Customer> {
    const customer = (await resolveCustomer(db, workspaceId, ref)) ?? undefined;
    if (!customer) throw notFound(`Customer ${ref}`);
    return customer;
  }
}
