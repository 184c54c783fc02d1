import { PromotionRepository, type Executor } from '@jejak/storage';
import type { OrderPromotionView } from './promotion.schemas.ts';

/** The promotions an order used, for its view and receipt; given-back ones are marked. */
export async function orderPromotions(
  db: Executor,
  workspaceId: string,
  orderId: string,
): Promise<OrderPromotionView[]> {
  const repo = new PromotionRepository(db);
  const redemptions = await repo.redemptionsOf(workspaceId, orderId);
  if (redemptions.length === 0) return [];
  const names = new Map(
    (await repo.getMany(workspaceId, [...new Set(redemptions.map((r) => r.promotion_id))])).map((p) => [
      p.id,
      p.name,
    ]),
  );
  return redemptions.map((r) => ({
    promotionId: r.promotion_id,
    name: names.get(r.promotion_id) ?? '',
    code: r.code,
    discount: r.discount,
    reversed: r.reversed_at !== null,
  }));
}
