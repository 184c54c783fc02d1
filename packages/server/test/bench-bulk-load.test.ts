import type { Database } from '@jejak/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBatches } from '../../../bench/bulk-load.ts';
import { workloadBatches, type Batch } from '../../../bench/workload.ts';
import { startTestApp, type TestApp } from './harness.ts';

/**
 * The benchmark's bulk load (`npm run bench -- --bulk-load`) must leave the database as HTTP ingestion
 * does once both are rebuilt: the same events, customers, identity keys, merges, journeys, transitions,
 * signals and summaries. Customer ids are drawn afresh by each load, so customers are compared by the
 * identity keys they hold.
 */

// Every table a load or the rebuild after it writes for a workspace, and the columns that legitimately
// differ between two loads (row ids, arrival times).
const TABLES: Partial<Record<keyof Database, readonly string[]>> = {
  events: ['seq', 'received_at'],
  customers: [],
  identity_keys: [],
  merges: ['id'],
  journey_states: [],
  transitions: ['id'],
  journey_signals: [],
  journey_daily_moves: [],
  journey_daily_exits: [],
  journey_daily_entries: [],
  journey_monthly_exits: [],
  journey_monthly_entries: [],
  journey_monthly_moves: [],
  journey_weekly_entries: [],
  journey_monthly_signals: [],
  journey_monthly_negatives: [],
  journey_now_counts: [],
};
const CUSTOMER_COLUMNS = ['id', 'customer_id', 'merged_into', 'survivor_id', 'merged_id'];

async function dump(t: TestApp) {
  const db = t.store.db;
  const ws = t.workspace.id;
  const keys = await db.selectFrom('identity_keys').selectAll().where('workspace_id', '=', ws).execute();
  const merges = await db.selectFrom('merges').selectAll().where('workspace_id', '=', ws).execute();
  const names = new Map<string, string[]>();
  const add = (customer: string, key: string) => names.set(customer, [...(names.get(customer) ?? []), key]);
  for (const k of keys) add(k.customer_id, `${k.kind}:${k.value}`);
  for (const m of merges)
    for (const k of JSON.parse(m.keys_json) as { kind: string; value: string }[])
      add(m.merged_id, `${k.kind}:${k.value}`);
  const name = (id: unknown) =>
    typeof id === 'string' ? (names.get(id)?.sort().join(' ') ?? `no keys ${id}`) : id;
  const out: Record<string, string[]> = {};
  for (const [table, volatile] of Object.entries(TABLES)) {
    const rows = (await db
      .selectFrom(table as keyof Database)
      .selectAll()
      .where('workspace_id', '=', ws)
      .execute()) as Record<string, unknown>[];
    out[table] = rows
      .map((row) => {
        const kept: Record<string, unknown> = {};
        for (const [column, value] of Object.entries(row)) {
          if (column === 'workspace_id' || volatile.includes(column)) continue;
          kept[column] = CUSTOMER_COLUMNS.includes(column) ? name(value) : value;
        }
        return JSON.stringify(kept);
      })
      .sort();
  }
  return out;
}

describe('the benchmark bulk load', () => {
  let http: TestApp;
  let bulk: TestApp;
  let batches: Batch[];
  beforeAll(async () => {
    http = await startTestApp();
    bulk = await startTestApp();
    batches = [...workloadBatches({ seed: 7, customers: 60, days: 90 }, 200)];
  });
  afterAll(async () => {
    await http.close();
    await bulk.close();
  });

  it('leaves, after the rebuild, what HTTP ingestion and the same rebuild leave', async () => {
    for (const batch of batches) {
      const answer = await http.app.inject({
        method: 'POST',
        url: '/v1/batch',
        headers: { authorization: http.basic, 'content-type': 'application/json' },
        payload: batch.body,
      });
      expect(answer.statusCode).toBe(200);
    }
    // Small transactions, so the load spans several of them as it does at any real size.
    const loaded = await loadBatches(bulk.services, bulk.store, bulk.writeKey, batches, 1_000);
    const events = batches.reduce((sum, b) => sum + b.events, 0);
    expect(loaded.events).toBe(events);
    expect(loaded.transactions).toBeGreaterThan(1);
    // Before its rebuild the bulk load has moved no journey.
    const statesBefore = await bulk.store.db
      .selectFrom('journey_states')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(statesBefore.n)).toBe(0);

    await http.services.rebuild.run({ workspaceId: http.workspace.id });
    await bulk.services.rebuild.run({ workspaceId: bulk.workspace.id });
    const [fromHttp, fromBulk] = [await dump(http), await dump(bulk)];
    expect(fromHttp.events).toHaveLength(events);
    expect(fromHttp.transitions!.length).toBeGreaterThan(100);
    expect(fromHttp.journey_signals!.length).toBeGreaterThan(0);
    for (const table of Object.keys(TABLES)) expect([table, fromBulk[table]]).toEqual([table, fromHttp[table]]);
  });
});
