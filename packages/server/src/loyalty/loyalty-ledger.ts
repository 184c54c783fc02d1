import { randomUUID } from 'node:crypto';
import { DAY_MS, creditAfterDebt, planDebit, planExpiry, type LoyaltyProgram } from '@jejak/core';
import {
  LoyaltyRepository,
  type Executor,
  type LoyaltyAccount,
  type LoyaltyEntry,
  type LoyaltyEntryKind,
} from '@jejak/storage';
import type { Actor } from '../sales/actor.ts';

export const SYSTEM_ACTOR: Actor = { id: null, name: 'Jejak', role: null };

/**
 * Writes the points ledger of core/loyalty: every change locks the customer's account row first and
 * sweeps his expired credits, then writes its entry, its draws and the account's sums in the caller's
 * transaction.
 */
export class LoyaltyLedger {
  constructor(private readonly now: () => number) {}

  /** Locks (and opens) the account, gives the sign-up bonus when it opens, sweeps expired credits. */
  async open(
    db: Executor,
    workspaceId: string,
    customerId: string,
    program: LoyaltyProgram,
    actor: Actor,
  ): Promise<LoyaltyAccount> {
    const repo = new LoyaltyRepository(db);
    const at = this.now();
    const { account, opened } = await repo.lockAccount(workspaceId, customerId, at);
    let current = account;
    for (const draw of planExpiry(await repo.credits(workspaceId, customerId), at)) {
      const entry = await repo.record(
        {
          id: randomUUID(),
          workspace_id: workspaceId,
          customer_id: customerId,
          kind: 'expire',
          points: -draw.points,
          remaining: 0,
          expires_at: null,
          order_id: null,
          refund_id: null,
          idempotency_key: `expire:${draw.creditId}`,
          reason: null,
          actor_id: null,
          actor_label: 'Jejak',
          at,
        },
        [draw],
      );
      current = { ...current, balance: entry.balance_after };
    }
    if (opened && program.enabled && program.signupBonus > 0) {
      await this.credit(db, current, 'bonus', program.signupBonus, program, {
        reason: 'sign-up',
        idempotencyKey: `signup:${customerId}`,
        actor,
      });
    }
    return (await repo.account(workspaceId, customerId))!;
  }

  async credit(
    db: Executor,
    account: LoyaltyAccount,
    kind: LoyaltyEntryKind,
    points: number,
    program: LoyaltyProgram,
    how: {
      actor: Actor;
      orderId?: string;
      refundId?: string;
      reason?: string | undefined;
      idempotencyKey?: string;
      expiresAt?: number | null;
      /** Pending points: not spendable before this moment (the program's refund window). */
      unlocksAt?: number | null;
    },
  ): Promise<LoyaltyEntry> {
    const repo = new LoyaltyRepository(db);
    const fresh = (await repo.account(account.workspace_id, account.customer_id))!;
    const { remaining, repaid } = creditAfterDebt(points, fresh.debt);
    const at = this.now();
    const entry = await repo.record({
      id: randomUUID(),
      workspace_id: account.workspace_id,
      customer_id: account.customer_id,
      kind,
      points,
      remaining,
      expires_at: how.expiresAt !== undefined ? how.expiresAt : this.expiry(program, at),
      unlocks_at: how.unlocksAt ?? null,
      order_id: how.orderId ?? null,
      refund_id: how.refundId ?? null,
      idempotency_key: how.idempotencyKey ?? null,
      reason: how.reason ?? null,
      actor_id: how.actor.id,
      actor_label: how.actor.name,
      at,
    });
    if (repaid > 0)
      await repo.updateAccount(account.workspace_id, account.customer_id, { debt: fresh.debt - repaid });
    return entry;
  }

  async debit(
    db: Executor,
    account: LoyaltyAccount,
    kind: LoyaltyEntryKind,
    points: number,
    program: LoyaltyProgram,
    how: {
      actor: Actor;
      orderId?: string;
      refundId?: string;
      reason?: string | undefined;
      idempotencyKey?: string;
      first?: string | undefined;
      /** A redemption never spends points the customer does not have, whatever the program allows. */
      refuseNegative?: boolean;
    },
  ): Promise<LoyaltyEntry> {
    const repo = new LoyaltyRepository(db);
    const fresh = (await repo.account(account.workspace_id, account.customer_id))!;
    const at = this.now();
    const credits = await repo.credits(account.workspace_id, account.customer_id);
    const plan = planDebit(credits, points, at, {
      allowNegative: program.allowNegative && !how.refuseNegative,
      debt: fresh.debt,
      ...(how.first ? { first: how.first } : {}),
    });
    const entry = await repo.record(
      {
        id: randomUUID(),
        workspace_id: account.workspace_id,
        customer_id: account.customer_id,
        kind,
        points: -points,
        remaining: 0,
        expires_at: null,
        order_id: how.orderId ?? null,
        refund_id: how.refundId ?? null,
        idempotency_key: how.idempotencyKey ?? null,
        reason: how.reason ?? null,
        actor_id: how.actor.id,
        actor_label: how.actor.name,
        at,
      },
      plan.draws,
    );
    if (plan.shortfall > 0) {
      await repo.updateAccount(account.workspace_id, account.customer_id, {
        debt: fresh.debt + plan.shortfall,
      });
    }
    return entry;
  }

  expiry(program: LoyaltyProgram, at: number): number | null {
    return program.expiryDays === null ? null : at + program.expiryDays * DAY_MS;
  }
}
