import { DAY_MS, pendingPoints, spendable, type LoyaltyProgram, type TierLevel } from '@jejak/core';
import { LoyaltyRepository, type Executor } from '@jejak/storage';

/** What a customer holds: the balance, the tier, and the credits that make the balance up. */
export interface LoyaltyStanding {
  customerId: string;
  enabled: boolean;
  /** The sum of the ledger: spendable points and pending points, less any debt. */
  balance: number;
  /** Points that can be spent now. */
  spendable: number;
  /** Points earned inside the refund window, spendable once they unlock (see credits' unlocksAt). */
  pending: number;
  /** Rupiah a point takes off an order, and the spendable points' worth at that rate. */
  pointValue: number;
  worth: number;
  tier: TierLevel | null;
  next: { tier: TierLevel; missing: number } | null;
  /** Points counting toward the tier in the rolling period. */
  qualifying: number;
  debt: number;
  credits: {
    entryId: string;
    kind: string;
    points: number;
    remaining: number;
    at: number;
    expiresAt: number | null;
    unlocksAt: number | null;
  }[];
}

/** The customer's standing at `at`, read from his account, credits and entries. */
export async function readStanding(
  db: Executor,
  workspaceId: string,
  customerId: string,
  program: LoyaltyProgram,
  at: number,
): Promise<LoyaltyStanding> {
  const repo = new LoyaltyRepository(db);
  const account = await repo.account(workspaceId, customerId);
  const credits = account ? await repo.credits(workspaceId, customerId) : [];
  const kinds = new Map(
    (account ? await repo.entries(workspaceId, customerId, { limit: 1000 }) : []).map((e) => [e.id, e.kind]),
  );
  const qualifying = account
    ? await repo.qualifying(
        workspaceId,
        customerId,
        program.tiers.basis,
        at - program.tiers.periodDays * DAY_MS,
      )
    : 0;
  const levels = program.tiers.levels;
  const tier = levels.find((l) => l.key === account?.tier_key) ?? null;
  const above = levels.find(
    (l) => l.threshold > qualifying && levels.indexOf(l) > (tier ? levels.indexOf(tier) : -1),
  );
  const balance = account?.balance ?? 0;
  return {
    customerId,
    enabled: program.enabled,
    balance,
    pointValue: program.pointValue,
    spendable: Math.max(0, spendable(credits, account?.debt ?? 0, at)),
    pending: pendingPoints(credits, at),
    worth: Math.max(0, spendable(credits, account?.debt ?? 0, at)) * program.pointValue,
    tier,
    next: above ? { tier: above, missing: above.threshold - qualifying } : null,
    qualifying,
    debt: account?.debt ?? 0,
    credits: credits.map((c) => ({
      entryId: c.id,
      kind: kinds.get(c.id) ?? 'earn',
      points: c.points,
      remaining: c.remaining,
      at: c.at,
      expiresAt: c.expiresAt,
      unlocksAt: c.unlocksAt !== null && c.unlocksAt > at ? c.unlocksAt : null,
    })),
  };
}
