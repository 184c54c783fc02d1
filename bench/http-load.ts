import type { Batch } from './workload.ts';

export interface LoadResult {
  requests: number;
  events: number;
  ms: number;
  /** Per request, from sending the body to reading the whole answer. */
  latenciesMs: number[];
}

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  /** Requests in flight at once, each worker sending its next batch when the last is answered. */
  concurrency: number;
  onAnswered?: (events: number) => void;
}

/**
 * Posts every batch of `source` with `concurrency` requests in flight and times each one. Stops at the
 * first answer that is not 2xx: a benchmark that counts refused events as ingested would lie.
 */
export async function postBatches(source: Iterable<Batch>, options: LoadOptions): Promise<LoadResult> {
  const iterator = source[Symbol.iterator]();
  const result: LoadResult = { requests: 0, events: 0, ms: 0, latenciesMs: [] };
  const headers = { 'content-type': 'application/json', ...options.headers };
  const worker = async () => {
    for (let next = iterator.next(); next.done !== true; next = iterator.next()) {
      const started = performance.now();
      const response = await fetch(options.url, { method: 'POST', headers, body: next.value.body });
      const text = await response.text();
      result.latenciesMs.push(performance.now() - started);
      if (!response.ok)
        throw new Error(`POST ${options.url} answered ${response.status}: ${text.slice(0, 500)}`);
      result.requests += 1;
      result.events += next.value.events;
      options.onAnswered?.(next.value.events);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.ms = performance.now() - started;
  return result;
}

/** Basic auth with the write key as the user name, as Segment's libraries send it. */
export function writeKeyHeader(writeKey: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` };
}
