import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BranchRepository, WorkspaceRepository, type NewBranch, type Store } from '../src/index.ts';
import { aWorkspace, DAY, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

function aBranch(overrides: Partial<NewBranch> & { workspace_id: string }): NewBranch {
  return {
    id: randomUUID(),
    name: 'Outlet Kemang',
    address: 'Jl. Kemang Raya 10, Jakarta Selatan',
    timezone: 'Asia/Jakarta',
    currency: 'IDR',
    created_at: T0,
    ...overrides,
  };
}

describe('BranchRepository', () => {
  let store: Store;
  let branches: BranchRepository;
  let ws: string;
  beforeAll(async () => {
    store = await openTestStore();
    branches = new BranchRepository(store.db);
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  });

  it('creates an open branch and changes its details', async () => {
    const created = await branches.create(aBranch({ workspace_id: ws }));
    expect(created.archived_at).toBeNull();
    const changed = await branches.update(ws, created.id, {
      name: 'Outlet Kemang Baru',
      timezone: 'Asia/Makassar',
    });
    expect(changed).toMatchObject({ name: 'Outlet Kemang Baru', timezone: 'Asia/Makassar', currency: 'IDR' });
  });

  it('archives a branch out of the list and reopens it, keeping the row', async () => {
    const kemang = await branches.create(aBranch({ workspace_id: ws }));
    const depok = await branches.create(
      aBranch({ workspace_id: ws, name: 'Outlet Depok', created_at: T0 + 1 }),
    );
    expect((await branches.setArchived(ws, kemang.id, T0 + DAY))?.archived_at).toBe(T0 + DAY);
    expect((await branches.list(ws)).map((b) => b.id)).toEqual([depok.id]);
    expect((await branches.list(ws, { includeArchived: true })).map((b) => b.id)).toEqual([
      kemang.id,
      depok.id,
    ]);
    expect((await branches.get(ws, kemang.id))?.archived_at).toBe(T0 + DAY);
    await branches.setArchived(ws, kemang.id, null);
    expect((await branches.list(ws)).map((b) => b.id)).toEqual([kemang.id, depok.id]);
  });

  it('never archives or changes another workspace’s branch', async () => {
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    const theirs = await branches.create(aBranch({ workspace_id: other }));
    expect(await branches.setArchived(ws, theirs.id, T0)).toBeUndefined();
    expect(await branches.update(ws, theirs.id, { name: 'Diambil' })).toBeUndefined();
    expect((await branches.get(other, theirs.id))?.archived_at).toBeNull();
  });
});
