import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JourneyStateRepository, WorkspaceRepository, type Store } from '../src/index.ts';
import { aJourneyState, aWorkspace, DAY, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

describe('JourneyStateRepository', () => {
  let store: Store;
  let states: JourneyStateRepository;
  let ws: string;
  beforeAll(async () => {
    store = await openTestStore();
    states = new JourneyStateRepository(store.db);
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  });

  it('inserts a state the first time and replaces it whole the next', async () => {
    const first = aJourneyState({
      workspace_id: ws,
      customer_id: 'siti',
      stage: 'awareness',
      due_at: T0 + DAY,
    });
    await states.upsert(first);
    expect(await states.get(ws, 'siti')).toEqual(first);
    const next = aJourneyState({
      workspace_id: ws,
      customer_id: 'siti',
      stage: 'purchase',
      status: 'active',
      due_at: null,
      last_event_at: T0 + 5,
      last_message_id: 'm-5',
      rules_version: 2,
      state_json: '{"orders":1}',
      updated_at: T0 + 6,
      first_channel: 'ads',
      home_branch_id: 'br_kemang',
    });
    await states.upsert(next);
    expect(await states.get(ws, 'siti')).toEqual(next);
  });

  it('writes many states at once, inserting new customers and replacing known ones whole', async () => {
    const known = aJourneyState({ workspace_id: ws, customer_id: 'siti', stage: 'awareness' });
    await states.upsert(known);
    const replaced = { ...known, stage: 'purchase', status: 'active', rules_version: 2, updated_at: T0 + 1 };
    const fresh = Array.from({ length: 420 }, (_, i) =>
      aJourneyState({ workspace_id: ws, customer_id: `c${i}`, due_at: T0 + i }),
    );
    await states.upsertMany([replaced, ...fresh]);
    await states.upsertMany([]);
    expect(await states.get(ws, 'siti')).toEqual(replaced);
    const read = await states.getMany(ws, ['siti', 'c419', 'nobody', 'siti']);
    expect(read.map((s) => s.customer_id).sort()).toEqual(['c419', 'siti']);
    expect(read.find((s) => s.customer_id === 'c419')).toEqual(fresh[419]);
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    expect(await states.getMany(other, ['siti'])).toEqual([]);
  });

  it('deletes a state, and says whether there was one', async () => {
    await states.upsert(aJourneyState({ workspace_id: ws, customer_id: 'budi' }));
    expect(await states.delete(ws, 'budi')).toBe(true);
    expect(await states.delete(ws, 'budi')).toBe(false);
    expect(await states.get(ws, 'budi')).toBeUndefined();
  });

  it('pages customers in id order with their stage and status, and counts them', async () => {
    const ids = ['c3', 'a1', 'b2', 'd4', 'e5'];
    await states.upsertMany(
      ids.map((id, i) =>
        aJourneyState({ workspace_id: ws, customer_id: id, stage: i % 2 ? 'purchase' : null }),
      ),
    );
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    await states.upsert(aJourneyState({ workspace_id: other, customer_id: 'b3' }));

    const first = await states.positionsAfter(ws, null, 2);
    expect(first).toEqual([
      { customer_id: 'a1', stage: 'purchase', status: 'new' },
      { customer_id: 'b2', stage: null, status: 'new' },
    ]);
    const rest = await states.positionsAfter(ws, 'b2', 10);
    expect(rest.map((p) => p.customer_id)).toEqual(['c3', 'd4', 'e5']);
    expect(await states.count(ws)).toBe(5);
    expect(await states.count(other)).toBe(1);
  });

  it('counts customers per stage and per status', async () => {
    const put = (customer_id: string, stage: string | null, status: string) =>
      states.upsert(aJourneyState({ workspace_id: ws, customer_id, stage, status }));
    await put('a', 'purchase', 'active');
    await put('b', 'purchase', 'at_risk');
    await put('c', 'retention', 'active');
    await put('d', null, 'new');
    expect(await states.countByStage(ws)).toEqual([
      { stage: null, count: 1 },
      { stage: 'purchase', count: 2 },
      { stage: 'retention', count: 1 },
    ]);
    expect(await states.countByStatus(ws)).toEqual([
      { status: 'active', count: 2 },
      { status: 'at_risk', count: 1 },
      { status: 'new', count: 1 },
    ]);
  });
});

describe('JourneyStateRepository.due', () => {
  let store: Store;
  // Its own store: due() reads every workspace.
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  it('hands the clock job the states whose deadline has passed, earliest first, across workspaces', async () => {
    const states = new JourneyStateRepository(store.db);
    const workspaces = new WorkspaceRepository(store.db);
    const a = (await workspaces.create(aWorkspace())).id;
    const b = (await workspaces.create(aWorkspace())).id;
    await states.upsert(aJourneyState({ workspace_id: a, customer_id: 'late', due_at: T0 + 3 }));
    await states.upsert(aJourneyState({ workspace_id: b, customer_id: 'early', due_at: T0 + 1 }));
    await states.upsert(aJourneyState({ workspace_id: a, customer_id: 'exactly-now', due_at: T0 + 10 }));
    await states.upsert(aJourneyState({ workspace_id: b, customer_id: 'future', due_at: T0 + 11 }));
    await states.upsert(aJourneyState({ workspace_id: a, customer_id: 'never', due_at: null }));

    expect((await states.due(T0 + 10, 100)).map((s) => s.customer_id)).toEqual([
      'early',
      'late',
      'exactly-now',
    ]);
    expect((await states.due(T0 + 10, 2)).map((s) => [s.workspace_id, s.customer_id])).toEqual([
      [b, 'early'],
      [a, 'late'],
    ]);
    expect(await states.due(T0, 100)).toEqual([]);
  });
});
