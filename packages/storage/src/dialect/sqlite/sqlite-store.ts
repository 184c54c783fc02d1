import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../schema.ts';
import type { Store } from '../../store.ts';

// Negative cache_size is in KiB: 256 MiB keeps the hot parts of the event indexes in memory at
// 10M events, which is what keeps ingestion fast as the file grows (DESIGN §6).
const CACHE_KIB = 262_144;
const MMAP_BYTES = 536_870_912;
const BUSY_TIMEOUT_MS = 5_000;

export function openSqliteStore(path: string, synchronous: 'full' | 'normal'): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`cache_size = -${CACHE_KIB}`);
    sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
    sqlite.pragma('temp_store = MEMORY');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    // Kysely's SqliteDriver closes the better-sqlite3 handle on destroy.
    close: () => db.destroy(),
  };
}
