import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CustomerRepository,
  IdentityRepository,
  JourneyStateRepository,
  WorkspaceRepository,
  type CustomerListOptions,
  type Store,
} from '../src/index.ts';
import { aCustomer, aJourneyState, aWorkspace, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

describe('CustomerRepository', () => {
  let store: Store;
  let customers: CustomerRepository;
  let ws: string;
  beforeAll(async () => {
    store = await openTestStore();
    customers = new CustomerRepository(store.db);
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  });

  const names = async (options: Partial<CustomerListOptions> = {}) =>
    (await customers.list(ws, { limit: 50, ...options })).items.map((c) => c.name);

  /** A customer some event has reached: the list shows only those, most recently active first. */
  async function listed(
    overrides: Partial<Parameters<typeof aCustomer>[0]> = {},
    state: Partial<Parameters<typeof aJourneyState>[0]> = {},
  ) {
    const customer = await customers.create(aCustomer({ workspace_id: ws, ...overrides }));
    await new JourneyStateRepository(store.db).upsert(
      aJourneyState({ workspace_id: ws, customer_id: customer.id, ...state }),
    );
    return customer;
  }

  it('reads a customer only inside its workspace', async () => {
    const customer = await customers.create(aCustomer({ workspace_id: ws, traits_json: '{"tier":"gold"}' }));
    expect(await customers.get(ws, customer.id)).toEqual(customer);
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    expect(await customers.get(other, customer.id)).toBeUndefined();
  });

  it('updates the given fields and hands back the new row', async () => {
    const customer = await customers.create(aCustomer({ workspace_id: ws, email: null }));
    const updated = await customers.update(ws, customer.id, { email: 'siti@example.id', updated_at: T0 + 1 });
    expect(updated).toEqual({ ...customer, email: 'siti@example.id', updated_at: T0 + 1 });
    expect(await customers.update('other-workspace', customer.id, { name: 'X' })).toBeUndefined();
  });

  it('creates many customers at once, past one statement’s worth, and reads them back by id', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => aCustomer({ workspace_id: ws, name: `c${i}` }));
    await customers.insertMany(rows);
    await customers.insertMany([]);
    const wanted = [rows[0]!.id, rows[449]!.id, rows[0]!.id, 'nobody'];
    const found = await customers.getMany(ws, wanted);
    expect(found.map((c) => c.name).sort()).toEqual(['c0', 'c449']);
    expect(found.find((c) => c.name === 'c0')).toEqual(rows[0]);
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    expect(await customers.getMany(other, wanted)).toEqual([]);
  });

  it('writes the profile columns of many customers and leaves the rest of each row as it was', async () => {
    const siti = await customers.create(aCustomer({ workspace_id: ws, name: 'Siti', first_seen_at: T0 - 5 }));
    const budi = await customers.create(aCustomer({ workspace_id: ws, name: 'Budi', merged_into: 'x' }));
    const profile = {
      traits_json: '{"tier":"gold"}',
      email: 'siti@example.id',
      phone: '+6281234567890',
      last_seen_at: T0 + 9,
      updated_at: T0 + 10,
    };
    await customers.updateProfiles([
      // Columns outside the profile are not written, even when the row handed in says otherwise.
      { ...siti, ...profile, name: 'Siti Rahayu', first_seen_at: T0, created_at: T0 + 99 },
      { ...budi, name: 'Budi Santoso', updated_at: T0 + 10 },
    ]);
    expect(await customers.get(ws, siti.id)).toEqual({ ...siti, ...profile, name: 'Siti Rahayu' });
    expect(await customers.get(ws, budi.id)).toEqual({ ...budi, name: 'Budi Santoso', updated_at: T0 + 10 });
  });

  it('does not touch another workspace’s customer through a profile update', async () => {
    const siti = await customers.create(aCustomer({ workspace_id: ws, name: 'Siti' }));
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    await customers.updateProfiles([{ ...siti, workspace_id: other, name: 'Intruder' }]);
    expect((await customers.get(ws, siti.id))?.name).toBe('Siti');
  });

  it('lists the most recently active first and pages through ties without losing or repeating anyone', async () => {
    for (let i = 0; i < 7; i++) {
      await listed({ name: `c${i}`, last_seen_at: T0 - i }, { last_event_at: T0 + Math.floor(i / 3) });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await customers.list(ws, { limit: 3, cursor });
      seen.push(...page.items.map((c) => c.name ?? ''));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen.slice(0, 1)).toEqual(['c6']);
    expect([...seen].sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(seen.slice(1, 4).sort()).toEqual(['c3', 'c4', 'c5']);
  });

  it('leaves merged customers out of the list until the merge is undone', async () => {
    const survivor = await listed({ name: 'Survivor' });
    const merged = await listed({ name: 'Merged' });
    expect(await customers.setMergedInto(ws, merged.id, survivor.id)).toBe(true);
    expect(await names()).toEqual(['Survivor']);
    expect((await customers.get(ws, merged.id))?.merged_into).toBe(survivor.id);
    await customers.setMergedInto(ws, merged.id, null);
    expect((await names()).sort()).toEqual(['Merged', 'Survivor']);
  });

  describe('search', () => {
    beforeEach(async () => {
      await listed({ id: `${ws}-Zq9`, name: 'Siti Rahayu', phone: '+6281234567890' });
      await listed({ name: 'Budi Santoso', email: 'Budi@Example.ID' });
      await listed({ name: '100% Kopi', phone: '+6285700001111' });
    });

    it('matches the name whatever the case', async () => {
      expect(await names({ search: 'sITI' })).toEqual(['Siti Rahayu']);
    });

    it('matches part of an email whatever the case', async () => {
      expect(await names({ search: 'budi@example' })).toEqual(['Budi Santoso']);
    });

    it('matches part of the id', async () => {
      expect(await names({ search: 'zQ9' })).toEqual(['Siti Rahayu']);
    });

    it('finds a phone typed the local way, with a leading 0 and dashes', async () => {
      expect(await names({ search: '0812-3456' })).toEqual(['Siti Rahayu']);
    });

    it('finds a phone typed with the country code and spaces', async () => {
      expect(await names({ search: '+62 857 0000' })).toEqual(['100% Kopi']);
    });

    it('finds a customer by the exact user id or anonymous id, and not by part of it', async () => {
      const budi = (await customers.list(ws, { limit: 10, search: 'budi' })).items[0]!;
      await new IdentityRepository(store.db).add(
        ws,
        budi.id,
        [
          { kind: 'user_id', value: 'POS-0042' },
          { kind: 'anonymous_id', value: 'anon-xyz' },
        ],
        T0,
      );
      expect(await names({ search: 'POS-0042' })).toEqual(['Budi Santoso']);
      expect(await names({ search: ' anon-xyz ' })).toEqual(['Budi Santoso']);
      expect(await names({ search: 'POS-004' })).toEqual([]);
    });

    it('finds a customer by any identity key the caller hands in, exactly', async () => {
      const budi = (await customers.list(ws, { limit: 10, search: 'budi' })).items[0]!;
      await new IdentityRepository(store.db).add(
        ws,
        budi.id,
        [
          { kind: 'email', value: 'budi.lama@example.id' },
          { kind: 'phone', value: '+6281199990000' },
        ],
        T0,
      );
      const byKeys = (search: string, searchKeys: { kind: string; value: string }[]) =>
        names({ search, searchKeys });
      expect(
        await byKeys('Budi.Lama@Example.ID', [{ kind: 'email', value: 'budi.lama@example.id' }]),
      ).toEqual(['Budi Santoso']);
      expect(await byKeys('0811 9999 0000', [{ kind: 'phone', value: '+6281199990000' }])).toEqual([
        'Budi Santoso',
      ]);
      expect(await byKeys('0811 9999 0001', [{ kind: 'phone', value: '+6281199990001' }])).toEqual([]);
    });

    it('takes % and _ in the search literally', async () => {
      expect(await names({ search: '100%' })).toEqual(['100% Kopi']);
      expect(await names({ search: 'S_ti' })).toEqual([]);
    });
  });

  describe('with journey states', () => {
    it('joins stage, status and state, and leaves out a customer no event has reached yet', async () => {
      await listed({ name: 'Buyer' }, { stage: 'purchase', status: 'active', last_event_at: T0 + 3 });
      await listed({ name: 'Browser' }, { stage: 'consideration', last_event_at: T0 + 2 });
      await customers.create(aCustomer({ workspace_id: ws, name: 'Fresh', last_seen_at: T0 + 9 }));

      const { items } = await customers.list(ws, { limit: 10 });
      expect(items.map((c) => [c.name, c.stage, c.status, c.last_event_at])).toEqual([
        ['Buyer', 'purchase', 'active', T0 + 3],
        ['Browser', 'consideration', 'new', T0 + 2],
      ]);
      expect(items.every((c) => c.state_json === '{}')).toBe(true);
      expect(await names({ stage: 'purchase' })).toEqual(['Buyer']);
      expect(await names({ status: 'new' })).toEqual(['Browser']);
      expect(await names({ stage: 'consideration', search: 'buy' })).toEqual([]);
    });
  });
});
