import type { FastifyBaseLogger } from 'fastify';
import { startIntervalJob } from './interval-job.ts';
import type { JourneyService } from '../journey/journey.service.ts';

/**
 * Advances, every interval, the customers whose next time-driven change is due (experience after a
 * purchase, at-risk after silence). Runs never overlap; a failed run is logged and retried next time.
 */
export function startClockJob(
  journey: JourneyService,
  intervalMs: number,
  log: FastifyBaseLogger,
): () => Promise<void> {
  return startIntervalJob('clock job', intervalMs, log, async () => {
    const advanced = await journey.advanceDue();
    if (advanced > 0) log.info({ advanced }, 'clock advanced customers');
  });
}
