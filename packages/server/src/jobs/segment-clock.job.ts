import type { FastifyBaseLogger } from 'fastify';
import type { SegmentService } from '../segments/segment.service.ts';

/**
 * Re-evaluates, every interval, the customers whose segment membership can change by time alone (an
 * event leaving a "last N days" window), takes the daily member counts, and recomputes each workspace's
 * segments once a day. Runs never overlap; a failed run is logged and retried next time.
 */
export function startSegmentClockJob(
  segments: SegmentService,
  intervalMs: number,
  log: FastifyBaseLogger,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = segments
      .tick()
      .then((count) => {
        if (count > 0) log.info({ count }, 'segment clock re-evaluated customers');
      })
      .catch((error: unknown) => log.error({ err: error }, 'segment clock job failed'))
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
