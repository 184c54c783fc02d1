import { PostgresAdapter, type Kysely } from 'kysely';
import type { StoreDialect } from '../store.ts';

/**
 * Which dialect a Kysely instance (or transaction) talks to. Migrations receive only `db` from
 * Kysely's Migrator, so they ask the adapter rather than being handed the dialect.
 */
export function dialectOf(db: Kysely<unknown>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
