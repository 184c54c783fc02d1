import { randomUUID } from 'node:crypto';
import {
  BranchRepository,
  ProductRepository,
  StockRepository,
  writeTransaction,
  type Executor,
  type MovementInput,
  type Product,
  type StockMovement,
  type Store,
} from '@jejak/storage';
import { badRequest, conflict, notFound } from '../http/http-error.ts';
import type { Actor } from './actor.ts';
import type { SalesSettingsService } from './sales-settings.service.ts';
import type { MovementBody, TransferBody } from './sales.schemas.ts';

/**
 * Records a movement, or refuses it with a 409 naming the product when it would take stock below zero
 * and the workspace does not allow that.
 */
export async function moveStock(
  db: Executor,
  input: MovementInput,
  allowNegative: boolean,
  productName: string,
): Promise<StockMovement> {
  const movement = await new StockRepository(db).move(input, !allowNegative);
  if (movement) return movement;
  const left = await new StockRepository(db).onHand(input.workspaceId, input.branchId, input.productId);
  throw conflict(`Not enough ${productName} in stock: ${left} left, ${-input.quantity} needed`, {
    productId: input.productId,
    onHand: left,
    needed: -input.quantity,
  });
}

/** Stock per branch: receiving goods, corrections after a count, transfers, and what is running low. */
export class StockService {
  constructor(
    private readonly store: Store,
    private readonly settings: SalesSettingsService,
    private readonly now: () => number,
  ) {}

  /** The stock of one branch of the workspace. */
  async branchLevels(workspaceId: string, branchId: string, lowOnly: boolean) {
    await this.branch(this.store.db, workspaceId, branchId);
    return new StockRepository(this.store.db).levels(workspaceId, [branchId], { lowOnly });
  }

  /** What is running low at these branches (ids already known to be the workspace's). */
  lowAt(workspaceId: string, branchIds: readonly string[]) {
    return new StockRepository(this.store.db).levels(workspaceId, branchIds, { lowOnly: true });
  }

  async visibleBranches(workspaceId: string, visible: readonly string[] | 'all'): Promise<string[]> {
    const all = (await new BranchRepository(this.store.db).list(workspaceId)).map((b) => b.id);
    return visible === 'all' ? all : all.filter((id) => visible.includes(id));
  }

  async movements(
    workspaceId: string,
    branchId: string,
    productId: string,
    limit: number,
    beforeId?: number,
  ) {
    await this.product(this.store.db, workspaceId, productId);
    return new StockRepository(this.store.db).movements(workspaceId, branchId, productId, {
      limit,
      ...(beforeId !== undefined ? { beforeId } : {}),
    });
  }

  /** Goods received (a positive quantity) or a correction with its reason (signed). */
  async record(
    workspaceId: string,
    branchId: string,
    input: MovementBody,
    actor: Actor,
  ): Promise<StockMovement> {
    if (input.kind === 'received' && input.quantity <= 0)
      throw badRequest('body/quantity must be above zero for goods received');
    if (input.kind === 'adjusted' && input.quantity === 0)
      throw badRequest('body/quantity of an adjustment must not be zero');
    const reason = input.reason?.trim() || null;
    if (input.kind === 'adjusted' && reason === null)
      throw badRequest('body/reason is required for an adjustment');
    return writeTransaction(this.store, async (trx) => {
      await this.branch(trx, workspaceId, branchId);
      const product = await this.product(trx, workspaceId, input.productId);
      const settings = await this.settings.get(workspaceId, trx);
      return moveStock(
        trx,
        {
          ...this.base(workspaceId, branchId, product.id, actor),
          kind: input.kind,
          quantity: input.quantity,
          reason,
        },
        settings.allowNegativeStock,
        product.name,
      );
    });
  }

  /** Moves goods from one branch to another: a pair of movements with one transfer id, in one transaction. */
  async transfer(workspaceId: string, fromBranchId: string, input: TransferBody, actor: Actor) {
    if (input.toBranchId === fromBranchId) throw badRequest('body/toBranchId must be another branch');
    const reason = input.reason?.trim() || null;
    return writeTransaction(this.store, async (trx) => {
      await this.branch(trx, workspaceId, fromBranchId);
      if (!(await new BranchRepository(trx).get(workspaceId, input.toBranchId))) {
        throw badRequest(`body/toBranchId: no branch ${input.toBranchId} in this workspace`);
      }
      const settings = await this.settings.get(workspaceId, trx);
      const transferId = randomUUID();
      const movements: StockMovement[] = [];
      const steps: {
        branchId: string;
        product: Product;
        quantity: number;
        kind: 'transfer_out' | 'transfer_in';
      }[] = [];
      for (const line of input.lines) {
        const product = await this.product(trx, workspaceId, line.productId);
        if (product.track_stock !== 1) throw badRequest(`${product.name} is not stock-tracked`);
        steps.push(
          { branchId: fromBranchId, product, quantity: -line.quantity, kind: 'transfer_out' },
          { branchId: input.toBranchId, product, quantity: line.quantity, kind: 'transfer_in' },
        );
      }
      // In (branch, product) order, so two transfers between the same branches never lock rows in opposite orders.
      steps.sort((a, b) => compareKeys(`${a.branchId}|${a.product.id}`, `${b.branchId}|${b.product.id}`));
      for (const step of steps) {
        const at = this.base(workspaceId, step.branchId, step.product.id, actor);
        const movement = { ...at, reason, transferId, kind: step.kind, quantity: step.quantity };
        movements.push(
          await moveStock(
            trx,
            movement,
            step.kind === 'transfer_in' || settings.allowNegativeStock,
            step.product.name,
          ),
        );
      }
      return { transferId, movements };
    });
  }

  async setThreshold(workspaceId: string, branchId: string, productId: string, threshold: number | null) {
    await this.branch(this.store.db, workspaceId, branchId);
    await this.product(this.store.db, workspaceId, productId);
    await new StockRepository(this.store.db).setThreshold(
      workspaceId,
      branchId,
      productId,
      threshold,
      this.now(),
    );
    const [level] = await new StockRepository(this.store.db).levels(workspaceId, [branchId], { productId });
    if (!level) throw badRequest('Thresholds are kept for active, stock-tracked products only');
    return level;
  }

  private base(workspaceId: string, branchId: string, productId: string, actor: Actor) {
    return { workspaceId, branchId, productId, actorId: actor.id, actorLabel: actor.name, at: this.now() };
  }

  private async branch(db: Executor, workspaceId: string, branchId: string): Promise<void> {
    if (!(await new BranchRepository(db).get(workspaceId, branchId))) throw notFound(`Branch ${branchId}`);
  }

  private async product(db: Executor, workspaceId: string, productId: string) {
    const product = await new ProductRepository(db).get(workspaceId, productId);
    if (!product) throw notFound(`Product ${productId}`);
    return product;
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
