import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CustomerRepository,
  EventRepository,
  WorkspaceRepository,
  type Store,
  type StoredEvent,
} from '../src/index.ts';
import { aCustomer, anEvent, aWorkspace, MINUTE, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

describe('EventRepository', () => {
  let store: Store;
  let events: EventRepository;
  let ws: string;
  let customer: string;

  beforeAll(async () => {
    store = await openTestStore();
    events = new EventRepository(store.db);
  });
  afterAll(() => store.close());

  beforeEach(async () => {
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    customer = (await new CustomerRepository(store.db).create(aCustomer({ workspace_id: ws }))).id;
  });

  const event = (overrides: Partial<Parameters<typeof anEvent>[0]> = {}) =>
    anEvent({ workspace_id: ws, customer_id: customer, ...overrides });

  it('stores a message id once and answers false for the duplicate', async () => {
    expect(await events.insert(event({ message_id: 'm-1', name: 'Order Completed' }))).toBe(true);
    expect(await events.insert(event({ message_id: 'm-1', name: 'Something Else' }))).toBe(false);
    const stored = await events.listForCustomer(ws, customer);
    expect(stored.map((e) => [e.message_id, e.name])).toEqual([['m-1', 'Order Completed']]);
    expect(await events.count(ws)).toBe(1);
  });

  it('stores a batch and names the message ids it stored, skipping known and repeated ones', async () => {
    await events.insert(event({ message_id: 'known' }));
    const batch = [
      event({ message_id: 'new-1' }),
      event({ message_id: 'known' }),
      event({ message_id: 'new-1' }),
    ];
    const stored = await events.insertMany([...batch, event({ message_id: 'new-2' })]);
    expect([...stored].sort()).toEqual(['new-1', 'new-2']);
    expect(await events.count(ws)).toBe(3);
  });

  it('stores a batch larger than one statement holds', async () => {
    const batch = Array.from({ length: 450 }, (_, i) => event({ message_id: `bulk-${i}` }));
    expect((await events.insertMany(batch)).size).toBe(450);
    expect(await events.insertMany([])).toEqual(new Set());
  });

  it('accepts the same message id in another workspace', async () => {
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    expect(await events.insert(event({ message_id: 'shared' }))).toBe(true);
    expect(
      await events.insert(anEvent({ workspace_id: other, customer_id: customer, message_id: 'shared' })),
    ).toBe(true);
  });

  it('numbers events in arrival order with seq, apart from their time order', async () => {
    await events.insert(event({ message_id: 'first-arrival', at: T0 + 2 }));
    await events.insert(event({ message_id: 'second-arrival', at: T0 + 1 }));
    const [second, first] = await events.listForCustomer(ws, customer);
    expect(second?.message_id).toBe('second-arrival');
    expect(typeof first?.seq).toBe('number');
    expect(second?.seq).toBeGreaterThan(first?.seq ?? Infinity);
  });

  it('tells which message ids are already stored', async () => {
    await events.insert(event({ message_id: 'seen-1' }));
    await events.insert(event({ message_id: 'seen-2' }));
    const found = await events.existing(ws, ['seen-1', 'new-1', 'seen-2', 'seen-1']);
    expect([...found].sort()).toEqual(['seen-1', 'seen-2']);
    expect(await events.existing(ws, [])).toEqual(new Set());
  });

  it('lists a customer’s events in (at, message id) order whatever the arrival order', async () => {
    await events.insert(event({ message_id: 'b', at: T0 + MINUTE }));
    await events.insert(event({ message_id: 'c', at: T0 }));
    await events.insert(event({ message_id: 'a', at: T0 + MINUTE }));
    await events.insert(event({ message_id: 'B', at: T0 + MINUTE }));
    const ids = (await events.listForCustomer(ws, customer)).map((e) => e.message_id);
    // Byte order, as core's compareEvents: upper case before lower case on both dialects.
    expect(ids).toEqual(['c', 'B', 'a', 'b']);
  });

  it('pages a timeline back with before and limit, oldest first within the page', async () => {
    for (let i = 0; i < 5; i++) await events.insert(event({ message_id: `m${i}`, at: T0 + i * MINUTE }));
    const newest = await events.listForCustomer(ws, customer, { limit: 2 });
    expect(newest.map((e) => e.message_id)).toEqual(['m3', 'm4']);
    const first = newest[0] as StoredEvent;
    const older = await events.listForCustomer(ws, customer, {
      before: { at: first.at, messageId: first.message_id },
      limit: 2,
    });
    expect(older.map((e) => e.message_id)).toEqual(['m1', 'm2']);
    const beforeTime = await events.listForCustomer(ws, customer, { before: T0 + 2 * MINUTE });
    expect(beforeTime.map((e) => e.message_id)).toEqual(['m0', 'm1']);
    expect((await events.firstForCustomer(ws, customer, 2)).map((e) => e.message_id)).toEqual(['m0', 'm1']);
  });

  it('names events by message id, only inside the workspace', async () => {
    await events.insert(event({ message_id: 'm-order', name: 'Order Completed' }));
    await events.insert(event({ message_id: 'm-view', name: 'Product Viewed' }));
    const names = await events.namesOf(ws, ['m-order', 'm-view', 'clock', 'm-order']);
    expect(Object.fromEntries(names)).toEqual({ 'm-order': 'Order Completed', 'm-view': 'Product Viewed' });
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    expect((await events.namesOf(other, ['m-order'])).size).toBe(0);
  });

  it('moves every event of a merged customer to the survivor', async () => {
    const survivor = (await new CustomerRepository(store.db).create(aCustomer({ workspace_id: ws }))).id;
    await events.insert(event({ message_id: 'x1' }));
    await events.insert(event({ message_id: 'x2' }));
    expect(await events.reassign(ws, customer, survivor)).toBe(2);
    expect(await events.listForCustomer(ws, customer)).toEqual([]);
    expect((await events.listForCustomer(ws, survivor)).map((e) => e.message_id)).toEqual(['x1', 'x2']);
  });

  it('moves back only the events that arrived under the given identity keys', async () => {
    const merged = (await new CustomerRepository(store.db).create(aCustomer({ workspace_id: ws }))).id;
    await events.insert(event({ message_id: 'p', identity_key: 'phone:+628111' }));
    await events.insert(event({ message_id: 'e', identity_key: 'email:siti@example.id' }));
    await events.insert(event({ message_id: 'u', identity_key: 'user_id:42' }));
    const moved = await events.reassignByIdentityKeys(
      ws,
      customer,
      ['phone:+628111', 'email:siti@example.id'],
      merged,
    );
    expect(moved).toBe(2);
    expect((await events.listForCustomer(ws, merged)).map((e) => e.message_id).sort()).toEqual(['e', 'p']);
    expect((await events.listForCustomer(ws, customer)).map((e) => e.message_id)).toEqual(['u']);
  });

  it('counts only the workspace’s own events', async () => {
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    await events.insert(event());
    await events.insert(anEvent({ workspace_id: other, customer_id: customer }));
    expect(await events.count(ws)).toBe(1);
  });
});

describe('EventRepository.streamAll', () => {
  let store: Store;
  const expected: string[] = [];

  // Its own store: streaming every workspace must see exactly these rows.
  beforeAll(async () => {
    store = await openTestStore();
    const events = new EventRepository(store.db);
    for (const ws of ['ws-b', 'ws-a']) {
      await new WorkspaceRepository(store.db).create(aWorkspace({ id: ws }));
      for (const customer of ['c2', 'c1', 'c3']) {
        for (const [messageId, at] of [
          ['m2', T0],
          ['m1', T0],
          ['m0', T0 + MINUTE],
        ] as const) {
          await events.insert(
            anEvent({ workspace_id: ws, customer_id: customer, message_id: `${customer}-${messageId}`, at }),
          );
        }
      }
    }
    for (const ws of ['ws-a', 'ws-b']) {
      for (const customer of ['c1', 'c2', 'c3'])
        expected.push(...['m1', 'm2', 'm0'].map((m) => `${ws}/${customer}/${customer}-${m}`));
    }
  });
  afterAll(() => store.close());

  const collect = async (stream: AsyncGenerator<StoredEvent[]>) => {
    const batches: string[][] = [];
    for await (const batch of stream)
      batches.push(batch.map((e) => `${e.workspace_id}/${e.customer_id}/${e.message_id}`));
    return batches;
  };

  it('streams every workspace in (workspace, customer, at, message id) order in keyset batches', async () => {
    const batches = await collect(new EventRepository(store.db).streamAll(undefined, 4));
    expect(batches.map((b) => b.length)).toEqual([4, 4, 4, 4, 2]);
    expect(batches.flat()).toEqual(expected);
  });

  it('streams one workspace when asked', async () => {
    const batches = await collect(new EventRepository(store.db).streamAll('ws-b', 3));
    expect(batches.map((b) => b.length)).toEqual([3, 3, 3]);
    expect(batches.flat()).toEqual(expected.filter((id) => id.startsWith('ws-b/')));
  });

  it('yields nothing for a workspace without events', async () => {
    expect(await collect(new EventRepository(store.db).streamAll('ws-none', 10))).toEqual([]);
  });
});
