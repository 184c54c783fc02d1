import type { IdentityKey, NormalizedMessage } from '@jejak/core';

/*
 * The identity rules of DESIGN §2.4 as plain functions of what is known: who owns each key (`kind:value`)
 * and which customers already have a user id. The per-message resolver reads that from the database, the
 * batch resolver from one bulk read kept current in memory; both decide here, so they cannot drift apart.
 */

/** Owner (customer id) of each known identity key, by `kind:value`. */
export type KeyOwners = ReadonlyMap<string, string>;

/** The customers a message may belong to, and whether meeting several of them merges them. */
export interface Candidates {
  owners: string[];
  mayMerge: boolean;
}

export const keyString = (key: IdentityKey) => `${key.kind}:${key.value}`;

/** The distinct owners of the message's keys, in the keys' priority order. */
export function ownersOf(message: NormalizedMessage, ownerOf: KeyOwners): string[] {
  const owners = new Set<string>();
  for (const key of message.identityKeys) {
    const owner = ownerOf.get(keyString(key));
    if (owner !== undefined) owners.add(owner);
  }
  return [...owners];
}

/** Whether choosing among the owners depends on which of them already have a user id. */
export function needsIdentifiedOwners(message: NormalizedMessage, owners: readonly string[]): boolean {
  return owners.length > 0 && message.type !== 'alias';
}

/**
 * The customers this message may belong to. A customer who already has another user id is someone
 * else: a new user id on a shared device starts its own customer instead of joining theirs, and an
 * anonymous message that meets two identified customers joins one without merging them.
 * `identified` holds the owners that have a user id (only read when `needsIdentifiedOwners`).
 */
export function candidatesAmong(
  message: NormalizedMessage,
  owners: string[],
  ownerOf: KeyOwners,
  identified: ReadonlySet<string>,
): Candidates {
  if (!needsIdentifiedOwners(message, owners)) return { owners, mayMerge: true };
  if (message.userId === undefined) {
    return { owners, mayMerge: owners.filter((owner) => identified.has(owner)).length <= 1 };
  }
  const userIdOwner = ownerOf.get(`user_id:${message.userId}`);
  const possible = owners.filter((owner) => owner === userIdOwner || !identified.has(owner));
  return { owners: possible, mayMerge: true };
}

/** The message's keys nobody owns yet, which the resolved customer receives. */
export function keysToAdd(message: NormalizedMessage, ownerOf: KeyOwners): IdentityKey[] {
  return message.identityKeys.filter(
    (key) => !ownerOf.has(keyString(key)) && !isSpareAliasKey(message, key, ownerOf),
  );
}

/**
 * `kind:value` of the key that found the customer, stored with the event so a merge can be undone event
 * by event. Read from the owners as they were before the message's own keys were added.
 */
export function resolvingKey(
  message: NormalizedMessage,
  ownerOf: KeyOwners,
  customerId: string,
  added: readonly IdentityKey[],
): string {
  const primary = message.identityKeys[0];
  if (!primary) throw new Error('a normalised message always has an identity key');
  const found = message.identityKeys.find((key) => ownerOf.get(keyString(key)) === customerId);
  return keyString(found ?? added[0] ?? primary);
}

/**
 * An alias's previousId arrives as both a user id and an anonymous id (Segment allows either);
 * once one of the two is known, the other is not a real key of the customer.
 */
function isSpareAliasKey(message: NormalizedMessage, key: IdentityKey, ownerOf: KeyOwners): boolean {
  if (message.type !== 'alias' || key.value !== message.previousId) return false;
  return ownerOf.has(`user_id:${key.value}`) || ownerOf.has(`anonymous_id:${key.value}`);
}
