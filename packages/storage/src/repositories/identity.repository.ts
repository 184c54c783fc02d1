import type { ExpressionBuilder } from 'kysely';
import type { Database, IdentityKeyRow } from '../schema.ts';
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

function anyKey(eb: ExpressionBuilder<Database, 'identity_keys'>, keys: readonly IdentityKeyRef[]) {
  return eb.or(keys.map((k) => eb.and([eb('kind', '=', k.kind), eb('value', '=', k.value)])));
}
