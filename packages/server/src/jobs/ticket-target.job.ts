import type { FastifyBaseLogger } from 'fastify';
import { startIntervalJob } from './interval-job.ts';
import type { TicketService } from '../support/ticket.service.ts';

/**
 * Every interval, flips running response targets whose due time has passed to missed, so a missed
 * target weighs on the customer's journey even if nobody opens the ticket. Runs never overlap.
 */
export function startTicketTargetJob(
  tickets: TicketService,
  intervalMs: number,
  log: FastifyBaseLogger,
): () => Promise<void> {
  return startIntervalJob('ticket target job', intervalMs, log, async () => {
    // A batch at a time, until none is left.
    for (let missed = await tickets.missDueTargets(); missed > 0; missed = await tickets.missDueTargets()) {
      log.info({ missed }, 'response targets missed');
    }
  });
}
