import { createServices, loadConfig, openStore, type Services } from '@jejak/server';
import type { Store } from '@jejak/storage';
import { phaseBar } from './progress.ts';
import type { Batch } from './workload.ts';

/** Events written in one transaction of the bulk load. */
export const BULK_TRANSACTION_EVENTS = 50_000;

const BULK_CACHE_KIB = 4 * 1024 * 1024;

export interface BulkLoadFigures {
  events: number;
  transactions: number;
  ms: number;
  eventsPerSecond: number;
}

/**
 * Fills a database with the workload quickly, for the read phase and for analytics benchmarks: the same
 * /v1/batch bodies the HTTP phase sends, parsed and stored by the product's ingestion code
 * (`IngestService.loadWithoutJourneys`: validation, identity resolution, the event, customer and identity
 * rows) in transactions of about `transactionEvents` events, in this process, without moving the
 * journeys. The caller then runs `jejak rebuild`, which makes the states, transitions, signals and every
 * summary from the stored events with the product's own code, as it does after an HTTP load.
 * Any message refused or seen twice stops the load, as a non-2xx answer stops the HTTP phase.
 */
export async function bulkLoad(
  dataDir: string,
  writeKey: string,
  batches: Iterable<Batch>,
  total: number,
  transactionEvents = BULK_TRANSACTION_EVENTS,
): Promise<BulkLoadFigures> {
  const store = await openStore(loadConfig({ JEJAK_DATA_DIR: dataDir, JEJAK_LOG_LEVEL: 'warn' }));
  // A loader's own connection: a cache that holds the growing event indexes (4 GiB) keeps the random
  // message-id inserts from reading pages back, as a server's 256 MiB would past a few million events.
  store.sqlite?.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  const bar = phaseBar('bulk load: storage layer, no journeys', total);
  try {
    return await loadBatches(createServices(store), store, writeKey, batches, transactionEvents, (n) =>
      bar.increment(n),
    );
  } finally {
    bar.stop();
    await store.close();
  }
}

/** The bulk load on an open store (the test compares it with HTTP ingestion on the same store kinds). */
export async function loadBatches(
  services: Services,
  store: Store,
  writeKey: string,
  batches: Iterable<Batch>,
  transactionEvents = BULK_TRANSACTION_EVENTS,
  onStored: (events: number) => void = () => {},
): Promise<BulkLoadFigures> {
  const key = await services.keys.authenticate(writeKey);
  if (key?.kind !== 'write') throw new Error('the bulk load needs a write key of the workspace');
  const started = performance.now();
  let events = 0;
  let transactions = 0;
  let pending: unknown[][] = [];
  let pendingEvents = 0;
  const commit = async () => {
    if (pending.length === 0) return;
    const bodies = pending;
    pending = [];
    pendingEvents = 0;
    const stored = await store.db.transaction().execute(async (trx) => {
      let count = 0;
      for (const batch of bodies) {
        const result = await services.ingest.loadWithoutJourneys(trx, key, batch, { endpoint: '/v1/batch' });
        if (result.rejected.length > 0 || result.duplicates > 0)
          throw new Error(
            `the bulk load stored ${result.accepted} of ${batch.length} messages: ` +
              `${result.duplicates} duplicates, refused ${JSON.stringify(result.rejected.slice(0, 3))}`,
          );
        count += result.accepted;
      }
      return count;
    });
    events += stored;
    transactions += 1;
    onStored(stored);
  };
  for (const batch of batches) {
    // The very bytes the HTTP phase posts, parsed as the server parses a body.
    pending.push((JSON.parse(batch.body.toString('utf8')) as { batch: unknown[] }).batch);
    pendingEvents += batch.events;
    if (pendingEvents >= transactionEvents) await commit();
  }
  await commit();
  const ms = performance.now() - started;
  return { events, transactions, ms: Math.round(ms), eventsPerSecond: ms > 0 ? (events * 1000) / ms : 0 };
}
