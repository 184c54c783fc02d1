import type { FastifyBaseLogger } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIntervalJob } from '../src/jobs/interval-job.ts';

/** The runner every background job shares: one run at a time, failures logged, a stop that waits. */
describe('startIntervalJob', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const logger = () => {
    const errors: string[] = [];
    return {
      errors,
      log: { error: (_: unknown, m: string) => errors.push(m) } as unknown as FastifyBaseLogger,
    };
  };

  it('runs at start and every interval, never two runs at once, and the stop waits for the one running', async () => {
    const { log } = logger();
    let runs = 0;
    let release: () => void = () => {};
    const stop = startIntervalJob('test job', 1_000, log, () => {
      runs++;
      return new Promise<void>((resolve) => (release = resolve));
    });
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    let stopped = false;
    const stopping = stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(2);
  });

  it('logs a failed run by the job name and runs again next time; atStart false waits an interval', async () => {
    const { log, errors } = logger();
    let runs = 0;
    const stop = startIntervalJob(
      'flaky job',
      1_000,
      log,
      () => {
        runs++;
        return Promise.reject(new Error('boom'));
      },
      { atStart: false },
    );
    expect(runs).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toBe(2);
    expect(errors).toEqual(['flaky job failed', 'flaky job failed']);
    await stop();
  });
});
