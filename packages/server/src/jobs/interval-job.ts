import type { FastifyBaseLogger } from 'fastify';

/**
 * Runs `work` every interval (and once at start unless `atStart` is false). Runs never overlap: a tick
 * while one is running does nothing. A failed run is logged as `<name> failed` and retried next time.
 * Returns a stop that clears the timer and waits for the run in progress.
 */
export function startIntervalJob(
  name: string,
  intervalMs: number,
  log: FastifyBaseLogger,
  work: () => Promise<void>,
  options: { atStart?: boolean } = {},
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = work()
      .catch((error: unknown) => log.error({ err: error }, `${name} failed`))
      .finally(() => {
        running = undefined;
      });
  };
  if (options.atStart ?? true) tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
