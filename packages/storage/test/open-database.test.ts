import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, redactUrl, WorkspaceRepository, type Store } from '../src/index.ts';
import { aWorkspace } from './factories.ts';
import { openTestStore, testDialect } from './test-database.ts';

describe('openDatabase', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  it('opens the dialect this suite runs on', () => {
    expect(store.dialect).toBe(testDialect());
    expect(store.sqlite !== undefined).toBe(testDialect() === 'sqlite');
  });

  it('records every migration, in the order of their names', async () => {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
    const names = rows.rows.map((row) => row.name);
    expect(names[0]).toBe('2026-11-24T0000-initial');
    expect(names).toContain('2026-11-24T0300-transition-summary-index');
    expect(names).toEqual([...names].sort());
  });

  it('leaves the schema and its data alone when migrations run again', async () => {
    const workspace = await new WorkspaceRepository(store.db).create(aWorkspace());
    await migrateToLatest(store.db);
    await migrateToLatest(store.db);
    expect(await new WorkspaceRepository(store.db).get(workspace.id)).toEqual(workspace);
  });

  it('reads times back as numbers, not strings', async () => {
    const workspace = await new WorkspaceRepository(store.db).create(
      aWorkspace({ created_at: 1_790_000_000_123 }),
    );
    expect(workspace.created_at).toBe(1_790_000_000_123);
  });

  it.runIf(testDialect() === 'sqlite')('sets the pragmas an embedded store needs', () => {
    const sqlite = store.sqlite;
    if (sqlite === undefined) throw new Error('SQLite store without its handle');
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-262_144);
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2);
  });
});

describe('openDatabase options', () => {
  it('refuses to guess when neither a url nor a SQLite path is given', async () => {
    await expect(openDatabase({})).rejects.toThrow(/url .* or sqlitePath/);
  });

  it('refuses a url that is not PostgreSQL', async () => {
    await expect(openDatabase({ url: 'mysql://root@localhost/jejak' })).rejects.toThrow(/postgres:\/\//);
  });

  it('names the unreachable server without its password', async () => {
    const opening = openDatabase({ url: 'postgres://jejak:s3cret@127.0.0.1:1/jejak' });
    await expect(opening).rejects.toThrow(
      'Cannot reach PostgreSQL at postgres://jejak:***@127.0.0.1:1/jejak',
    );
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });

  it('redacts only the password of a url', () => {
    expect(redactUrl('postgres://a:b@h:5432/d?sslmode=require')).toBe(
      'postgres://a:***@h:5432/d?sslmode=require',
    );
    expect(redactUrl('postgres://a@h/d')).toBe('postgres://a@h/d');
  });

  it.runIf(testDialect() === 'sqlite')(
    'creates the SQLite file and its folder, with FULL sync by default',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jejak-open-'));
      const path = join(dir, 'nested', 'folder', 'jejak.sqlite');
      const store = await openDatabase({ sqlitePath: path });
      try {
        expect(existsSync(path)).toBe(true);
        expect(store.sqlite?.pragma('synchronous', { simple: true })).toBe(2);
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
