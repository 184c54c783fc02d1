import { sql } from 'kysely';
import type {
  LoyaltyAccount,
  LoyaltyEntry,
  LoyaltyEntryKind,
  LoyaltyOrder,
  NewLoyaltyEntry,
} from '../loyalty.schema.ts';
import type { Executor } from './executor.ts';

/** A credit entry as the core ledger spends it. */
export interface LoyaltyCredit {
  id: string;
  points: number;
  remaining: number;
  at: number;
  expiresAt: number | null;
  unlocksAt: number | null;
}

export interface LoyaltyTotals {
  /** Points per entry kind in the period (signed: debits negative). */
  byKind: Partial<Record<LoyaltyEntryKind, number>>;
  /** Customers with an account, and their balances summed now. */
  members: number;
  outstanding: number;
  /** Customers per tier now (null: no tier). */
  tiers: { key: string | null; customers: number }[];
}

const CREDIT_KINDS: readonly LoyaltyEntryKind[] = ['earn', 'bonus', 'adjust', 'restore'];

/**
 * The points ledger. Every change is an entry; a debit's draws on credits are rows of their own and
 * lower the credits' remaining points; the account row beside them holds the running balance and is
 * moved in the same transaction by the same amount. The account row is what concurrent redemptions
 * for one customer lock (PostgreSQL) or wait for (SQLite's one writer).
 */
export class LoyaltyRepository {
  constructor(private readonly db: Executor) {}

  async program(workspaceId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('loyalty_settings')
      .select('program_json')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return row?.program_json;
  }

  async putProgram(workspaceId: string, programJson: string, at: number): Promise<void> {
    await this.db
      .insertInto('loyalty_settings')
      .values({ workspace_id: workspaceId, program_json: programJson, updated_at: at })
      .onConflict((oc) =>
        oc.column('workspace_id').doUpdateSet({ program_json: programJson, updated_at: at }),
      )
      .execute();
  }

  async account(workspaceId: string, customerId: string): Promise<LoyaltyAccount | undefined> {
    return this.db
      .selectFrom('loyalty_accounts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
  }

  /**
   * The customer's account, opened when he has none, and locked for the rest of the transaction (an
   * update takes the row lock on PostgreSQL). `opened` says whether this call opened it.
   */
  async lockAccount(
    workspaceId: string,
    customerId: string,
    at: number,
  ): Promise<{ account: LoyaltyAccount; opened: boolean }> {
    const inserted = await this.db
      .insertInto('loyalty_accounts')
      .values({
        workspace_id: workspaceId,
        customer_id: customerId,
        balance: 0,
        debt: 0,
        tier_key: null,
        tier_since: at,
        joined_at: at,
        birthday_year: null,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'customer_id']).doNothing())
      .returning('customer_id')
      .executeTakeFirst();
    const account = await this.db
      .updateTable('loyalty_accounts')
      .set({ updated_at: at })
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { account, opened: inserted !== undefined };
  }

  async updateAccount(
    workspaceId: string,
    customerId: string,
    changes: Partial<Pick<LoyaltyAccount, 'debt' | 'tier_key' | 'tier_since' | 'birthday_year'>>,
  ): Promise<void> {
    await this.db
      .updateTable('loyalty_accounts')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .execute();
  }

  /** The customer's credits with points left (spendable or not yet swept by expiry). */
  async credits(workspaceId: string, customerId: string): Promise<LoyaltyCredit[]> {
    const rows = await this.db
      .selectFrom('loyalty_entries')
      .select(['id', 'points', 'remaining', 'at', 'expires_at', 'unlocks_at'])
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .where('remaining', '>', 0)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      points: Number(r.points),
      remaining: Number(r.remaining),
      at: Number(r.at),
      expiresAt: r.expires_at === null ? null : Number(r.expires_at),
      unlocksAt: r.unlocks_at === null ? null : Number(r.unlocks_at),
    }));
  }

  /** Pending credits whose refund window has ended, oldest first (the unlock job's work). */
  async dueForUnlock(
    now: number,
    limit: number,
  ): Promise<
    { id: string; workspaceId: string; customerId: string; orderId: string | null; remaining: number }[]
  > {
    const rows = await this.db
      .selectFrom('loyalty_entries')
      .select(['id', 'workspace_id', 'customer_id', 'order_id', 'remaining'])
      .where('unlocks_at', '<=', now)
      .orderBy('unlocks_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      customerId: r.customer_id,
      orderId: r.order_id,
      remaining: Number(r.remaining),
    }));
  }

  /** Marks a pending credit unlocked; false when another run did it first. */
  async unlock(id: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('loyalty_entries')
      .set({ unlocks_at: null })
      .where('id', '=', id)
      .where('unlocks_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Writes an entry and moves the account's balance by its points; `balance_after` is filled from
   * the account. Draws (for a debit) lower the credits they name.
   */
  async record(
    entry: Omit<NewLoyaltyEntry, 'balance_after'>,
    draws: readonly { creditId: string; points: number }[] = [],
  ): Promise<LoyaltyEntry> {
    const account = await this.db
      .updateTable('loyalty_accounts')
      .set({ balance: sql`balance + ${entry.points}` })
      .where('workspace_id', '=', entry.workspace_id)
      .where('customer_id', '=', entry.customer_id)
      .returning('balance')
      .executeTakeFirstOrThrow();
    const stored = await this.db
      .insertInto('loyalty_entries')
      .values({ ...entry, balance_after: Number(account.balance) })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const draw of draws) {
      if (draw.points === 0) continue;
      await this.db
        .insertInto('loyalty_draws')
        .values({
          workspace_id: entry.workspace_id,
          debit_id: stored.id,
          credit_id: draw.creditId,
          points: draw.points,
        })
        .execute();
      await this.db
        .updateTable('loyalty_entries')
        .set({ remaining: sql`remaining - ${draw.points}` })
        .where('id', '=', draw.creditId)
        .execute();
    }
    return normalise(stored);
  }

  async byIdempotencyKey(workspaceId: string, key: string): Promise<LoyaltyEntry | undefined> {
    const row = await this.db
      .selectFrom('loyalty_entries')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row && normalise(row);
  }

  async entry(workspaceId: string, id: string): Promise<LoyaltyEntry | undefined> {
    const row = await this.db
      .selectFrom('loyalty_entries')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && normalise(row);
  }

  /** The customer's entries, the newest first. */
  async entries(
    workspaceId: string,
    customerId: string,
    options: { limit: number; before?: number } = { limit: 100 },
  ): Promise<LoyaltyEntry[]> {
    let query = this.db
      .selectFrom('loyalty_entries')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId);
    if (options.before !== undefined) query = query.where('at', '<', options.before);
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
    return rows.map(normalise);
  }

  /** The credits a debit drew on. */
  async drawsOf(debitId: string): Promise<{ creditId: string; points: number; expiresAt: number | null }[]> {
    const rows = await this.db
      .selectFrom('loyalty_draws as d')
      .innerJoin('loyalty_entries as c', 'c.id', 'd.credit_id')
      .select(['d.credit_id', 'd.points', 'c.expires_at'])
      .where('d.debit_id', '=', debitId)
      .execute();
    return rows.map((r) => ({
      creditId: r.credit_id,
      points: Number(r.points),
      expiresAt: r.expires_at === null ? null : Number(r.expires_at),
    }));
  }

  async order(workspaceId: string, orderId: string): Promise<LoyaltyOrder | undefined> {
    const row = await this.db
      .selectFrom('loyalty_orders')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    return row && normaliseOrder(row);
  }

  async insertOrder(row: LoyaltyOrder): Promise<void> {
    await this.db.insertInto('loyalty_orders').values(row).execute();
  }

  async updateOrder(
    workspaceId: string,
    orderId: string,
    changes: Partial<Pick<LoyaltyOrder, 'taken_back' | 'returned' | 'spend'>>,
  ): Promise<void> {
    await this.db
      .updateTable('loyalty_orders')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('order_id', '=', orderId)
      .execute();
  }

  /** Customers with credits whose expiry has come and that still hold points (the expiry job's work). */
  async dueForExpiry(now: number, limit: number): Promise<{ workspaceId: string; customerId: string }[]> {
    const rows = await this.db
      .selectFrom('loyalty_entries')
      .select(['workspace_id', 'customer_id'])
      .where('expires_at', '<=', now)
      .where('remaining', '>', 0)
      .groupBy(['workspace_id', 'customer_id'])
      .limit(limit)
      .execute();
    return rows.map((r) => ({ workspaceId: r.workspace_id, customerId: r.customer_id }));
  }

  /** The workspaces that have a program of their own, with it. */
  async programs(): Promise<{ workspaceId: string; programJson: string }[]> {
    const rows = await this.db
      .selectFrom('loyalty_settings')
      .select(['workspace_id', 'program_json'])
      .execute();
    return rows.map((r) => ({ workspaceId: r.workspace_id, programJson: r.program_json }));
  }

  /**
   * Members in a tier they have held since `heldSince` or before, whose account nobody looked at since
   * `staleBefore`: those a downgrade may be due for although they do not come back.
   */
  async dueForRetier(
    workspaceId: string,
    heldSince: number,
    staleBefore: number,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.db
      .selectFrom('loyalty_accounts')
      .select('customer_id')
      .where('workspace_id', '=', workspaceId)
      .where('tier_key', 'is not', null)
      .where('tier_since', '<=', heldSince)
      .where('updated_at', '<=', staleBefore)
      .orderBy('customer_id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.customer_id);
  }

  /**
   * What counts toward a tier since a moment: the points earned (earns and bonuses, less what
   * refunds took back of them) or the Rupiah spent on orders (less what refunds gave back).
   */
  async qualifying(
    workspaceId: string,
    customerId: string,
    basis: 'points' | 'spend',
    since: number,
  ): Promise<number> {
    if (basis === 'spend') {
      const row = await this.db
        .selectFrom('loyalty_orders')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('spend'), sql<number>`0`).as('total'))
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', '=', customerId)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(row.total);
    }
    const row = await this.db
      .selectFrom('loyalty_entries')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), sql<number>`0`).as('total'))
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .where('kind', 'in', ['earn', 'bonus', 'cancel'])
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return Math.max(0, Number(row.total));
  }

  async recordTierChange(change: {
    workspace_id: string;
    customer_id: string;
    from_key: string | null;
    to_key: string | null;
    direction: 'upgraded' | 'downgraded';
    at: number;
  }): Promise<void> {
    await this.db.insertInto('loyalty_tier_changes').values(change).execute();
  }

  /**
   * Per period of `bounds` (consecutive instants: period i is [bounds[i], bounds[i+1])), the points
   * per kind of entry and the tier changes up and down.
   */
  async perPeriod(
    workspaceId: string,
    bounds: readonly number[],
  ): Promise<{ byKind: Partial<Record<LoyaltyEntryKind, number>>; upgraded: number; downgraded: number }[]> {
    const out = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [from, to] = [bounds[i]!, bounds[i + 1]!];
      const [kinds, changes] = await Promise.all([
        this.db
          .selectFrom('loyalty_entries')
          .select((eb) => ['kind', eb.fn.sum<number>('points').as('points')])
          .where('workspace_id', '=', workspaceId)
          .where('at', '>=', from)
          .where('at', '<', to)
          .groupBy('kind')
          .execute(),
        this.db
          .selectFrom('loyalty_tier_changes')
          .select((eb) => ['direction', eb.fn.countAll<number>().as('n')])
          .where('workspace_id', '=', workspaceId)
          .where('at', '>=', from)
          .where('at', '<', to)
          .groupBy('direction')
          .execute(),
      ]);
      const n = (d: string) => Number(changes.find((c) => c.direction === d)?.n ?? 0);
      out.push({
        byKind: Object.fromEntries(kinds.map((k) => [k.kind, Number(k.points)])),
        upgraded: n('upgraded'),
        downgraded: n('downgraded'),
      });
    }
    return out;
  }

  /** Points per kind of entry in a period, and the program's members and outstanding points now. */
  async totals(workspaceId: string, from: number, to: number): Promise<LoyaltyTotals> {
    const [kinds, accounts, tiers] = await Promise.all([
      this.db
        .selectFrom('loyalty_entries')
        .select((eb) => ['kind', eb.fn.sum<number>('points').as('points')])
        .where('workspace_id', '=', workspaceId)
        .where('at', '>=', from)
        .where('at', '<', to)
        .groupBy('kind')
        .execute(),
      this.db
        .selectFrom('loyalty_accounts')
        .select((eb) => [
          eb.fn.countAll<number>().as('members'),
          eb.fn.coalesce(eb.fn.sum<number>('balance'), sql<number>`0`).as('outstanding'),
        ])
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('loyalty_accounts')
        .select((eb) => ['tier_key', eb.fn.countAll<number>().as('customers')])
        .where('workspace_id', '=', workspaceId)
        .groupBy('tier_key')
        .execute(),
    ]);
    return {
      byKind: Object.fromEntries(kinds.map((k) => [k.kind, Number(k.points)])),
      members: Number(accounts.members),
      outstanding: Number(accounts.outstanding),
      tiers: tiers.map((t) => ({ key: t.tier_key, customers: Number(t.customers) })),
    };
  }
}

export function isCreditKind(kind: LoyaltyEntryKind): boolean {
  return CREDIT_KINDS.includes(kind);
}

function normalise(row: LoyaltyEntry): LoyaltyEntry {
  return {
    ...row,
    points: Number(row.points),
    remaining: Number(row.remaining),
    balance_after: Number(row.balance_after),
    at: Number(row.at),
    expires_at: row.expires_at === null ? null : Number(row.expires_at),
    unlocks_at: row.unlocks_at === null ? null : Number(row.unlocks_at),
  };
}

function normaliseOrder(row: LoyaltyOrder): LoyaltyOrder {
  return {
    ...row,
    earned: Number(row.earned),
    redeemed: Number(row.redeemed),
    redeem_value: Number(row.redeem_value),
    spend: Number(row.spend),
    total: Number(row.total),
    taken_back: Number(row.taken_back),
    returned: Number(row.returned),
    balance_after: Number(row.balance_after),
    at: Number(row.at),
  };
}
