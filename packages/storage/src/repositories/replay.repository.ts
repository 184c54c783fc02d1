import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { sqliteInsertRows, sqliteReplayBatches } from '../dialect/sqlite/sqlite-replay.ts';
import type { NewJourneySignal, NewJourneyState, NewTransition } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';
import { JourneySignalRepository } from './journey-signal.repository.ts';
import { JourneyStateRepository } from './journey-state.repository.ts';
import { TransitionRepository } from './transition.repository.ts';

/** What a rebuild reads of an event: no payload, and properties only for the names that need them. */
export interface ReplayEventRow {
  seq: number;
  customer_id: string;
  message_id: string;
  type: string;
  name: string;
  channel: string;
  at: number;
  branch_id: string | null;
  /** Null unless the event's name is among `propertiesFor`. */
  properties_json: string | null;
}

export interface ReplayScanOptions {
  /** Event names whose properties to load, or 'all'. */
  propertiesFor: readonly string[] | 'all';
}

// A round trip to PostgreSQL costs about a millisecond: batches large enough that it does not count.
const PG_BATCH = 10_000;

/**
 * The reads and writes of a full rebuild (`RebuildService`): every event of a workspace in storage order
 * and the bulk insert of the recomputed states and transitions. Given the raw SQLite handle of the same
 * store, it runs them as prepared statements on it (inside the caller's transaction, which holds that
 * one connection); otherwise, on PostgreSQL, through Kysely.
 */
export class ReplayRepository {
  constructor(
    private readonly db: Executor,
    private readonly sqlite?: BetterSqlite3.Database,
  ) {}

  /**
   * Every event of the workspace in batches, in seq (storage) order: about arrival order, not time order,
   * and one customer's events are spread over many batches.
   */
  async *batches(
    workspaceId: string,
    options: ReplayScanOptions,
  ): AsyncGenerator<ReplayEventRow[], void, undefined> {
    if (this.sqlite) {
      yield* sqliteReplayBatches(this.sqlite, workspaceId, options);
      return;
    }
    for (let afterSeq = 0; ;) {
      const batch = await this.batchAfter(workspaceId, afterSeq, options);
      if (batch.length > 0) yield batch;
      const last = batch.at(-1);
      if (last === undefined || batch.length < PG_BATCH) return;
      afterSeq = last.seq;
    }
  }

  /**
   * The events of these customers, each customer's together and in replay order (at, message_id):
   * for the few customers a storage-order pass met out of order.
   */
  async eventsOf(
    workspaceId: string,
    customerIds: readonly string[],
    options: ReplayScanOptions,
  ): Promise<ReplayEventRow[]> {
    const rows: ReplayEventRow[] = [];
    for (const part of chunks(customerIds)) {
      const found = await this.db
        .selectFrom('events')
        .select(['seq', 'customer_id', 'message_id', 'type', 'name', 'channel', 'at', 'branch_id'])
        .select(propertiesColumn(options.propertiesFor).as('properties_json'))
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', part)
        .orderBy('customer_id')
        .orderBy('at')
        .orderBy('message_id')
        .execute();
      for (const row of found) rows.push(row);
    }
    return rows;
  }

  /** Removes the signals of these customers; returns how many were removed. */
  deleteSignalsOf(workspaceId: string, customerIds: readonly string[]): Promise<number> {
    return new JourneySignalRepository(this.db).deleteForCustomers(workspaceId, customerIds);
  }

  /** Removes the transitions of these customers; returns how many were removed. */
  async deleteTransitionsOf(workspaceId: string, customerIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (const part of chunks(customerIds)) {
      const result = await this.db
        .deleteFrom('transitions')
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', part)
        .executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    return removed;
  }

  /** The highest seq stored (0 when there are none): a cheap upper bound of a workspace's events. */
  async lastSeq(): Promise<number> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('last'))
      .executeTakeFirst();
    return Number(row?.last ?? 0);
  }

  async insertStates(rows: readonly NewJourneyState[]): Promise<void> {
    if (this.sqlite) sqliteInsertRows(this.sqlite, 'journey_states', rows);
    else await new JourneyStateRepository(this.db).insertMany(rows);
  }

  async insertTransitions(rows: readonly NewTransition[]): Promise<void> {
    if (this.sqlite) sqliteInsertRows(this.sqlite, 'transitions', rows);
    else await new TransitionRepository(this.db).insertMany(rows);
  }

  async insertSignals(rows: readonly NewJourneySignal[]): Promise<void> {
    if (this.sqlite) sqliteInsertRows(this.sqlite, 'journey_signals', rows);
    else await new JourneySignalRepository(this.db).insertMany(rows);
  }

  /** Keyset pagination on seq, so a batch costs the same however far the scan has gone. */
  private batchAfter(workspaceId: string, afterSeq: number, options: ReplayScanOptions) {
    return this.db
      .selectFrom('events')
      .select(['seq', 'customer_id', 'message_id', 'type', 'name', 'channel', 'at', 'branch_id'])
      .select(propertiesColumn(options.propertiesFor).as('properties_json'))
      .where('workspace_id', '=', workspaceId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(PG_BATCH)
      .execute();
  }
}

function propertiesColumn(names: ReplayScanOptions['propertiesFor']) {
  if (names === 'all') return sql<string | null>`properties_json`;
  if (names.length === 0) return sql<string | null>`null`;
  return sql<string | null>`case when name in (${sql.join(names)}) then properties_json end`;
}
