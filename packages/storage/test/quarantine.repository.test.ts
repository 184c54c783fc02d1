import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidCursorError, QuarantineRepository, WorkspaceRepository, type Store } from '../src/index.ts';
import { aQuarantined, aWorkspace, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

describe('QuarantineRepository', () => {
  let store: Store;
  let quarantine: QuarantineRepository;
  beforeAll(async () => {
    store = await openTestStore();
    quarantine = new QuarantineRepository(store.db);
  });
  afterAll(() => store.close());

  const workspace = async () => (await new WorkspaceRepository(store.db).create(aWorkspace())).id;

  it('keeps a rejected event with its reason and gives it an id', async () => {
    const ws = await workspace();
    const row = await quarantine.insert(
      aQuarantined({ workspace_id: ws, batch_index: 3, message_id: 'bad-1' }),
    );
    expect(typeof row.id).toBe('number');
    expect(row).toMatchObject({
      workspace_id: ws,
      batch_index: 3,
      message_id: 'bad-1',
      endpoint: '/v1/batch',
    });
    expect(await quarantine.count(ws)).toBe(1);
  });

  it('pages newest first, with events received in the same millisecond kept in order', async () => {
    const ws = await workspace();
    for (let i = 0; i < 5; i++) {
      await quarantine.insert(
        aQuarantined({ workspace_id: ws, batch_index: i, received_at: T0 + Math.floor(i / 2) }),
      );
    }
    const first = await quarantine.list(ws, { limit: 2 });
    const second = await quarantine.list(ws, { limit: 2, cursor: first.nextCursor });
    const third = await quarantine.list(ws, { limit: 2, cursor: second.nextCursor });
    expect([first, second, third].map((page) => page.items.map((r) => r.batch_index))).toEqual([
      [4, 3],
      [2, 1],
      [0],
    ]);
    expect(third.nextCursor).toBeNull();
  });

  it('keeps a batch’s refused messages at once, in the order given', async () => {
    const ws = await workspace();
    const rows = Array.from({ length: 510 }, (_, i) => aQuarantined({ workspace_id: ws, batch_index: i }));
    await quarantine.insertMany(rows);
    await quarantine.insertMany([]);
    expect(await quarantine.count(ws)).toBe(510);
    const newest = await quarantine.list(ws, { limit: 3 });
    expect(newest.items.map((r) => r.batch_index)).toEqual([509, 508, 507]);
  });

  it('counts and lists only the workspace’s own rows', async () => {
    const a = await workspace();
    const b = await workspace();
    await quarantine.insert(aQuarantined({ workspace_id: a }));
    expect(await quarantine.count(b)).toBe(0);
    expect(await quarantine.list(b, { limit: 10 })).toEqual({ items: [], nextCursor: null });
  });

  it('rejects a cursor it did not make', async () => {
    await expect(quarantine.list(await workspace(), { limit: 2, cursor: 'not-a-cursor' })).rejects.toThrow(
      InvalidCursorError,
    );
  });
});
