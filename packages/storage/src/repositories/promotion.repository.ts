import { sql } from 'kysely';
import type {
  NewPromotionCode,
  NewPromotionRedemption,
  NewPromotionRow,
  PromotionCode,
  PromotionRedemption,
  PromotionRow,
} from '../promotion.schema.ts';
import { chunks, type Executor } from './executor.ts';

/** A promotion's results: uses not given back, the discount they gave and the revenue of their orders. */
export interface PromotionResults {
  promotion_id: string;
  redemptions: number;
  reversed: number;
  discount: number;
  revenue: number;
  customers: number;
}

export class PromotionRepository {
  constructor(private readonly db: Executor) {}

  create(row: NewPromotionRow): Promise<PromotionRow> {
    return this.db.insertInto('promotions').values(row).returningAll().executeTakeFirstOrThrow();
  }

  get(workspaceId: string, id: string): Promise<PromotionRow | undefined> {
    return this.db
      .selectFrom('promotions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  getMany(workspaceId: string, ids: readonly string[]): Promise<PromotionRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('promotions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', [...ids])
      .execute();
  }

  /** Newest first. */
  list(workspaceId: string): Promise<PromotionRow[]> {
    return this.db
      .selectFrom('promotions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  }

  /** Automatic promotions that are switched on and not archived, oldest first (the order they apply in). */
  listAutomatic(workspaceId: string): Promise<PromotionRow[]> {
    return this.db
      .selectFrom('promotions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('trigger', '=', 'automatic')
      .where('active', '=', 1)
      .where('archived_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  update(
    workspaceId: string,
    id: string,
    changes: Partial<
      Pick<PromotionRow, 'name' | 'rules_json' | 'active' | 'total_limit' | 'archived_at' | 'updated_at'>
    >,
  ): Promise<PromotionRow | undefined> {
    return this.db
      .updateTable('promotions')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** How many codes each promotion has. */
  async codeCounts(workspaceId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('promotion_codes')
      .select((eb) => ['promotion_id', eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .groupBy('promotion_id')
      .execute();
    return new Map(rows.map((r) => [r.promotion_id, Number(r.n)]));
  }

  /** Stores codes; those whose code the workspace already has are skipped. Answers how many were stored. */
  async insertCodes(rows: readonly NewPromotionCode[]): Promise<number> {
    let stored = 0;
    for (const part of chunks(rows, 200)) {
      const result = await this.db
        .insertInto('promotion_codes')
        .values(part)
        .onConflict((oc) => oc.columns(['workspace_id', 'code']).doNothing())
        .executeTakeFirst();
      stored += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return stored;
  }

  findCode(workspaceId: string, code: string): Promise<PromotionCode | undefined> {
    return this.db
      .selectFrom('promotion_codes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('code', '=', code)
      .executeTakeFirst();
  }

  findCodes(workspaceId: string, codes: readonly string[]): Promise<PromotionCode[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('promotion_codes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('code', 'in', [...codes])
      .execute();
  }

  codesOf(workspaceId: string, promotionId: string): Promise<PromotionCode[]> {
    return this.db
      .selectFrom('promotion_codes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('promotion_id', '=', promotionId)
      .orderBy('created_at')
      .orderBy('code')
      .execute();
  }

  /** Codes issued to a customer that still have a use left. */
  codesForCustomer(workspaceId: string, customerId: string): Promise<PromotionCode[]> {
    return this.db
      .selectFrom('promotion_codes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
      .orderBy('created_at')
      .execute();
  }

  /** Redemptions of a promotion by a customer, not given back. */
  async customerUses(workspaceId: string, promotionId: string, customerId: string): Promise<number> {
    const row = await this.db
      .selectFrom('promotion_redemptions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('promotion_id', '=', promotionId)
      .where('customer_id', '=', customerId)
      .where('reversed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Takes one use of a promotion (and of its code): a conditional UPDATE that passes only while uses
   * are left. On PostgreSQL the promotion's row stays locked until the transaction ends, so a
   * concurrent checkout waits and then sees what this one left; SQLite has one writer already.
   * False when no use was left; then nothing was taken.
   */
  async claim(
    workspaceId: string,
    promotionId: string,
    codeId: string | null,
  ): Promise<'ok' | 'promotion' | 'code'> {
    const promotion = await this.db
      .updateTable('promotions')
      .set({ uses: sql`uses + 1` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', promotionId)
      .where((eb) => eb.or([eb('total_limit', 'is', null), eb('uses', '<', eb.ref('total_limit'))]))
      .executeTakeFirst();
    if (Number(promotion.numUpdatedRows) === 0) return 'promotion';
    if (codeId === null) return 'ok';
    const code = await this.db
      .updateTable('promotion_codes')
      .set({ uses: sql`uses + 1` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', codeId)
      .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
      .executeTakeFirst();
    return Number(code.numUpdatedRows) === 0 ? 'code' : 'ok';
  }

  async insertRedemptions(rows: readonly NewPromotionRedemption[]): Promise<void> {
    if (rows.length > 0)
      await this.db
        .insertInto('promotion_redemptions')
        .values([...rows])
        .execute();
  }

  redemptionsOf(workspaceId: string, orderId: string): Promise<PromotionRedemption[]> {
    return this.db
      .selectFrom('promotion_redemptions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute();
  }

  /** Gives back every use an order took (void, full refund): the counters go down, the rows stay, marked. */
  async reverseOrder(workspaceId: string, orderId: string, at: number): Promise<PromotionRedemption[]> {
    const live = (await this.redemptionsOf(workspaceId, orderId)).filter((r) => r.reversed_at === null);
    for (const r of [...live].sort((a, b) => (a.promotion_id < b.promotion_id ? -1 : 1))) {
      await this.db
        .updateTable('promotions')
        .set({ uses: sql`uses - 1` })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', r.promotion_id)
        .execute();
      if (r.code_id !== null)
        await this.db
          .updateTable('promotion_codes')
          .set({ uses: sql`uses - 1` })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', r.code_id)
          .execute();
      await this.db
        .updateTable('promotion_redemptions')
        .set({ reversed_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', r.id)
        .execute();
    }
    return live;
  }

  /** Per promotion: live redemptions, given-back ones, discount given, revenue of their orders, customers. */
  async results(workspaceId: string, from?: number, to?: number): Promise<PromotionResults[]> {
    let query = this.db
      .selectFrom('promotion_redemptions')
      .where('workspace_id', '=', workspaceId)
      .select((eb) => [
        'promotion_id',
        eb.fn.count<number>(sql`case when reversed_at is null then 1 end`).as('redemptions'),
        eb.fn.count<number>('reversed_at').as('reversed'),
        eb.fn
          .coalesce(eb.fn.sum<number>(sql`case when reversed_at is null then discount else 0 end`), sql`0`)
          .as('discount'),
        eb.fn
          .coalesce(eb.fn.sum<number>(sql`case when reversed_at is null then order_total else 0 end`), sql`0`)
          .as('revenue'),
        eb.fn.count<number>(sql`distinct case when reversed_at is null then customer_id end`).as('customers'),
      ])
      .groupBy('promotion_id');
    if (from !== undefined) query = query.where('at', '>=', from);
    if (to !== undefined) query = query.where('at', '<', to);
    const rows = await query.execute();
    return rows.map((r) => ({
      promotion_id: r.promotion_id,
      redemptions: Number(r.redemptions),
      reversed: Number(r.reversed),
      discount: Number(r.discount),
      revenue: Number(r.revenue),
      customers: Number(r.customers),
    }));
  }
}
