import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceRepository, type Store } from '../src/index.ts';
import { aWorkspace, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

describe('WorkspaceRepository', () => {
  let store: Store;
  let workspaces: WorkspaceRepository;
  beforeAll(async () => {
    store = await openTestStore();
    workspaces = new WorkspaceRepository(store.db);
  });
  afterAll(() => store.close());

  it('creates a workspace and finds it by id and by slug', async () => {
    const created = await workspaces.create(aWorkspace({ slug: 'kopi-kenangan-senja' }));
    expect(await workspaces.get(created.id)).toEqual(created);
    expect(await workspaces.getBySlug('kopi-kenangan-senja')).toEqual(created);
    expect(await workspaces.get('no-such-workspace')).toBeUndefined();
    expect(await workspaces.getBySlug('no-such-slug')).toBeUndefined();
  });

  it('refuses a second workspace with the same slug', async () => {
    await workspaces.create(aWorkspace({ slug: 'batik-solo' }));
    await expect(workspaces.create(aWorkspace({ slug: 'batik-solo' }))).rejects.toThrow();
  });

  it('changes the name, time zone and currency of one workspace only', async () => {
    const kopi = await workspaces.create(aWorkspace());
    const other = await workspaces.create(aWorkspace());
    const changed = await workspaces.update(kopi.id, {
      name: 'Kopi Sari',
      timezone: 'Asia/Makassar',
      currency: 'USD',
    });
    expect(changed).toEqual({ ...kopi, name: 'Kopi Sari', timezone: 'Asia/Makassar', currency: 'USD' });
    expect(await workspaces.get(other.id)).toEqual(other);
    expect(await workspaces.update('no-such-workspace', { name: 'x' })).toBeUndefined();
  });

  it('lists workspaces oldest first', async () => {
    const later = await workspaces.create(aWorkspace({ created_at: T0 + 2 }));
    const earlier = await workspaces.create(aWorkspace({ created_at: T0 + 1 }));
    const ids = (await workspaces.list()).map((w) => w.id);
    expect(ids.indexOf(earlier.id)).toBeLessThan(ids.indexOf(later.id));
  });
});
