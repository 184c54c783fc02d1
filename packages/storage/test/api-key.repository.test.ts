import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyRepository, WorkspaceRepository, type Store } from '../src/index.ts';
import { anApiKey, aWorkspace, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

describe('ApiKeyRepository', () => {
  let store: Store;
  let keys: ApiKeyRepository;
  beforeAll(async () => {
    store = await openTestStore();
    keys = new ApiKeyRepository(store.db);
  });
  afterAll(() => store.close());

  const workspace = async () => (await new WorkspaceRepository(store.db).create(aWorkspace())).id;

  it('finds an active key by its hash', async () => {
    const key = await keys.create(anApiKey({ workspace_id: await workspace(), kind: 'write' }));
    expect(await keys.findActiveByHash(key.key_hash)).toEqual(key);
    expect(await keys.findActiveByHash('0'.repeat(64))).toBeUndefined();
  });

  it('no longer finds a key once revoked, and keeps the first revocation time', async () => {
    const key = await keys.create(anApiKey({ workspace_id: await workspace() }));
    expect(await keys.revoke(key.id, T0 + 10)).toBe(true);
    expect(await keys.revoke(key.id, T0 + 20)).toBe(false);
    expect(await keys.findActiveByHash(key.key_hash)).toBeUndefined();
    const [listed] = await keys.list(key.workspace_id);
    expect(listed?.revoked_at).toBe(T0 + 10);
  });

  it('refuses two keys with the same hash', async () => {
    const key = await keys.create(anApiKey());
    await expect(keys.create(anApiKey({ key_hash: key.key_hash }))).rejects.toThrow();
  });

  it('lists a workspace’s keys apart from the installation-wide ones', async () => {
    const ws = await workspace();
    const secret = await keys.create(anApiKey({ workspace_id: ws, kind: 'secret', created_at: T0 + 1 }));
    const write = await keys.create(anApiKey({ workspace_id: ws, kind: 'write', created_at: T0 }));
    const admin = await keys.create(anApiKey({ workspace_id: null, kind: 'secret' }));
    expect((await keys.list(ws)).map((k) => k.id)).toEqual([write.id, secret.id]);
    const adminIds = (await keys.list(null)).map((k) => k.id);
    expect(adminIds).toContain(admin.id);
    expect(adminIds).not.toContain(write.id);
  });

  it('records when a key was last used', async () => {
    const key = await keys.create(anApiKey({ workspace_id: await workspace() }));
    await keys.touch(key.id, T0 + 5_000);
    expect((await keys.findActiveByHash(key.key_hash))?.last_used_at).toBe(T0 + 5_000);
  });
});
