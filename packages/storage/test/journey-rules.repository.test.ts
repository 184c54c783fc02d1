import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JourneyRulesRepository, WorkspaceRepository, type Store } from '../src/index.ts';
import { aWorkspace, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

describe('JourneyRulesRepository', () => {
  let store: Store;
  let rules: JourneyRulesRepository;
  beforeAll(async () => {
    store = await openTestStore();
    rules = new JourneyRulesRepository(store.db);
  });
  afterAll(() => store.close());

  const workspace = async () => (await new WorkspaceRepository(store.db).create(aWorkspace())).id;

  it('has no current rules before the first version is saved', async () => {
    expect(await rules.current(await workspace())).toBeUndefined();
  });

  it('answers the highest version as current and lists all, newest first', async () => {
    const ws = await workspace();
    await rules.insert(ws, 1, '{"stages":1}', T0);
    await rules.insert(ws, 3, '{"stages":3}', T0 + 2);
    await rules.insert(ws, 2, '{"stages":2}', T0 + 1);
    expect(await rules.current(ws)).toEqual({ version: 3, rules_json: '{"stages":3}' });
    expect((await rules.list(ws)).map((r) => [r.version, r.created_at])).toEqual([
      [3, T0 + 2],
      [2, T0 + 1],
      [1, T0],
    ]);
  });

  it('refuses to save the same version twice', async () => {
    const ws = await workspace();
    await rules.insert(ws, 1, '{}', T0);
    await expect(rules.insert(ws, 1, '{"other":true}', T0)).rejects.toThrow();
  });

  it('keeps each workspace’s rules apart', async () => {
    const a = await workspace();
    const b = await workspace();
    await rules.insert(a, 7, '{"a":true}', T0);
    expect(await rules.current(b)).toBeUndefined();
    expect(await rules.list(b)).toEqual([]);
  });
});
