import { sql } from 'kysely';
import type { Executor } from './repositories/executor.ts';
import type { Store } from './store.ts';

/**
 * A transaction that will write. On PostgreSQL a plain one: rows it updates are locked until it ends,
 * so a second transaction updating the same stock row waits and then sees the first one's result.
 * On SQLite it begins IMMEDIATE, taking the file's one writer lock before its first read: a second
 * connection (another process) waits for it up to busy_timeout instead of reading a snapshot that
 * its own write would then find stale (SQLITE_BUSY_SNAPSHOT). In one process the connection is
 * shared and Kysely already runs transactions one after the other.
 */
export function writeTransaction<T>(store: Store, work: (trx: Executor) => Promise<T>): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(work);
  return store.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      // Also when the commit itself failed: the connection is shared and must not stay in a transaction.
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}
