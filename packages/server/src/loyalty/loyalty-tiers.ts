import { DAY_MS, nextTier, type LoyaltyProgram } from '@jejak/core';
import { LoyaltyRepository, type Executor } from '@jejak/storage';
import type { SalesJourney } from '../sales/sales-journey.ts';

/** A member's tier, looked at again after each change of his points (rules: core nextTier). */
export class LoyaltyTiers {
  constructor(private readonly journey: SalesJourney) {}

  /** Looks at the customer's tier again; a change is stored and is his journey event. */
  async retier(
    db: Executor,
    workspaceId: string,
    customerId: string,
    program: LoyaltyProgram,
    at: number,
  ): Promise<string | null | undefined> {
    if (program.tiers.levels.length === 0) return undefined;
    const repo = new LoyaltyRepository(db);
    const account = (await repo.account(workspaceId, customerId))!;
    const qualifying = await repo.qualifying(
      workspaceId,
      customerId,
      program.tiers.basis,
      at - program.tiers.periodDays * DAY_MS,
    );
    const next = nextTier(program, { key: account.tier_key, since: account.tier_since }, qualifying, at);
    if (next.change === null) return account.tier_key;
    await repo.updateAccount(workspaceId, customerId, { tier_key: next.key, tier_since: next.since });
    await repo.recordTierChange({
      workspace_id: workspaceId,
      customer_id: customerId,
      from_key: account.tier_key,
      to_key: next.key,
      direction: next.change,
      at,
    });
    const name = (key: string | null) => program.tiers.levels.find((l) => l.key === key)?.name ?? null;
    await this.journey.emit(db, {
      workspaceId,
      customerId,
      type: 'track',
      messageId: `tier-${next.change}:${customerId}:${at}:${next.key ?? 'none'}`,
      name: next.change === 'upgraded' ? 'Tier Upgraded' : 'Tier Downgraded',
      at,
      properties: {
        tier: next.key,
        tier_name: name(next.key),
        previous_tier: account.tier_key,
        previous_tier_name: name(account.tier_key),
        basis: program.tiers.basis,
        qualifying,
      },
    });
    return next.key;
  }
}
