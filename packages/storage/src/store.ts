import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type StoreDialect = 'sqlite' | 'postgres';

/** An open, migrated database. `close()` ends the pool or closes the file; call it once. */
export interface Store {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** The raw SQLite handle, for hot paths that want their own prepared statements. */
  sqlite?: BetterSqlite3.Database;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** `postgres://user:password@host:port/database`; when given, PostgreSQL is used. */
  url?: string;
  /** The SQLite file, created with its folder if missing. */
  sqlitePath?: string;
  /** `full` (default) makes every acknowledged commit survive a power loss; `normal` only a process crash. */
  sqliteSynchronous?: 'full' | 'normal';
}
