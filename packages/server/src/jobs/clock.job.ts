import type { FastifyBaseLogger } from 'fastify';
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
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = journey
      .advanceDue()
      .then((advanced) => {
        if (advanced > 0) log.info({ advanced }, 'clock advanced customers');
      })
      .catch((error: unknown) => log.error({ err: error }, 'clock job failed'))
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
