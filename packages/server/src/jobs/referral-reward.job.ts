import type { FastifyBaseLogger } from 'fastify';
import { startIntervalJob } from './interval-job.ts';
import type { ReferralService } from '../referrals/referral.service.ts';

/**
 * Every interval, rewards the referrals whose window has passed without a refund of the friend's first
 * purchase (the referrer's reward and his `Referral Converted`), a batch at a time until none is due.
 * Runs never overlap; a referral moves out of `qualified` in the transaction that rewards it, so a
 * second process running the job rewards nothing twice.
 */
export function startReferralRewardJob(
  referrals: ReferralService,
  intervalMs: number,
  log: FastifyBaseLogger,
): () => Promise<void> {
  return startIntervalJob('referral reward job', intervalMs, log, async () => {
    for (let done = await referrals.rewardDue(); done > 0; done = await referrals.rewardDue()) {
      log.info({ referrals: done }, 'referrals rewarded');
    }
  });
}
