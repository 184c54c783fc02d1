import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerRepository, EventRepository, WorkspaceRepository, type Store } from '../src/index.ts';
import { aCustomer, anEvent, aWorkspace } from './factories.ts';
import { openTestStore } from './test-database.ts';

describe('repositories inside one transaction', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(() => store.close());

  it('commits the writes of several repositories together', async () => {
    const ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    const customer = aCustomer({ workspace_id: ws });
    await store.db.transaction().execute(async (trx) => {
      await new CustomerRepository(trx).create(customer);
      await new EventRepository(trx).insert(
        anEvent({ workspace_id: ws, customer_id: customer.id, message_id: 'm1' }),
      );
    });
    expect(await new CustomerRepository(store.db).get(ws, customer.id)).toBeDefined();
    expect(await new EventRepository(store.db).count(ws)).toBe(1);
  });

  it('keeps none of them when the transaction fails', async () => {
    const ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    const customer = aCustomer({ workspace_id: ws });
    const failing = store.db.transaction().execute(async (trx) => {
      await new CustomerRepository(trx).create(customer);
      await new EventRepository(trx).insert(anEvent({ workspace_id: ws, customer_id: customer.id }));
      throw new Error('journey update failed');
    });
    await expect(failing).rejects.toThrow('journey update failed');
    expect(await new CustomerRepository(store.db).get(ws, customer.id)).toBeUndefined();
    expect(await new EventRepository(store.db).count(ws)).toBe(0);
  });

  it('refuses rows of a workspace that does not exist', async () => {
    const orphan = anEvent({ workspace_id: 'no-such-workspace', customer_id: 'c' });
    await expect(new EventRepository(store.db).insert(orphan)).rejects.toThrow();
  });
});
