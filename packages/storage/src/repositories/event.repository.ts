import type { NewEvent, StoredEvent } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';

/** A place in a customer's event order, which is (at, message_id) as in core's compareEvents. */
export interface EventPosition {
  at: number;
  messageId: string;
}

export interface CustomerEventsOptions {
  /** Only events before this position (exclusive); a bare number means `at < before`. */
  before?: EventPosition | number;
  /** Keep only the newest `limit` of them (a timeline paging back); the result stays oldest first. */
  limit?: number;
}

export class EventRepository {
  constructor(private readonly db: Executor) {}

  /** Stores the event unless its message id is already stored in the workspace; returns whether it was stored. */
  async insert(row: NewEvent): Promise<boolean> {
    const result = await this.db
      .insertInto('events')
      .values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'message_id']).doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  /**
   * Stores a batch in one statement per chunk, skipping message ids already stored (or repeated in the batch);
   * returns the message ids that were stored. One statement per 500 rows instead of one per row is what
   * keeps Kysely's per-query cost off the ingestion path.
   */
  async insertMany(rows: readonly NewEvent[]): Promise<Set<string>> {
    const stored = new Set<string>();
    // 11 bound values a row: 400 rows stay under SQLite's and PostgreSQL's parameter limits.
    for (const part of chunks(rows, 400)) {
      const inserted = await this.db
        .insertInto('events')
        .values(part)
        .onConflict((oc) => oc.columns(['workspace_id', 'message_id']).doNothing())
        .returning('message_id')
        .execute();
      for (const row of inserted) stored.add(row.message_id);
    }
    return stored;
  }

  /** Which of these message ids are already stored in the workspace. */
  async existing(workspaceId: string, messageIds: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(messageIds)])) {
      const rows = await this.db
        .selectFrom('events')
        .select('message_id')
        .where('workspace_id', '=', workspaceId)
        .where('message_id', 'in', part)
        .execute();
      for (const row of rows) found.add(row.message_id);
    }
    return found;
  }

  /** A customer's events oldest first, in replay order. */
  async listForCustomer(
    workspaceId: string,
    customerId: string,
    options: CustomerEventsOptions = {},
  ): Promise<StoredEvent[]> {
    const { before, limit } = options;
    let query = this.db
      .selectFrom('events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId);
    if (typeof before === 'number') query = query.where('at', '<', before);
    else if (before !== undefined) {
      query = query.where((eb) =>
        eb(eb.refTuple('at', 'message_id'), '<', eb.tuple(before.at, before.messageId)),
      );
    }
    if (limit === undefined) return query.orderBy('at').orderBy('message_id').execute();
    const newest = await query.orderBy('at', 'desc').orderBy('message_id', 'desc').limit(limit).execute();
    return newest.reverse();
  }

  /** A customer's first `limit` events, oldest first (where he came from). */
  firstForCustomer(workspaceId: string, customerId: string, limit: number): Promise<StoredEvent[]> {
    return this.db
      .selectFrom('events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .orderBy('at')
      .orderBy('message_id')
      .limit(limit)
      .execute();
  }

  /** The names of these events (a transition's cause), by message id; unknown ids are simply absent. */
  async namesOf(workspaceId: string, messageIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const part of chunks([...new Set(messageIds)])) {
      const rows = await this.db
        .selectFrom('events')
        .select(['message_id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .where('message_id', 'in', part)
        .execute();
      for (const row of rows) names.set(row.message_id, row.name);
    }
    return names;
  }

  /** Moves every event of one customer to another (a merge). Returns how many moved. */
  async reassign(workspaceId: string, fromCustomerId: string, toCustomerId: string): Promise<number> {
    const result = await this.db
      .updateTable('events')
      .set({ customer_id: toCustomerId })
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', fromCustomerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Moves the events that arrived under these identity keys (`kind:value`) back to another customer:
   * undoing a merge returns each event to the side whose key resolved it. Returns how many moved.
   */
  async reassignByIdentityKeys(
    workspaceId: string,
    fromCustomerId: string,
    identityKeys: readonly string[],
    toCustomerId: string,
  ): Promise<number> {
    let moved = 0;
    for (const part of chunks(identityKeys)) {
      const result = await this.db
        .updateTable('events')
        .set({ customer_id: toCustomerId })
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', '=', fromCustomerId)
        .where('identity_key', 'in', part)
        .executeTakeFirst();
      moved += Number(result.numUpdatedRows);
    }
    return moved;
  }

  /**
   * Every event (of one workspace, or all), in batches ordered by (workspace_id, customer_id, at, message_id):
   * each customer's events arrive together and in replay order. Keyset pagination, so the cost of a batch
   * does not grow with how far the stream has gone.
   */
  async *streamAll(workspaceId?: string, batchSize = 5_000): AsyncGenerator<StoredEvent[], void, undefined> {
    let last: StoredEvent | undefined;
    for (;;) {
      const batch = await this.batchAfter(workspaceId, last, batchSize);
      if (batch.length > 0) yield batch;
      if (batch.length < batchSize) return;
      last = batch.at(-1);
    }
  }

  private batchAfter(
    workspaceId: string | undefined,
    after: StoredEvent | undefined,
    size: number,
  ): Promise<StoredEvent[]> {
    let query = this.db.selectFrom('events').selectAll();
    if (workspaceId !== undefined) {
      query = query.where('workspace_id', '=', workspaceId);
      if (after !== undefined) {
        query = query.where((eb) =>
          eb(
            eb.refTuple('customer_id', 'at', 'message_id'),
            '>',
            eb.tuple(after.customer_id, after.at, after.message_id),
          ),
        );
      }
    } else if (after !== undefined) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('workspace_id', 'customer_id', 'at', 'message_id'),
          '>',
          eb.tuple(after.workspace_id, after.customer_id, after.at, after.message_id),
        ),
      );
    }
    return query
      .orderBy('workspace_id')
      .orderBy('customer_id')
      .orderBy('at')
      .orderBy('message_id')
      .limit(size)
      .execute();
  }

  async count(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
