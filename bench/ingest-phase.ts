import { postBatches, writeKeyHeader, type LoadResult } from './http-load.ts';
import { phaseBar } from './progress.ts';
import { startParseOnly, type ChildServer } from './processes.ts';
import { insertIntoSqlite } from './sqlite-baseline.ts';
import { timing, type Timing } from './stats.ts';
import type { Batch } from './workload.ts';

export interface IngestFigures {
  events: number;
  requests: number;
  ms: number;
  eventsPerSecond: number;
  latencyMs: Timing;
}

export function figures(
  result: LoadResult | { rows: number; ms: number; latenciesMs: number[] },
): IngestFigures {
  const events = 'rows' in result ? result.rows : result.events;
  return {
    events,
    requests: result.latenciesMs.length,
    ms: Math.round(result.ms),
    eventsPerSecond: result.ms > 0 ? (events * 1000) / result.ms : 0,
    latencyMs: timing(result.latenciesMs),
  };
}

/** The same bodies posted to a bare Fastify route that only parses them, in a process of its own. */
export async function parseOnlyBaseline(batches: readonly Batch[], concurrency: number) {
  const server = await startParseOnly();
  try {
    return figures(await post(server, batches, concurrency, {}, 'baseline: parse-only Fastify'));
  } finally {
    await server.stop();
  }
}

/** The same batches inserted straight into SQLite, one transaction per batch, in this process. */
export function sqliteBaseline(dir: string, batches: readonly Batch[]) {
  const bar = phaseBar('baseline: SQLite prepared insert', countEvents(batches), 'rows');
  try {
    return figures(insertIntoSqlite(dir, batches, (rows) => bar.increment(rows)));
  } finally {
    bar.stop();
  }
}

export function post(
  server: ChildServer,
  batches: Iterable<Batch>,
  concurrency: number,
  headers: Record<string, string>,
  label: string,
  total = Array.isArray(batches) ? countEvents(batches as Batch[]) : 0,
): Promise<LoadResult> {
  const bar = phaseBar(label, total);
  return postBatches(batches, {
    url: `${server.url}/v1/batch`,
    headers,
    concurrency,
    onAnswered: (events) => bar.increment(events),
  }).finally(() => bar.stop());
}

export function postToJejak(
  server: ChildServer,
  writeKey: string,
  batches: Iterable<Batch>,
  concurrency: number,
  label: string,
  total?: number,
) {
  return post(server, batches, concurrency, writeKeyHeader(writeKey), label, total);
}

export function countEvents(batches: readonly Batch[]): number {
  return batches.reduce((sum, b) => sum + b.events, 0);
}
