import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomerRepository, type Store } from '../src/index.ts';
import { openTestStore, testDialect } from './test-database.ts';

let store: Store;
beforeEach(async () => {
  store = await openTestStore();
});
afterEach(async () => store.close());

// Plans are the dialect's own business; SQLite's is stable enough to pin, PostgreSQL's depends on its statistics.
describe.skipIf(testDialect() !== 'sqlite')('customers list plan', () => {
  it('reads a page in recency order from the index, without sorting the workspace’s customers', () => {
    const { sql, parameters } = new CustomerRepository(store.db).listQuery('w', { limit: 50 }).compile();
    const plan = store.sqlite!.prepare(`explain query plan ${sql}`).all(...parameters) as {
      detail: string;
    }[];
    const details = plan.map((r) => r.detail).join(' | ');
    expect(details).toMatch(/journey_states_workspace_recency/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });

  it('looks the searched identity keys up once, not once per customer', () => {
    const { sql, parameters } = new CustomerRepository(store.db)
      .listQuery('w', {
        limit: 50,
        search: 'siti@kopi.id',
        searchKeys: [{ kind: 'email', value: 'siti@kopi.id' }],
      })
      .compile();
    const plan = store.sqlite!.prepare(`explain query plan ${sql}`).all(...parameters) as {
      detail: string;
    }[];
    expect(plan.map((r) => r.detail).join(' | ')).not.toMatch(/CORRELATED/);
  });
});
