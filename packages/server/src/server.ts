import { startSegmentClockJob } from './jobs/segment-clock.job.ts';
import path from 'node:path';
import { ApiKeyRepository, openDatabase, type Store } from '@jejak/storage';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { startClockJob } from './jobs/clock.job.ts';
import { startTicketTargetJob } from './jobs/ticket-target.job.ts';
import { startLoyaltyExpiryJob } from './jobs/loyalty-expiry.job.ts';
import { startReferralRewardJob } from './jobs/referral-reward.job.ts';
import { startCustomerValueRefitJob } from './jobs/customer-value-refit.job.ts';
import { createServices } from './services.ts';

/** Opens the database the configuration names (SQLite under dataDir unless DATABASE_URL is set). */
export function openStore(config: Config): Promise<Store> {
  return config.databaseUrl
    ? openDatabase({ url: config.databaseUrl })
    : openDatabase({
        sqlitePath: path.join(config.dataDir, 'jejak.sqlite'),
        sqliteSynchronous: config.sqliteSynchronous,
      });
}

/**
 * On the very first start there is no way in yet: create an installation-wide secret key and
 * return it so the caller prints it once. Later starts return undefined.
 */
export async function ensureAdminKey(
  store: Store,
  now: () => number = Date.now,
): Promise<string | undefined> {
  const existing = await new ApiKeyRepository(store.db).list(null);
  if (existing.some((k) => k.kind === 'secret' && k.revoked_at === null)) return undefined;
  const services = createServices(store, now);
  const created = await services.keys.create({
    workspaceId: null,
    kind: 'secret',
    name: 'admin (first start)',
  });
  return created.key;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** `jejak serve`: the API, ingestion and the clock job in one process. */
export async function startServer(
  config: Config,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<RunningServer> {
  const store = await openStore(config);
  const adminKey = await ensureAdminKey(store);
  if (adminKey) {
    print('');
    print('  First start: an admin secret key was created. It is shown only this once; keep it safe:');
    print(`    ${adminKey}`);
    print('  Use it as "Authorization: Bearer <key>" on /api/v1. More keys: jejak keys create');
    print('');
  }
  const { app, services } = await buildApp({ config, store });
  for (const workspaceId of await services.rebuild.pending()) {
    print(`Recomputing the journeys of workspace ${workspaceId} once, for the journey pages' filters ...`);
    const result = await services.rebuild.run({ workspaceId });
    print(`  ${result.customers} customers, ${result.events} events in ${Math.round(result.ms / 1000)} s`);
  }
  const stopClock = startClockJob(services.journey, config.clockIntervalMs, app.log);
  const stopTargets = startTicketTargetJob(services.tickets, config.clockIntervalMs, app.log);
  const stopExpiry = startLoyaltyExpiryJob(services.loyalty, config.clockIntervalMs, app.log);
  const stopSegments = startSegmentClockJob(services.segments, config.clockIntervalMs, app.log);
  const stopReferrals = startReferralRewardJob(services.referrals, config.clockIntervalMs, app.log);
  // Looks every quarter of an hour (or clock interval, if longer); each workspace refits once a local night.
  const stopRefit = startCustomerValueRefitJob(
    services.customerValue,
    Math.max(config.clockIntervalMs, 900_000),
    app.log,
  );
  const url = await app.listen({ host: config.host, port: config.port });
  print(`Jejak is listening on ${url} (${store.dialect}); API docs at ${url}/api/docs`);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await stopClock();
      await stopTargets();
      await stopExpiry();
      await stopSegments();
      await stopReferrals();
      await stopRefit();
      await app.close();
      await store.close();
    })());
  return { url, close };
}
