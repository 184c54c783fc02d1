import { randomBytes, randomUUID } from 'node:crypto';
import { generateCode, type ReferralReward } from '@jejak/core';
import {
  LoyaltyRepository,
  PromotionRepository,
  ReferralRepository,
  type Executor,
  type ReferralRow,
} from '@jejak/storage';
import type { LoyaltyService } from '../loyalty/loyalty.service.ts';
import type { Actor } from '../sales/actor.ts';

export type RewardSide = 'referrer' | 'friend';

/**
 * Gives and takes back referral rewards, in the caller's transaction. Points go through the loyalty
 * ledger (a `bonus` entry, taken back by a `cancel` entry); a voucher is a one-use code of the chosen
 * promotion issued to the customer, closed when taken back. Each side of a referral is rewarded once
 * (a unique row per referral and side; the ledger key `referral:<id>:<side>`).
 */
export class ReferralRewards {
  constructor(
    private readonly loyalty: LoyaltyService,
    private readonly now: () => number,
  ) {}

  async grant(
    db: Executor,
    referral: ReferralRow,
    side: RewardSide,
    customerId: string,
    reward: ReferralReward,
    actor: Actor,
  ): Promise<void> {
    const repo = new ReferralRepository(db);
    if ((await repo.rewardsOf(referral.workspace_id, referral.id)).some((r) => r.side === side)) return;
    const at = this.now();
    const row = {
      id: randomUUID(),
      workspace_id: referral.workspace_id,
      referral_id: referral.id,
      side,
      customer_id: customerId,
      kind: reward.type,
      points: 0,
      promotion_code_id: null as string | null,
      code: null as string | null,
      granted_at: at,
      reversed_at: null,
    };
    if (reward.type === 'points') {
      await this.loyalty.grant(db, referral.workspace_id, customerId, reward.points, {
        reason: side === 'referrer' ? 'referral: a friend bought' : 'referral: welcome for a referred friend',
        idempotencyKey: ledgerKey(referral.id, side),
        actor,
      });
      row.points = reward.points;
    } else {
      const promotions = new PromotionRepository(db);
      for (let round = 0; round < 5 && row.code === null; round += 1) {
        const code = generateCode('REF-', 8, (n) => randomBytes(n));
        const codeId = randomUUID();
        const stored = await promotions.insertCodes([
          {
            id: codeId,
            workspace_id: referral.workspace_id,
            promotion_id: reward.promotionId,
            code,
            customer_id: customerId,
            max_uses: 1,
            uses: 0,
            batch_id: null,
            created_at: at,
          },
        ]);
        if (stored > 0) {
          row.code = code;
          row.promotion_code_id = codeId;
        }
      }
      if (row.code === null) throw new Error('could not find a free voucher code for a referral reward');
    }
    await repo.insertReward(row);
  }

  /** Takes back every reward of the referral not taken back yet. */
  async reverseAll(db: Executor, referral: ReferralRow, actor: Actor): Promise<void> {
    const repo = new ReferralRepository(db);
    const at = this.now();
    for (const reward of await repo.rewardsOf(referral.workspace_id, referral.id)) {
      if (reward.reversed_at !== null) continue;
      if (reward.kind === 'points') {
        const key = ledgerKey(referral.id, reward.side as RewardSide);
        const grant = await new LoyaltyRepository(db).byIdempotencyKey(referral.workspace_id, key);
        if (grant) {
          await this.loyalty.takeBack(db, referral.workspace_id, reward.customer_id, grant, {
            reason: 'referral cancelled: the first purchase was refunded',
            idempotencyKey: `${key}:back`,
            actor,
          });
        }
      } else if (reward.promotion_code_id !== null) {
        await repo.closeVoucher(referral.workspace_id, reward.promotion_code_id);
      }
      await repo.markReversed(referral.workspace_id, reward.id, at);
    }
  }
}

const ledgerKey = (referralId: string, side: RewardSide) => `referral:${referralId}:${side}`;
