import { sql } from 'kysely';
import type { StockMovement, StockMovementKind } from '../sales.schema.ts';
import type { Executor } from './executor.ts';

export interface MovementInput {
  workspaceId: string;
  branchId: string;
  productId: string;
  kind: StockMovementKind;
  /** Signed change to the stock. */
  quantity: number;
  reason?: string | null;
  orderId?: string | null;
  refundId?: string | null;
  transferId?: string | null;
  actorId: string | null;
  actorLabel: string;
  at: number;
}

export interface StockLevelRow {
  branchId: string;
  productId: string;
  sku: string;
  name: string;
  category: string | null;
  unit: string;
  cost: number;
  onHand: number;
  lowThreshold: number | null;
}

/**
 * Stock per branch as a ledger: every change is a movement row, and the level row beside it is the
 * running sum, changed in the same transaction by the same amount. The level row is what a
 * concurrent checkout locks (PostgreSQL) or waits for (SQLite's one writer).
 */
export class StockRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Records a movement and moves the level by it. With `floorAtZero`, a movement that takes stock away
   * is refused (undefined, nothing written) when it would leave less than zero.
   */
  async move(input: MovementInput, floorAtZero: boolean): Promise<StockMovement | undefined> {
    await this.db
      .insertInto('stock_levels')
      .values({
        workspace_id: input.workspaceId,
        branch_id: input.branchId,
        product_id: input.productId,
        on_hand: 0,
        low_threshold: null,
        updated_at: input.at,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'branch_id', 'product_id']).doNothing())
      .execute();
    let update = this.db
      .updateTable('stock_levels')
      .set({ on_hand: sql`on_hand + ${input.quantity}`, updated_at: input.at })
      .where('workspace_id', '=', input.workspaceId)
      .where('branch_id', '=', input.branchId)
      .where('product_id', '=', input.productId);
    if (floorAtZero && input.quantity < 0) update = update.where(sql`on_hand + ${input.quantity}`, '>=', 0);
    const level = await update.returning('on_hand').executeTakeFirst();
    if (!level) return undefined;
    return this.db
      .insertInto('stock_movements')
      .values({
        workspace_id: input.workspaceId,
        branch_id: input.branchId,
        product_id: input.productId,
        kind: input.kind,
        quantity: input.quantity,
        on_hand_after: level.on_hand,
        reason: input.reason ?? null,
        order_id: input.orderId ?? null,
        refund_id: input.refundId ?? null,
        transfer_id: input.transferId ?? null,
        actor_id: input.actorId,
        actor_label: input.actorLabel,
        at: input.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async onHand(workspaceId: string, branchId: string, productId: string): Promise<number> {
    const row = await this.db
      .selectFrom('stock_levels')
      .select('on_hand')
      .where('workspace_id', '=', workspaceId)
      .where('branch_id', '=', branchId)
      .where('product_id', '=', productId)
      .executeTakeFirst();
    return row?.on_hand ?? 0;
  }

  /** Sets the low-stock threshold of a product at a branch (null: not watched). */
  async setThreshold(
    workspaceId: string,
    branchId: string,
    productId: string,
    threshold: number | null,
    at: number,
  ): Promise<void> {
    await this.db
      .insertInto('stock_levels')
      .values({
        workspace_id: workspaceId,
        branch_id: branchId,
        product_id: productId,
        on_hand: 0,
        low_threshold: threshold,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['workspace_id', 'branch_id', 'product_id'])
          .doUpdateSet({ low_threshold: threshold, updated_at: at }),
      )
      .execute();
  }

  /**
   * The stock of stock-tracked active products at some branches: every such product once per branch,
   * at zero when it never moved there. With `lowOnly`, only those at or below their threshold.
   */
  async levels(
    workspaceId: string,
    branchIds: readonly string[],
    options: { lowOnly?: boolean; productId?: string } = {},
  ): Promise<StockLevelRow[]> {
    if (branchIds.length === 0) return [];
    let query = this.db
      .selectFrom('products as p')
      .innerJoin('branches as b', (join) => join.onRef('b.workspace_id', '=', 'p.workspace_id'))
      .leftJoin('stock_levels as s', (join) =>
        join
          .onRef('s.workspace_id', '=', 'p.workspace_id')
          .onRef('s.branch_id', '=', 'b.id')
          .onRef('s.product_id', '=', 'p.id'),
      )
      .select([
        'b.id as branchId',
        'p.id as productId',
        'p.sku',
        'p.name',
        'p.category',
        'p.unit',
        'p.cost',
        (eb) => eb.fn.coalesce('s.on_hand', sql<number>`0`).as('onHand'),
        's.low_threshold as lowThreshold',
      ])
      .where('p.workspace_id', '=', workspaceId)
      .where('p.track_stock', '=', 1)
      .where('p.active', '=', 1)
      .where('b.id', 'in', [...branchIds]);
    if (options.productId !== undefined) query = query.where('p.id', '=', options.productId);
    if (options.lowOnly) {
      query = query
        .where('s.low_threshold', 'is not', null)
        .where(sql`s.on_hand`, '<=', sql`s.low_threshold`);
    }
    return query.orderBy('b.id').orderBy('p.name').orderBy('p.id').execute();
  }

  /** A product's movements at a branch, newest first: the explanation of its stock, line by line. */
  movements(
    workspaceId: string,
    branchId: string,
    productId: string,
    options: { limit: number; beforeId?: number },
  ): Promise<StockMovement[]> {
    let query = this.db
      .selectFrom('stock_movements')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('branch_id', '=', branchId)
      .where('product_id', '=', productId);
    if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
    return query.orderBy('id', 'desc').limit(options.limit).execute();
  }

  /**
   * Per branch and product, the level and the sum of its movements. They are equal by construction;
   * this is how a test (or an owner's audit) checks it.
   */
  async reconcile(workspaceId: string) {
    const sums = await this.db
      .selectFrom('stock_movements')
      .select(['branch_id', 'product_id', (eb) => eb.fn.sum<number | string>('quantity').as('sum')])
      .where('workspace_id', '=', workspaceId)
      .groupBy(['branch_id', 'product_id'])
      .execute();
    const levels = await this.db
      .selectFrom('stock_levels')
      .select(['branch_id', 'product_id', 'on_hand'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    const sumOf = new Map(sums.map((s) => [`${s.branch_id}|${s.product_id}`, Number(s.sum)]));
    return levels.map((l) => ({
      branchId: l.branch_id,
      productId: l.product_id,
      onHand: l.on_hand,
      ledger: sumOf.get(`${l.branch_id}|${l.product_id}`) ?? 0,
    }));
  }
}
