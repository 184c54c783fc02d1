import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** What a repository runs on: the database, or a transaction so a service can run several in one. */
export type Executor = Kysely<Database> | Transaction<Database>;

// Keeps `in (...)` lists and multi-row inserts under both dialects' bound-parameter limits.
export const CHUNK_SIZE = 500;

export function chunks<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
