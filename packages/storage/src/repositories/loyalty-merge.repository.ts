import { sql } from 'kysely';
import type { LoyaltyAccount, LoyaltyMerge } from '../loyalty.schema.ts';
import type { Executor } from './executor.ts';

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * The loyalty ledger's side of customer merges: moving a customer's entries, orders and account to
 * another customer and back, and what a merge moved.
 */
export class LoyaltyMergeRepository {
  constructor(private readonly db: Executor) {}

  async entryIds(workspaceId: string, customerId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('loyalty_entries')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .execute();
    return rows.map((r) => r.id);
  }

  async orderIds(workspaceId: string, customerId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('loyalty_orders')
      .select('order_id')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .execute();
    return rows.map((r) => r.order_id);
  }

  /** The customers who hold these entries now. */
  async holders(workspaceId: string, entryIds: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const ids of chunks(entryIds)) {
      const rows = await this.db
        .selectFrom('loyalty_entries')
        .select('customer_id')
        .distinct()
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids)
        .execute();
      for (const r of rows) found.add(r.customer_id);
    }
    return [...found];
  }

  async moveEntries(workspaceId: string, entryIds: readonly string[], to: string): Promise<void> {
    for (const ids of chunks(entryIds)) {
      await this.db
        .updateTable('loyalty_entries')
        .set({ customer_id: to })
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids)
        .execute();
    }
  }

  async moveOrders(workspaceId: string, orderIds: readonly string[], to: string): Promise<void> {
    for (const ids of chunks(orderIds)) {
      await this.db
        .updateTable('loyalty_orders')
        .set({ customer_id: to })
        .where('workspace_id', '=', workspaceId)
        .where('order_id', 'in', ids)
        .execute();
    }
  }

  /**
   * Draws on these credits by debits of another customer than the credit's: points of one customer
   * spent (or taken) by another while they were merged.
   */
  async crossDraws(
    workspaceId: string,
    creditIds: readonly string[],
  ): Promise<{ debitCustomer: string; creditCustomer: string; points: number }[]> {
    const out: { debitCustomer: string; creditCustomer: string; points: number }[] = [];
    for (const ids of chunks(creditIds)) {
      const rows = await this.db
        .selectFrom('loyalty_draws as d')
        .innerJoin('loyalty_entries as c', 'c.id', 'd.credit_id')
        .innerJoin('loyalty_entries as e', 'e.id', 'd.debit_id')
        .select(['e.customer_id as debit_customer', 'c.customer_id as credit_customer', 'd.points'])
        .where('d.workspace_id', '=', workspaceId)
        .where('d.credit_id', 'in', ids)
        .whereRef('e.customer_id', '<>', 'c.customer_id')
        .execute();
      for (const r of rows) {
        out.push({
          debitCustomer: r.debit_customer,
          creditCustomer: r.credit_customer,
          points: Number(r.points),
        });
      }
    }
    return out;
  }

  /** The sum of the customer's entries and of his credits' remaining points. */
  async sums(workspaceId: string, customerId: string): Promise<{ balance: number; remaining: number }> {
    const row = await this.db
      .selectFrom('loyalty_entries')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('points'), sql<number>`0`).as('balance'),
        eb.fn.coalesce(eb.fn.sum<number>('remaining'), sql<number>`0`).as('remaining'),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow();
    return { balance: Number(row.balance), remaining: Number(row.remaining) };
  }

  async putAccount(account: LoyaltyAccount): Promise<void> {
    const { workspace_id: _w, customer_id: _c, ...changes } = account;
    await this.db
      .insertInto('loyalty_accounts')
      .values(account)
      .onConflict((oc) => oc.columns(['workspace_id', 'customer_id']).doUpdateSet(changes))
      .execute();
  }

  async deleteAccount(workspaceId: string, customerId: string): Promise<void> {
    await this.db
      .deleteFrom('loyalty_accounts')
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .execute();
  }

  async insertMerge(row: LoyaltyMerge): Promise<void> {
    await this.db.insertInto('loyalty_merges').values(row).execute();
  }

  async merge(workspaceId: string, mergeId: string): Promise<LoyaltyMerge | undefined> {
    return this.db
      .selectFrom('loyalty_merges')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('merge_id', '=', mergeId)
      .executeTakeFirst();
  }

  async deleteMerge(workspaceId: string, mergeId: string): Promise<void> {
    await this.db
      .deleteFrom('loyalty_merges')
      .where('workspace_id', '=', workspaceId)
      .where('merge_id', '=', mergeId)
      .execute();
  }
}
