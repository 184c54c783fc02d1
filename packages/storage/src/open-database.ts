import { openPostgresStore } from './dialect/postgres/postgres-store.ts';
import { openSqliteStore } from './dialect/sqlite/sqlite-store.ts';
import { migrateToLatest } from './migrations/migrate.ts';
import type { OpenDatabaseOptions, Store } from './store.ts';

/**
 * Opens PostgreSQL when `url` is given, otherwise the SQLite file at `sqlitePath`, and brings the
 * schema to the latest migration before handing the store back (DESIGN §4.2: migrations run on start).
 *
 * @example
 * const store = await openDatabase({ sqlitePath: 'data/jejak.sqlite' });
 * const workspaces = await new WorkspaceRepository(store.db).list();
 * await store.close();
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Store> {
  const store = await openStore(options);
  try {
    await migrateToLatest(store.db);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function openStore(options: OpenDatabaseOptions): Promise<Store> | Store {
  if (options.url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new Error('Database url must start with postgres:// or postgresql://');
    }
    return openPostgresStore(options.url);
  }
  if (options.sqlitePath !== undefined)
    return openSqliteStore(options.sqlitePath, options.sqliteSynchronous ?? 'full');
  throw new Error('openDatabase needs either url (postgres://...) or sqlitePath');
}
