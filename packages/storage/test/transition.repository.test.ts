import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TransitionRepository, WorkspaceRepository, type Store } from '../src/index.ts';
import { aTransition, aWorkspace, DAY, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

describe('TransitionRepository', () => {
  let store: Store;
  let transitions: TransitionRepository;
  let ws: string;
  beforeAll(async () => {
    store = await openTestStore();
    transitions = new TransitionRepository(store.db);
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  });

  it('lists a customer’s transitions in time order, same-time ones in insertion order', async () => {
    await transitions.insertMany([
      aTransition({
        workspace_id: ws,
        customer_id: 'siti',
        from_value: 'purchase',
        to_value: 'experience',
        at: T0 + 2,
      }),
      aTransition({ workspace_id: ws, customer_id: 'siti', from_value: null, to_value: 'awareness', at: T0 }),
      aTransition({
        workspace_id: ws,
        customer_id: 'siti',
        from_value: 'awareness',
        to_value: 'purchase',
        at: T0,
      }),
      aTransition({ workspace_id: ws, customer_id: 'budi', at: T0 }),
    ]);
    const listed = await transitions.listForCustomer(ws, 'siti');
    expect(listed.map((t) => t.to_value)).toEqual(['awareness', 'purchase', 'experience']);
    expect(typeof listed[0]?.id).toBe('number');
  });

  it('pages a customer’s transitions newest first, before a time or a time and id', async () => {
    await transitions.insertMany(
      [0, 1, 1, 2].map((minute, i) =>
        aTransition({ workspace_id: ws, customer_id: 'siti', to_value: `s${i}`, at: T0 + minute }),
      ),
    );
    const newest = await transitions.newestForCustomer(ws, 'siti', { limit: 2 });
    expect(newest.map((t) => t.to_value)).toEqual(['s3', 's2']);
    const last = newest[1]!;
    const older = await transitions.newestForCustomer(ws, 'siti', {
      limit: 5,
      before: { at: last.at, id: last.id },
    });
    expect(older.map((t) => t.to_value)).toEqual(['s1', 's0']);
    const beforeTime = await transitions.newestForCustomer(ws, 'siti', { limit: 5, before: T0 + 1 });
    expect(beforeTime.map((t) => t.to_value)).toEqual(['s0']);
  });

  it('inserts nothing for an empty list and many rows past one statement', async () => {
    await transitions.insertMany([]);
    const many = Array.from({ length: 450 }, (_, i) =>
      aTransition({ workspace_id: ws, customer_id: 'bulk', at: T0 + i }),
    );
    await transitions.insertMany(many);
    expect(await transitions.listForCustomer(ws, 'bulk')).toHaveLength(450);
  });

  it('deletes one customer’s history before a replay', async () => {
    await transitions.insertMany([
      aTransition({ workspace_id: ws, customer_id: 'siti' }),
      aTransition({ workspace_id: ws, customer_id: 'siti', kind: 'status', to_value: 'new' }),
      aTransition({ workspace_id: ws, customer_id: 'budi' }),
    ]);
    expect(await transitions.deleteForCustomer(ws, 'siti')).toBe(2);
    expect(await transitions.listForCustomer(ws, 'siti')).toEqual([]);
    expect(await transitions.listForCustomer(ws, 'budi')).toHaveLength(1);
  });

  it('summarises moves of one kind inside [from, to) as a from -> to matrix', async () => {
    const move = (
      from_value: string | null,
      to_value: string,
      at: number,
      kind: 'stage' | 'status' = 'stage',
    ) =>
      aTransition({ workspace_id: ws, customer_id: `c-${at}-${to_value}`, from_value, to_value, at, kind });
    await transitions.insertMany([
      move(null, 'awareness', T0),
      move(null, 'awareness', T0 + 1),
      move('awareness', 'purchase', T0 + 2),
      move('awareness', 'purchase', T0 + 3),
      move('purchase', 'retention', T0 + 4),
      move('new', 'active', T0 + 5, 'status'),
      move('awareness', 'purchase', T0 - 1),
      move('awareness', 'purchase', T0 + DAY),
    ]);
    expect(await transitions.summary(ws, { from: T0, to: T0 + DAY, kind: 'stage' })).toEqual([
      { from_value: null, to_value: 'awareness', count: 2 },
      { from_value: 'awareness', to_value: 'purchase', count: 2 },
      { from_value: 'purchase', to_value: 'retention', count: 1 },
    ]);
    expect(await transitions.summary(ws, { from: T0, to: T0 + DAY, kind: 'status' })).toEqual([
      { from_value: 'new', to_value: 'active', count: 1 },
    ]);
  });
});
