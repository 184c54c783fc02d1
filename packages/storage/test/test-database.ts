import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Store, type StoreDialect } from '../src/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set per vitest project (see vitest.config.ts): the same suite runs once per dialect. */
    dialect: StoreDialect;
  }
}

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The dialect this vitest project runs the suite on. */
export function testDialect(): StoreDialect {
  return inject('dialect');
}

/**
 * A fresh, migrated store of its own: a temp SQLite file, or a new PostgreSQL database
 * `jejak_test_<random>` on JEJAK_TEST_PG_URL (default: local trust auth as postgres).
 * `close()` removes the file or drops the database.
 */
export async function openTestStore(dialect: StoreDialect = testDialect()): Promise<Store> {
  return dialect === 'postgres' ? openPostgresTestStore() : openSqliteTestStore();
}

async function openSqliteTestStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-test-'));
  // normal: the tests never pull the power, and FULL's fsync per commit only slows them.
  const store = await openDatabase({ sqlitePath: join(dir, 'jejak.sqlite'), sqliteSynchronous: 'normal' });
  return {
    ...store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgresTestStore(): Promise<Store> {
  const adminUrl = process.env.JEJAK_TEST_PG_URL ?? DEFAULT_PG_URL;
  const name = `jejak_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let store: Store;
  try {
    store = await openDatabase({ url: url.toString() });
  } catch (error) {
    await dropDatabase(adminUrl, name);
    throw error;
  }
  return {
    ...store,
    close: async () => {
      await store.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

function dropDatabase(adminUrl: string, name: string): Promise<unknown> {
  return withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
}

async function withAdmin<T>(adminUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
