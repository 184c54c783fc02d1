import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Batch } from './workload.ts';

export interface InsertResult {
  rows: number;
  /** Time inside the insert transactions only; building the rows is not counted. */
  ms: number;
  latenciesMs: number[];
}

// The product's events table and indexes (packages/storage/src/migrations), and its SQLite pragmas.
const SCHEMA = `
  create table events (
    seq integer primary key autoincrement, workspace_id text not null, message_id text not null,
    customer_id text not null, type text not null, name text not null, channel text not null,
    at integer not null, received_at integer not null, identity_key text not null,
    properties_json text not null, payload_json text not null,
    constraint events_workspace_message unique (workspace_id, message_id));
  create index events_workspace_customer_at on events (workspace_id, customer_id, at, message_id);`;
const PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'cache_size = -262144',
  'mmap_size = 536870912',
  'temp_store = MEMORY',
];
const WORKSPACE = '00000000-0000-4000-8000-000000000001';

type Message = Record<string, unknown> & { context?: unknown; properties?: unknown; traits?: unknown };

/**
 * The storage floor for ingestion: the same batches as rows of an events-shaped table, one transaction
 * per batch as the product commits them, through a prepared better-sqlite3 insert. Rows are built from
 * the messages the simple way (the user id or anonymous id stands for the customer): no identity
 * resolution, no journey, no validation.
 */
export function insertIntoSqlite(dir: string, batches: Iterable<Batch>, onBatch?: (rows: number) => void) {
  const db = new BetterSqlite3(join(dir, 'baseline.sqlite'));
  for (const pragma of PRAGMAS) db.pragma(pragma);
  db.exec(SCHEMA);
  const insert = db.prepare(
    `insert into events (workspace_id, message_id, customer_id, type, name, channel, at, received_at,
       identity_key, properties_json, payload_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAll = db.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(row);
  });
  const result: InsertResult = { rows: 0, ms: 0, latenciesMs: [] };
  try {
    for (const batch of batches) {
      const rows = rowsOf(batch);
      const started = performance.now();
      insertAll(rows);
      const ms = performance.now() - started;
      result.ms += ms;
      result.latenciesMs.push(ms);
      result.rows += rows.length;
      onBatch?.(rows.length);
    }
  } finally {
    db.close();
  }
  return result;
}

function rowsOf(batch: Batch): unknown[][] {
  const { batch: messages } = JSON.parse(batch.body.toString()) as { batch: Message[] };
  const receivedAt = Date.now();
  return messages.map((m) => {
    const userId = typeof m.userId === 'string' ? m.userId : undefined;
    const anonymousId = typeof m.anonymousId === 'string' ? m.anonymousId : '';
    const { properties, traits, context, ...rest } = m;
    return [
      WORKSPACE,
      m.messageId,
      userId ?? anonymousId,
      m.type,
      typeof m.event === 'string' ? m.event : typeof m.name === 'string' ? m.name : 'Identified',
      'web',
      Date.parse(String(m.timestamp)),
      receivedAt,
      userId ? `user_id:${userId}` : `anonymous_id:${anonymousId}`,
      JSON.stringify(properties ?? {}),
      JSON.stringify({ ...rest, traits, context }),
    ];
  });
}
