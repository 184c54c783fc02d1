import type { FastifyBaseLogger } from 'fastify';
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
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = customerValue
      .refitDue()
      .then((runs) => {
        for (const { workspaceId, run } of runs) {
          log.info(
            { workspaceId, outcome: run.outcome, reason: run.reason, statuses: run.statusesSent },
            'customer value refit',
          );
        }
      })
      .catch((error: unknown) => log.error({ err: error }, 'customer value refit job failed'))
      .finally(() => {
        running = undefined;
      });
  };
  // No run at start: a restart is no reason to refit, and the first look comes one interval later.
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
