import { randomUUID } from 'node:crypto';
import type { IdentityKey, NormalizedMessage } from '@jejak/core';
import {
  CustomerRepository,
  EventRepository,
  IdentityRepository,
  JourneySignalRepository,
  JourneyStateRepository,
  MergeRepository,
  TransitionRepository,
  type Customer,
  type Executor,
} from '@jejak/storage';
import {
  candidatesAmong,
  keysToAdd,
  needsIdentifiedOwners,
  ownersOf,
  resolvingKey,
} from './identity.rules.ts';
import { hasTraits, profileAfter } from './profile.ts';
import { mergeLoyalty } from '../loyalty/loyalty-merge.ts';

export interface Resolution {
  customerId: string;
  /** `kind:value` of the key that found the customer; a merge is undone event by event with it. */
  identityKey: string;
  /** Customers merged into `customerId` while resolving this message. */
  merged: string[];
}

/**
 * Finds the one customer behind a message's identity keys (DESIGN §2.4). Unknown keys create a
 * customer; keys of several customers merge them, except that two customers who each have their own
 * user id are never merged by a shared anonymous id, phone or email (a shared device, a family
 * phone) unless an `alias` says so explicitly.
 */
export class IdentityService {
  constructor(private readonly now: () => number) {}

  async resolve(db: Executor, workspaceId: string, message: NormalizedMessage): Promise<Resolution> {
    const identities = new IdentityRepository(db);
    const found = await identities.find(workspaceId, message.identityKeys);
    const ownerOf = new Map(found.map((row) => [`${row.kind}:${row.value}`, row.customer_id]));
    const owners = ownersOf(message, ownerOf);
    const identified = needsIdentifiedOwners(message, owners)
      ? await this.ownersWithUserIds(identities, workspaceId, owners)
      : new Set<string>();
    const candidates = candidatesAmong(message, owners, ownerOf, identified);
    let customerId: string;
    const merged: string[] = [];
    if (candidates.owners.length === 0) {
      customerId = await this.createCustomer(db, workspaceId, message);
    } else if (candidates.owners.length === 1) {
      customerId = candidates.owners[0]!;
    } else {
      const userIdOwner = message.userId ? ownerOf.get(`user_id:${message.userId}`) : undefined;
      customerId = userIdOwner ?? (await this.oldest(db, workspaceId, candidates.owners));
      if (candidates.mayMerge) {
        for (const other of candidates.owners) {
          if (other === customerId) continue;
          await this.merge(db, workspaceId, customerId, other, message.messageId);
          merged.push(other);
        }
      }
    }
    const added = keysToAdd(message, ownerOf);
    if (added.length > 0) await identities.add(workspaceId, customerId, added, this.now());
    return { customerId, identityKey: resolvingKey(message, ownerOf, customerId, added), merged };
  }

  /** Keeps the customer's profile (name, email, phone, traits) current from identify traits. */
  async updateProfile(
    db: Executor,
    workspaceId: string,
    customerId: string,
    message: NormalizedMessage,
  ): Promise<void> {
    if (!hasTraits(message)) return;
    const customers = new CustomerRepository(db);
    const customer = await customers.get(workspaceId, customerId);
    if (!customer) return;
    await customers.update(workspaceId, customerId, profileAfter(customer, message, this.now()));
  }

  /**
   * Merges `mergedId` into `survivorId`: keys, events and traits move; the merged customer's row
   * stays (marked) and the merge is recorded with what moved, so it can be undone.
   */
  async merge(db: Executor, workspaceId: string, survivorId: string, mergedId: string, cause: string | null) {
    const customers = new CustomerRepository(db);
    const identities = new IdentityRepository(db);
    const [survivor, loser] = await Promise.all([
      customers.get(workspaceId, survivorId),
      customers.get(workspaceId, mergedId),
    ]);
    if (!survivor || !loser) throw new Error(`cannot merge ${mergedId} into ${survivorId}: customer missing`);
    const keys = await identities.listForCustomer(workspaceId, mergedId);
    const moved: IdentityKey[] = keys.map((k) => ({ kind: k.kind as IdentityKey['kind'], value: k.value }));
    await identities.moveKeys(workspaceId, moved, survivorId);
    await new EventRepository(db).reassign(workspaceId, mergedId, survivorId);
    await new TransitionRepository(db).deleteForCustomer(workspaceId, mergedId);
    await new JourneySignalRepository(db).deleteForCustomers(workspaceId, [mergedId]);
    await new JourneyStateRepository(db).delete(workspaceId, mergedId);
    await customers.update(workspaceId, survivorId, mergedProfile(survivor, loser, this.now()));
    await customers.setMergedInto(workspaceId, mergedId, survivorId);
    const id = randomUUID();
    await new MergeRepository(db).insert({
      id,
      workspace_id: workspaceId,
      survivor_id: survivorId,
      merged_id: mergedId,
      keys_json: JSON.stringify(moved),
      merged_traits_json: loser.traits_json,
      cause_message_id: cause,
      created_at: this.now(),
      undone_at: null,
    });
    await mergeLoyalty(db, workspaceId, id, survivorId, mergedId, this.now());
    return id;
  }

  private async createCustomer(
    db: Executor,
    workspaceId: string,
    message: NormalizedMessage,
  ): Promise<string> {
    const row = newCustomerRow(workspaceId, message, this.now());
    await new CustomerRepository(db).create(row);
    return row.id;
  }

  private async ownersWithUserIds(identities: IdentityRepository, workspaceId: string, owners: string[]) {
    const identified = new Set<string>();
    for (const owner of owners) {
      const keys = await identities.listForCustomer(workspaceId, owner);
      if (keys.some((k) => k.kind === 'user_id')) identified.add(owner);
    }
    return identified;
  }

  private async oldest(db: Executor, workspaceId: string, owners: string[]): Promise<string> {
    const customers = new CustomerRepository(db);
    let best: Customer | undefined;
    for (const id of owners) {
      const c = await customers.get(workspaceId, id);
      if (c && (!best || c.first_seen_at < best.first_seen_at)) best = c;
    }
    return best?.id ?? owners[0]!;
  }
}

/** The row of a customer first met by this message, with a fresh id and an empty profile. */
export function newCustomerRow(workspaceId: string, message: NormalizedMessage, now: number): Customer {
  return {
    id: randomUUID(),
    workspace_id: workspaceId,
    name: null,
    email: null,
    phone: null,
    traits_json: '{}',
    first_seen_at: message.at,
    last_seen_at: message.at,
    merged_into: null,
    created_at: now,
    updated_at: now,
    erased_at: null,
  };
}

function mergedProfile(survivor: Customer, loser: Customer, now: number) {
  const traits = {
    ...(JSON.parse(loser.traits_json) as Record<string, unknown>),
    ...(JSON.parse(survivor.traits_json) as Record<string, unknown>),
  };
  return {
    traits_json: JSON.stringify(traits),
    name: survivor.name ?? loser.name,
    email: survivor.email ?? loser.email,
    phone: survivor.phone ?? loser.phone,
    first_seen_at: Math.min(survivor.first_seen_at, loser.first_seen_at),
    last_seen_at: Math.max(survivor.last_seen_at, loser.last_seen_at),
    updated_at: now,
  };
}
