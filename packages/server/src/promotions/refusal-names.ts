import type { PromotionRefusal } from '@jejak/core';
import { BranchRepository, ProductRepository, type Executor } from '@jejak/storage';

/** A refusal whose branch and product ids are replaced by the names a customer knows them by. */
export async function withNames(
  db: Executor,
  workspaceId: string,
  refusal: PromotionRefusal,
): Promise<PromotionRefusal> {
  const productNames = async (ids: readonly string[]) => {
    const found = new Map(
      (await new ProductRepository(db).getMany(workspaceId, ids)).map((p) => [p.id, p.name]),
    );
    return ids.map((id) => found.get(id) ?? id);
  };
  switch (refusal.code) {
    case 'wrong_branch': {
      const branches = new Map(
        (await new BranchRepository(db).list(workspaceId, { includeArchived: true })).map((b) => [
          b.id,
          b.name,
        ]),
      );
      return {
        ...refusal,
        values: { branches: refusal.values.branches.map((id) => branches.get(id) ?? id) },
      };
    }
    case 'no_eligible_products':
      return {
        ...refusal,
        values: { ...refusal.values, products: await productNames(refusal.values.products) },
      };
    case 'free_item_missing':
      return {
        ...refusal,
        values: { ...refusal.values, product: (await productNames([refusal.values.product]))[0]! },
      };
    default:
      return refusal;
  }
}
