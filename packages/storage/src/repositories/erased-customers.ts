import type { Executor } from './executor.ts';

/**
 * The ids of a workspace's erased customers, as a subquery. A rebuild keeps their journey states,
 * transitions and signals: their events are gone, so it could not write them again, and the counts
 * per stage must not change because a person used their right to be forgotten.
 */
export function erasedCustomerIds(db: Executor, workspaceId: string) {
  return db
    .selectFrom('customers')
    .select('customers.id')
    .where('customers.workspace_id', '=', workspaceId)
    .where('customers.erased_at', 'is not', null);
}
