import type { ExpressionBuilder } from 'kysely';
import type { Database, IdentityKeyRow, NewIdentityKey } from '../schema.ts';
import { chunks, type Executor } from './executor.ts';

export interface IdentityKeyRef {
  kind: string;
  value: string;
}

export class IdentityRepository {
  constructor(private readonly db: Executor) {}

  /** The stored rows among these keys; keys nobody owns yet are simply absent. */
  async find(workspaceId: string, keys: readonly IdentityKeyRef[]): Promise<IdentityKeyRow[]> {
    const rows: IdentityKeyRow[] = [];
    for (const part of chunks(keys)) {
      rows.push(
        ...(await this.db
          .selectFrom('identity_keys')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where((eb) => anyKey(eb, part))
          .execute()),
      );
    }
    return rows;
  }

  /** Gives the customer these keys; a key already owned (by anyone) is left as it is. Returns how many were added. */
  async add(
    workspaceId: string,
    customerId: string,
    keys: readonly IdentityKeyRef[],
    at: number,
  ): Promise<number> {
    let added = 0;
    for (const part of chunks(keys)) {
      const result = await this.db
        .insertInto('identity_keys')
        .values(
          part.map((k) => ({
            workspace_id: workspaceId,
            kind: k.kind,
            value: k.value,
            customer_id: customerId,
            created_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'value']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return added;
  }

  /**
   * Stores keys of many customers in one statement per chunk (an ingested batch's new keys). Like `add`,
   * a key already owned (by anyone) is left as it is. Returns how many were added.
   */
  async insertMany(rows: readonly NewIdentityKey[]): Promise<number> {
    let added = 0;
    // 5 bound values a row.
    for (const part of chunks(rows)) {
      const result = await this.db
        .insertInto('identity_keys')
        .values(part)
        .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'value']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0n);
    }
    return added;
  }

  /** Which of these customers hold at least one key of this kind (two people who each have a user id are two people). */
  async customersWithKind(
    workspaceId: string,
    customerIds: readonly string[],
    kind: string,
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(customerIds)])) {
      const rows = await this.db
        .selectFrom('identity_keys')
        .select('customer_id')
        .distinct()
        .where('workspace_id', '=', workspaceId)
        .where('customer_id', 'in', part)
        .where('kind', '=', kind)
        .execute();
      for (const row of rows) found.add(row.customer_id);
    }
    return found;
  }

  /** Points these keys at another customer (a merge, or its undo). Returns how many moved. */
  async moveKeys(
    workspaceId: string,
    keys: readonly IdentityKeyRef[],
    toCustomerId: string,
  ): Promise<number> {
    let moved = 0;
    for (const part of chunks(keys)) {
      const result = await this.db
        .updateTable('identity_keys')
        .set({ customer_id: toCustomerId })
        .where('workspace_id', '=', workspaceId)
        .where((eb) => anyKey(eb, part))
        .executeTakeFirst();
      moved += Number(result.numUpdatedRows);
    }
    return moved;
  }

  listForCustomer(workspaceId: string, customerId: string): Promise<IdentityKeyRow[]> {
    return this.db
      .selectFrom('identity_keys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .orderBy('kind')
      .orderBy('value')
      .execute();
  }
}

/*
 * A row-value IN list: both dialects look each pair up in the primary key. The same condition written as
 * `(kind = ? and value = ?) or ...` made SQLite scan every key of the workspace (6 s for 1,000 keys
 * among 300,000).
 */
function anyKey(eb: ExpressionBuilder<Database, 'identity_keys'>, keys: readonly IdentityKeyRef[]) {
  return eb(
    eb.refTuple('kind', 'value'),
    'in',
    keys.map((k) => eb.tuple(k.kind, k.value)),
  );
}
