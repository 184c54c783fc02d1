import type { FastifyBaseLogger } from 'fastify';
import { startIntervalJob } from './interval-job.ts';
import type { LoyaltyService } from '../loyalty/loyalty.service.ts';

/**
 * Every interval, sweeps loyalty credits whose expiry has come into expiry entries (and looks at the
 * tiers of their customers again), unlocks pending points whose refund window has ended, so balances, the liability and downgrades follow the clock even
 * for customers who do not come back; members who held a tier past its hold period have it looked at
 * again once a day, so a downgrade comes even if they never buy again. Runs never overlap.
 */
export function startLoyaltyExpiryJob(
  loyalty: LoyaltyService,
  intervalMs: number,
  log: FastifyBaseLogger,
): () => Promise<void> {
  return startIntervalJob('loyalty expiry job', intervalMs, log, async () => {
    for (let swept = await loyalty.expireDue(); swept > 0; swept = await loyalty.expireDue()) {
      log.info({ customers: swept }, 'loyalty points expired');
    }
    for (let unlocked = await loyalty.unlockDue(); unlocked > 0; unlocked = await loyalty.unlockDue()) {
      log.info({ credits: unlocked }, 'pending loyalty points unlocked');
    }
    for (let looked = await loyalty.retierDue(); looked > 0; looked = await loyalty.retierDue()) {
      log.info({ customers: looked }, 'loyalty tiers looked at again');
    }
  });
}
