import { MAX_BATCH_BYTES } from '@jejak/core';
import { BENCH_SHOP, simulateChunks, type SegmentMessage } from '../packages/cli/src/demo/index.ts';

/** Midnight of 1 January 2025 in Jakarta (UTC+7): the simulated year starts here. */
export const YEAR_START = Date.UTC(2025, 0, 1) - 7 * 3_600_000;
export const DAY_MS = 86_400_000;

export interface WorkloadOptions {
  seed: number;
  customers: number;
  days: number;
}

/** One /v1/batch request body, serialized once so every target receives the very same bytes. */
export interface Batch {
  events: number;
  body: Buffer;
}

/**
 * The seeded BENCH_SHOP simulation as /v1/batch bodies of `size` messages in time order, each under
 * Segment's 500 KB batch limit (a batch that would pass it is cut in two). No `sentAt`: the events are a
 * year old, and a `sentAt` stamped when the body was built would shift them by however long it waited.
 */
export function* workloadBatches(options: WorkloadOptions, size: number): Generator<Batch, void, undefined> {
  const chunks = simulateChunks({ ...options, start: YEAR_START, business: BENCH_SHOP });
  let pending: SegmentMessage[] = [];
  for (let step = chunks.next(); step.done !== true; step = chunks.next()) {
    for (const message of step.value.messages) {
      pending.push(message);
      if (pending.length === size) {
        yield* serialize(pending);
        pending = [];
      }
    }
  }
  if (pending.length > 0) yield* serialize(pending);
}

function* serialize(messages: SegmentMessage[]): Generator<Batch, void, undefined> {
  const body = Buffer.from(JSON.stringify({ batch: messages }));
  if (body.length <= MAX_BATCH_BYTES || messages.length === 1) {
    yield { events: messages.length, body };
    return;
  }
  const half = Math.ceil(messages.length / 2);
  yield* serialize(messages.slice(0, half));
  yield* serialize(messages.slice(half));
}
