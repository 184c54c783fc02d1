import type { Promotion, PromotionTrigger } from '@jejak/core';
import type { PromotionRow } from '@jejak/storage';
import type { PromotionBody, PromotionView } from './promotion.schemas.ts';

/** What rules_json holds: a Promotion less the fields that are columns. */
type StoredRules = Omit<Promotion, 'id' | 'name' | 'trigger' | 'active' | 'totalLimit'>;

/** A promotion row as core's evaluator reads it. */
export function promotionOf(row: PromotionRow): Promotion {
  const rules = JSON.parse(row.rules_json) as StoredRules;
  return {
    ...rules,
    id: row.id,
    name: row.name,
    trigger: row.trigger as PromotionTrigger,
    active: row.active === 1 && row.archived_at === null,
    totalLimit: row.total_limit,
  };
}

/** The stored rules of a request, every optional field given its default. */
export function rulesOf(
  body: Omit<PromotionBody, 'name' | 'trigger' | 'active' | 'totalLimit'>,
): StoredRules {
  return {
    reward: body.reward,
    minSpend: body.minSpend ?? 0,
    startsAt: body.startsAt ?? null,
    endsAt: body.endsAt ?? null,
    days: body.days ? [...body.days].sort() : null,
    hours: body.hours ?? null,
    perCustomerLimit: body.perCustomerLimit ?? null,
    productIds: body.productIds ?? null,
    categories: body.categories ?? null,
    branchIds: body.branchIds ?? null,
    segments: body.segments ?? null,
    tiers: body.tiers ?? null,
    stacking: body.stacking ?? 'exclusive',
  };
}

export function promotionView(row: PromotionRow, codes: number): PromotionView {
  const p = promotionOf(row);
  return {
    id: p.id,
    name: p.name,
    trigger: p.trigger,
    active: row.active === 1,
    reward: p.reward,
    minSpend: p.minSpend,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    days: p.days ? [...p.days] : null,
    hours: p.hours,
    totalLimit: p.totalLimit,
    perCustomerLimit: p.perCustomerLimit,
    productIds: p.productIds ? [...p.productIds] : null,
    categories: p.categories ? [...p.categories] : null,
    branchIds: p.branchIds ? [...p.branchIds] : null,
    segments: p.segments ? [...p.segments] : null,
    tiers: p.tiers ? [...p.tiers] : null,
    stacking: p.stacking,
    uses: row.uses,
    codes,
    createdAt: row.created_at,
    archivedAt: row.archived_at,
  };
}
