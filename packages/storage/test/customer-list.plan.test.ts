import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CustomerRepository,
  JourneyStateRepository,
  WorkspaceRepository,
  type CustomerListOptions,
  type Store,
} from '../src/index.ts';
import { aCustomer, aJourneyState, aWorkspace, T0 } from './factories.ts';
import { openTestStore, testDialect } from './test-database.ts';

// Plans are the dialect's own business; SQLite's is stable enough to pin, PostgreSQL's depends on its statistics.
describe.skipIf(testDialect() !== 'sqlite')('customers list plan', () => {
  let store: Store;
  let ws: string;

  // With statistics (ANALYZE) SQLite once preferred reading every customer and sorting them.
  beforeAll(async () => {
    store = await openTestStore();
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    const customers = Array.from({ length: 300 }, (_, i) => aCustomer({ workspace_id: ws, name: `c${i}` }));
    await new CustomerRepository(store.db).insertMany(customers);
    await new JourneyStateRepository(store.db).insertMany(
      customers.map((c, i) => aJourneyState({ workspace_id: ws, customer_id: c.id, last_event_at: T0 + i })),
    );
    store.sqlite!.exec('analyze');
  });
  afterAll(() => store.close());

  const planOf = (options: Omit<CustomerListOptions, 'limit'>) => {
    const { sql, parameters } = new CustomerRepository(store.db)
      .listQuery(ws, { limit: 50, ...options })
      .compile();
    const plan = store.sqlite!.prepare(`explain query plan ${sql}`).all(...parameters) as {
      detail: string;
    }[];
    return plan.map((r) => r.detail).join(' | ');
  };

  it('reads a page in recency order from the index, without sorting the workspace’s customers', () => {
    const plan = planOf({});
    expect(plan).toMatch(/journey_states_workspace_recency/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it('searches the customers in storage order and looks identity keys up once, not once per customer', () => {
    const plan = planOf({ search: 'siti@kopi.id', searchKeys: [{ kind: 'email', value: 'siti@kopi.id' }] });
    expect(plan).toMatch(/^SCAN c/);
    expect(plan).not.toMatch(/CORRELATED/);
  });
});
