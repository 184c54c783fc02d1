import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MergeRepository, WorkspaceRepository, type Store } from '../src/index.ts';
import { aMerge, aWorkspace, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

describe('MergeRepository', () => {
  let store: Store;
  let merges: MergeRepository;
  beforeAll(async () => {
    store = await openTestStore();
    merges = new MergeRepository(store.db);
  });
  afterAll(() => store.close());

  const workspace = async () => (await new WorkspaceRepository(store.db).create(aWorkspace())).id;

  it('records a merge and reads it back only inside its workspace', async () => {
    const ws = await workspace();
    const merge = await merges.insert(aMerge({ workspace_id: ws, cause_message_id: 'msg-7' }));
    expect(await merges.get(ws, merge.id)).toEqual(merge);
    expect(await merges.get(await workspace(), merge.id)).toBeUndefined();
  });

  it('marks a merge undone once', async () => {
    const ws = await workspace();
    const merge = await merges.insert(aMerge({ workspace_id: ws }));
    expect(await merges.markUndone(ws, merge.id, T0 + 1)).toBe(true);
    expect(await merges.markUndone(ws, merge.id, T0 + 2)).toBe(false);
    expect((await merges.get(ws, merge.id))?.undone_at).toBe(T0 + 1);
  });

  it('pages merges newest first', async () => {
    const ws = await workspace();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await merges.insert(aMerge({ workspace_id: ws, created_at: T0 + i }))).id);
    const first = await merges.list(ws, { limit: 3 });
    const second = await merges.list(ws, { limit: 3, cursor: first.nextCursor });
    expect(first.items.map((m) => m.id)).toEqual(ids.slice(2).reverse());
    expect(second.items.map((m) => m.id)).toEqual(ids.slice(0, 2).reverse());
    expect(second.nextCursor).toBeNull();
  });

  it('lists only the merges a customer took part in, as survivor or as the merged one', async () => {
    const ws = await workspace();
    const asSurvivor = await merges.insert(aMerge({ workspace_id: ws, survivor_id: 'siti', created_at: T0 }));
    const asMerged = await merges.insert(aMerge({ workspace_id: ws, merged_id: 'siti', created_at: T0 + 1 }));
    await merges.insert(aMerge({ workspace_id: ws, created_at: T0 + 2 }));
    const page = await merges.list(ws, { limit: 10, customerId: 'siti' });
    expect(page.items.map((m) => m.id)).toEqual([asMerged.id, asSurvivor.id]);
    expect((await merges.list(await workspace(), { limit: 10, customerId: 'siti' })).items).toEqual([]);
  });
});
