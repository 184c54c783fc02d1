import type { Store } from '@jejak/storage';
import { ApiKeyService } from './auth/api-key.service.ts';
import { CustomerService } from './customers/customer.service.ts';
import { IdentityService } from './customers/identity.service.ts';
import { MergeService } from './customers/merge.service.ts';
import { GroupCommit, transactionPerUnit } from './ingest/group-commit.ts';
import { IngestService } from './ingest/ingest.service.ts';
import { JourneyQueries } from './journey/journey-queries.service.ts';
import { JourneyService } from './journey/journey.service.ts';
import { RebuildService } from './journey/rebuild.service.ts';
import { WorkspaceService } from './workspaces/workspace.service.ts';

export type Services = ReturnType<typeof createServices>;

/** Wires the services once; routes, the CLI and tests all go through these. */
export function createServices(store: Store, now: () => number = Date.now) {
  const journey = new JourneyService(store, now);
  const identity = new IdentityService(now);
  return {
    store,
    now,
    keys: new ApiKeyService(store.db, now),
    workspaces: new WorkspaceService(store, now),
    journey,
    journeyQueries: new JourneyQueries(store, journey),
    rebuild: new RebuildService(store, journey, now),
    identity,
    // SQLite has one writer: concurrent batches share a transaction and its fsync instead of queueing for it.
    ingest: new IngestService(
      store.dialect === 'sqlite' ? new GroupCommit(store.db).transact : transactionPerUnit(store.db),
      identity,
      journey,
      now,
    ),
    customers: new CustomerService(store),
    merges: new MergeService(store, identity, journey, now),
  };
}
