import type { IdentityKey } from '@jejak/core';
import {
  CustomerRepository,
  EventRepository,
  IdentityRepository,
  MergeRepository,
  type MergeRow,
  type Store,
} from '@jejak/storage';
import { badRequest, conflict, notFound } from '../http/http-error.ts';
import type { JourneyService } from '../journey/journey.service.ts';
import type { IdentityService } from './identity.service.ts';
import { keyString } from './identity.rules.ts';
import { refuseErased } from '../privacy/erased.ts';
import { undoLoyaltyMerge } from '../loyalty/loyalty-merge.ts';

/** Merges customers by hand and undoes any merge, automatic or not (DESIGN §2.4). */
export class MergeService {
  constructor(
    private readonly store: Store,
    private readonly identity: IdentityService,
    private readonly journey: JourneyService,
    private readonly now: () => number,
  ) {}

  list(workspaceId: string, options: { limit: number; cursor?: string; customerId?: string }) {
    return new MergeRepository(this.store.db).list(workspaceId, options);
  }

  async merge(workspaceId: string, survivorId: string, mergedId: string): Promise<MergeRow> {
    if (survivorId === mergedId) throw badRequest('A customer cannot be merged into itself');
    return this.store.db.transaction().execute(async (trx) => {
      const customers = new CustomerRepository(trx);
      for (const id of [survivorId, mergedId]) {
        const customer = await customers.get(workspaceId, id);
        if (!customer) throw notFound(`Customer ${id}`);
        refuseErased(customer);
        if (customer.merged_into)
          throw conflict(`Customer ${id} was already merged into ${customer.merged_into}`);
      }
      const id = await this.identity.merge(trx, workspaceId, survivorId, mergedId, null);
      const rules = await this.journey.rulesFor(trx, workspaceId);
      await this.journey.replayCustomer(trx, workspaceId, survivorId, rules, this.now());
      await this.journey.changed(trx, workspaceId, [survivorId, mergedId]);
      const row = await new MergeRepository(trx).get(workspaceId, id);
      if (!row) throw new Error('merge row vanished inside its transaction');
      return row;
    });
  }

  /**
   * Undoes a merge: the merged customer comes back with its keys, its traits, and every event that
   * came in under one of its keys (also those that arrived after the merge); both journeys are replayed.
   */
  async undo(workspaceId: string, mergeId: string): Promise<MergeRow> {
    return this.store.db.transaction().execute(async (trx) => {
      const merges = new MergeRepository(trx);
      const merge = await merges.get(workspaceId, mergeId);
      if (!merge) throw notFound(`Merge ${mergeId}`);
      if (merge.undone_at !== null) throw conflict(`Merge ${mergeId} was already undone`);
      const keys = JSON.parse(merge.keys_json) as IdentityKey[];
      const identities = new IdentityRepository(trx);
      // The keys may have moved on since (a later merge): take them back from whoever holds them now.
      const holders = [...new Set((await identities.find(workspaceId, keys)).map((k) => k.customer_id))];
      await identities.moveKeys(workspaceId, keys, merge.merged_id);
      const events = new EventRepository(trx);
      for (const holder of holders) {
        if (holder !== merge.merged_id) {
          await events.reassignByIdentityKeys(workspaceId, holder, keys.map(keyString), merge.merged_id);
        }
      }
      const customers = new CustomerRepository(trx);
      await customers.setMergedInto(workspaceId, merge.merged_id, null);
      await customers.update(workspaceId, merge.merged_id, {
        traits_json: merge.merged_traits_json,
        updated_at: this.now(),
      });
      await undoLoyaltyMerge(trx, workspaceId, mergeId, this.now());
      const rules = await this.journey.rulesFor(trx, workspaceId);
      for (const id of new Set([merge.merged_id, merge.survivor_id, ...holders])) {
        await this.journey.replayCustomer(trx, workspaceId, id, rules, this.now());
      }
      await this.journey.changed(trx, workspaceId, [merge.merged_id, merge.survivor_id, ...holders]);
      await merges.markUndone(workspaceId, mergeId, this.now());
      return { ...merge, undone_at: this.now() };
    });
  }
}
