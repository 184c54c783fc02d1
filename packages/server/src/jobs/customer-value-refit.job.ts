import type { FastifyBaseLogger } from 'fastify';
import { startIntervalJob } from './interval-job.ts';
import type { CustomerValueService } from '../analytics/customer-value.service.ts';

/**
 * Every interval, refits the purchase and spend models of each workspace whose nightly run is due
 * (once a local day, after NIGHTLY_HOUR): predictions stay current and the status option follows them.
 * A workspace with too little history is skipped and the reason recorded. Runs never overlap.
 */
export function startCustomerValueRefitJob(
  customerValue: CustomerValueService,
  intervalMs: number,
  log: FastifyBaseLogger,
): () => Promise<void> {
  return startIntervalJob(
    'customer value refit job',
    intervalMs,
    log,
    async () => {
      for (const { workspaceId, run } of await customerValue.refitDue()) {
        log.info(
          { workspaceId, outcome: run.outcome, reason: run.reason, statuses: run.statusesSent },
          'customer value refit',
        );
      }
    },
    // No run at start: a restart is no reason to refit, and the first look comes one interval later.
    { atStart: false },
  );
}
