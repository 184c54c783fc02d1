import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WorkspaceRepository, type Executor, type Store } from '@jejak/storage';
import { aWorkspace } from '../../storage/test/factories.ts';
import { openTestStore } from '../../storage/test/test-database.ts';
import { GroupCommit } from '../src/ingest/group-commit.ts';

describe('GroupCommit', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  const createWorkspace = (name: string) => async (trx: Executor) =>
    (await new WorkspaceRepository(trx).create(aWorkspace({ name }))).id;
  const failAfter = (name: string) => async (trx: Executor) => {
    await createWorkspace(name)(trx);
    throw new Error(`${name} failed`);
  };
  const exists = async (id: string) => (await new WorkspaceRepository(store.db).get(id)) !== undefined;
  const named = async (name: string) =>
    (await new WorkspaceRepository(store.db).list()).filter((w) => w.name === name).length;

  it('runs units that arrive together in one transaction and answers each with its own result', async () => {
    const group = new GroupCommit(store.db);
    const started = vi.spyOn(store.db, 'startTransaction');
    const ids = await Promise.all(['a', 'b', 'c'].map((name) => group.transact(createWorkspace(name))));
    expect(started).toHaveBeenCalledTimes(1);
    started.mockRestore();
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(await exists(id)).toBe(true);
  });

  it('rolls back only the unit that fails and commits the others', async () => {
    const group = new GroupCommit(store.db);
    const results = await Promise.allSettled([
      group.transact(createWorkspace('kept-1')),
      group.transact(failAfter('undone')),
      group.transact(createWorkspace('kept-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('undone failed'));
    expect(await named('undone')).toBe(0);
    expect([await named('kept-1'), await named('kept-2')]).toEqual([1, 1]);
  });

  it('runs a unit that comes alone in a plain transaction, undone whole when it fails', async () => {
    const group = new GroupCommit(store.db);
    const started = vi.spyOn(store.db, 'startTransaction');
    await expect(group.transact(failAfter('alone'))).rejects.toThrow('alone failed');
    expect(started).not.toHaveBeenCalled();
    started.mockRestore();
    expect(await named('alone')).toBe(0);
    expect(await exists(await group.transact(createWorkspace('next')))).toBe(true);
  });
});
