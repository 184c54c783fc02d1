import type { FastifyBaseLogger } from 'fastify';
import { startIntervalJob } from './interval-job.ts';
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
  return startIntervalJob('segment clock job', intervalMs, log, async () => {
    const count = await segments.tick();
    if (count > 0) log.info({ count }, 'segment clock re-evaluated customers');
  });
}
