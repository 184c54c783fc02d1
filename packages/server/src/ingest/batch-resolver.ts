import type { NormalizedMessage } from '@jejak/core';
import { IdentityRepository, type Executor, type Customer, type NewIdentityKey } from '@jejak/storage';
import {
  candidatesAmong,
  keyString,
  keysToAdd,
  ownersOf,
  resolvingKey,
} from '../customers/identity.rules.ts';
import { newCustomerRow } from '../customers/identity.service.ts';

export interface ResolvedMessage {
  message: NormalizedMessage;
  customerId: string;
  /** `kind:value` of the key that found the customer (see IdentityService.resolve). */
  identityKey: string;
}

/** The customers of a run of messages, and what resolving them adds to the identity graph. */
export interface ResolvedRun {
  /** The run's messages in order, each with its customer; it stops before the first merge case. */
  resolved: ResolvedMessage[];
  /** Customers the run met for the first time, in the order the messages met them. */
  newCustomers: Customer[];
  newKeys: NewIdentityKey[];
}

/**
 * Resolves as many leading messages as it can without writing: the stored owners of every key of every
 * message are read in one query (and which of them have a user id in a second), then each message is
 * decided in order by the same rules as `IdentityService.resolve`, with the keys it gives out recorded in
 * memory so a later message of the run meets them. A message whose keys point at two or more possible
 * customers (a merge, or the shared-device choice between two people) ends the run: those are rare,
 * touch other customers' rows, and go through the per-message path once the run is written.
 */
export async function resolveRun(
  db: Executor,
  workspaceId: string,
  messages: readonly NormalizedMessage[],
  now: number,
): Promise<ResolvedRun> {
  const identities = new IdentityRepository(db);
  const ownerOf = await storedOwners(identities, workspaceId, messages);
  const identified = await identities.customersWithKind(
    workspaceId,
    [...new Set(ownerOf.values())],
    'user_id',
  );
  const run: ResolvedRun = { resolved: [], newCustomers: [], newKeys: [] };
  for (const message of messages) {
    const owners = ownersOf(message, ownerOf);
    const candidates = candidatesAmong(message, owners, ownerOf, identified);
    if (candidates.owners.length > 1) break;
    let customerId = candidates.owners[0];
    if (customerId === undefined) {
      const row = newCustomerRow(workspaceId, message, now);
      run.newCustomers.push(row);
      customerId = row.id;
    }
    const added = keysToAdd(message, ownerOf);
    run.resolved.push({
      message,
      customerId,
      identityKey: resolvingKey(message, ownerOf, customerId, added),
    });
    for (const key of added) {
      ownerOf.set(keyString(key), customerId);
      if (key.kind === 'user_id') identified.add(customerId);
      run.newKeys.push({ workspace_id: workspaceId, ...key, customer_id: customerId, created_at: now });
    }
  }
  return run;
}

async function storedOwners(
  identities: IdentityRepository,
  workspaceId: string,
  messages: readonly NormalizedMessage[],
): Promise<Map<string, string>> {
  const keys = new Map(messages.flatMap((m) => m.identityKeys.map((key) => [keyString(key), key] as const)));
  const found = await identities.find(workspaceId, [...keys.values()]);
  return new Map(found.map((row) => [`${row.kind}:${row.value}`, row.customer_id]));
}
