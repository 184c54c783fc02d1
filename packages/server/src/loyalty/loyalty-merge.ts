import { randomUUID } from 'node:crypto';
import {
  LoyaltyMergeRepository,
  LoyaltyRepository,
  type Executor,
  type LoyaltyAccount,
} from '@jejak/storage';

/*
 * Points follow customer merges (DESIGN §2.4): merging moves the merged customer's ledger, his sales'
 * points and his account onto the survivor (balances add up, the higher tier stays); undoing the merge
 * moves them back. Points one of them spent of the other's while they were one customer stay spent:
 * the undo writes the pair of entries that says so (`unmerge-out` on the owner of the points,
 * `unmerge-in` on the one who spent them), so each balance is again the sum of its own ledger.
 */

/** Moves the merged customer's points to the survivor, in the merge's transaction. */
export async function mergeLoyalty(
  db: Executor,
  workspaceId: string,
  mergeId: string,
  survivorId: string,
  mergedId: string,
  now: number,
): Promise<void> {
  const repo = new LoyaltyRepository(db);
  const moves = new LoyaltyMergeRepository(db);
  const merged = await repo.account(workspaceId, mergedId);
  if (!merged) return;
  const survivor = await repo.account(workspaceId, survivorId);
  const entryIds = await moves.entryIds(workspaceId, mergedId);
  const orderIds = await moves.orderIds(workspaceId, mergedId);
  await moves.insertMerge({
    merge_id: mergeId,
    workspace_id: workspaceId,
    survivor_id: survivorId,
    merged_id: mergedId,
    entry_ids_json: JSON.stringify(entryIds),
    order_ids_json: JSON.stringify(orderIds),
    merged_account_json: JSON.stringify(merged),
    survivor_account_json: survivor ? JSON.stringify(survivor) : null,
  });
  await moves.moveEntries(workspaceId, entryIds, survivorId);
  await moves.moveOrders(workspaceId, orderIds, survivorId);
  const rank = await tierRank(repo, workspaceId);
  const higher = !survivor || rank(merged.tier_key) > rank(survivor.tier_key) ? merged : survivor;
  const sums = await moves.sums(workspaceId, survivorId);
  await moves.putAccount({
    workspace_id: workspaceId,
    customer_id: survivorId,
    balance: sums.balance,
    debt: Number(merged.debt) + Number(survivor?.debt ?? 0),
    tier_key: higher.tier_key,
    tier_since: Number(higher.tier_since),
    joined_at: Math.min(Number(merged.joined_at), Number(survivor?.joined_at ?? merged.joined_at)),
    birthday_year: survivor?.birthday_year ?? merged.birthday_year,
    updated_at: now,
  });
  await moves.deleteAccount(workspaceId, mergedId);
}

/** Moves the points a merge moved back to the merged customer, in the undo's transaction. */
export async function undoLoyaltyMerge(
  db: Executor,
  workspaceId: string,
  mergeId: string,
  now: number,
): Promise<void> {
  const moves = new LoyaltyMergeRepository(db);
  const row = await moves.merge(workspaceId, mergeId);
  if (!row) return;
  const entryIds = JSON.parse(row.entry_ids_json) as string[];
  const orderIds = JSON.parse(row.order_ids_json) as string[];
  const before = JSON.parse(row.merged_account_json) as LoyaltyAccount;
  const survivorBefore =
    row.survivor_account_json === null ? null : (JSON.parse(row.survivor_account_json) as LoyaltyAccount);
  // The entries may have moved on since (a later merge of the survivor): take them from whoever holds them.
  const holders = await moves.holders(workspaceId, entryIds);
  await moves.moveEntries(workspaceId, entryIds, row.merged_id);
  await moves.moveOrders(workspaceId, orderIds, row.merged_id);
  await moves.putAccount({ ...before, updated_at: now });
  const repo = new LoyaltyRepository(db);
  const spent = new Map<string, { from: string; to: string; points: number }>();
  for (const draw of await moves.crossDraws(workspaceId, entryIds)) {
    const key = `${draw.creditCustomer}>${draw.debitCustomer}`;
    const sum = spent.get(key) ?? { from: draw.creditCustomer, to: draw.debitCustomer, points: 0 };
    sum.points += draw.points;
    spent.set(key, sum);
  }
  for (const { from, to, points } of spent.values()) {
    for (const [customerId, signed, reason] of [
      [from, -points, 'unmerge-out'],
      [to, points, 'unmerge-in'],
    ] as const) {
      await repo.lockAccount(workspaceId, customerId, now);
      await repo.record({
        id: randomUUID(),
        workspace_id: workspaceId,
        customer_id: customerId,
        kind: 'adjust',
        points: signed,
        remaining: 0,
        expires_at: null,
        order_id: null,
        refund_id: null,
        idempotency_key: `unmerge:${mergeId}:${from}:${to}:${reason}`,
        reason,
        actor_id: null,
        actor_label: 'Jejak',
        at: now,
      });
    }
  }
  for (const customerId of new Set([row.merged_id, row.survivor_id, ...holders])) {
    const account = await repo.account(workspaceId, customerId);
    if (!account) continue;
    const sums = await moves.sums(workspaceId, customerId);
    const tier =
      customerId === row.survivor_id
        ? { tier_key: survivorBefore?.tier_key ?? null, tier_since: survivorBefore?.tier_since ?? now }
        : {};
    await moves.putAccount({
      ...account,
      ...tier,
      balance: sums.balance,
      debt: Math.max(0, sums.remaining - sums.balance),
      updated_at: now,
    });
  }
  await moves.deleteMerge(workspaceId, mergeId);
}

/** Ranks tier keys by the program's levels (lowest first); unknown or none is -1. */
async function tierRank(repo: LoyaltyRepository, workspaceId: string) {
  const json = await repo.program(workspaceId);
  const levels = json
    ? ((JSON.parse(json) as { tiers?: { levels?: { key: string }[] } }).tiers?.levels ?? [])
    : [];
  return (key: string | null) => (key === null ? -1 : levels.findIndex((l) => l.key === key));
}
