import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IdentityRepository, WorkspaceRepository, type Store } from '../src/index.ts';
import { aWorkspace, T0 } from './factories.ts';
import { openTestStore } from './test-database.ts';

const phone = { kind: 'phone', value: '+6281234567890' };
const email = { kind: 'email', value: 'siti@example.id' };
const anonymous = { kind: 'anonymous_id', value: 'anon-1' };

describe('IdentityRepository', () => {
  let store: Store;
  let identities: IdentityRepository;
  let ws: string;
  beforeAll(async () => {
    store = await openTestStore();
    identities = new IdentityRepository(store.db);
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    ws = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
  });

  it('finds the owners of known keys and nothing for unknown ones', async () => {
    await identities.add(ws, 'siti', [phone, email], T0);
    const found = await identities.find(ws, [phone, anonymous]);
    expect(found).toEqual([
      { workspace_id: ws, kind: 'phone', value: phone.value, customer_id: 'siti', created_at: T0 },
    ]);
    expect(await identities.find(ws, [])).toEqual([]);
  });

  it('does not confuse a value under another kind', async () => {
    await identities.add(ws, 'siti', [{ kind: 'user_id', value: 'siti@example.id' }], T0);
    expect(await identities.find(ws, [email])).toEqual([]);
  });

  it('leaves a key with its first owner when another customer claims it', async () => {
    expect(await identities.add(ws, 'siti', [phone], T0)).toBe(1);
    expect(await identities.add(ws, 'budi', [phone, email], T0 + 1)).toBe(1);
    const owners = await identities.find(ws, [phone, email]);
    expect(owners.map((k) => [k.kind, k.customer_id]).sort()).toEqual([
      ['email', 'budi'],
      ['phone', 'siti'],
    ]);
  });

  it('moves keys to another customer and lists each customer’s keys', async () => {
    await identities.add(ws, 'merged', [phone, anonymous], T0);
    await identities.add(ws, 'survivor', [email], T0);
    expect(await identities.moveKeys(ws, [phone, anonymous], 'survivor')).toBe(2);
    expect(await identities.listForCustomer(ws, 'merged')).toEqual([]);
    const survivorKeys = await identities.listForCustomer(ws, 'survivor');
    expect(survivorKeys.map((k) => `${k.kind}:${k.value}`).sort()).toEqual([
      'anonymous_id:anon-1',
      'email:siti@example.id',
      'phone:+6281234567890',
    ]);
  });

  it('stores the keys of many customers at once and leaves an owned key with its owner', async () => {
    await identities.add(ws, 'siti', [phone], T0);
    const row = (customer_id: string, key: { kind: string; value: string }) => ({
      workspace_id: ws,
      ...key,
      customer_id,
      created_at: T0 + 1,
    });
    const many = Array.from({ length: 520 }, (_, i) =>
      row(`c${i}`, { kind: 'anonymous_id', value: `a${i}` }),
    );
    expect(await identities.insertMany([row('budi', phone), row('budi', email), ...many])).toBe(521);
    expect(await identities.insertMany([])).toBe(0);
    const owners = await identities.find(ws, [phone, email, { kind: 'anonymous_id', value: 'a519' }]);
    expect(owners.map((k) => [k.kind, k.customer_id]).sort()).toEqual([
      ['anonymous_id', 'c519'],
      ['email', 'budi'],
      ['phone', 'siti'],
    ]);
  });

  it('tells which customers hold a key of a kind', async () => {
    await identities.add(ws, 'siti', [{ kind: 'user_id', value: 'u-1' }, anonymous], T0);
    await identities.add(ws, 'budi', [phone], T0);
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    await identities.add(other, 'budi', [{ kind: 'user_id', value: 'u-2' }], T0);
    expect(await identities.customersWithKind(ws, ['siti', 'budi', 'nobody', 'siti'], 'user_id')).toEqual(
      new Set(['siti']),
    );
    expect(await identities.customersWithKind(ws, [], 'user_id')).toEqual(new Set());
  });

  it('keeps the same key in two workspaces apart', async () => {
    const other = (await new WorkspaceRepository(store.db).create(aWorkspace())).id;
    await identities.add(ws, 'siti', [phone], T0);
    await identities.add(other, 'someone-else', [phone], T0);
    expect((await identities.find(ws, [phone])).map((k) => k.customer_id)).toEqual(['siti']);
    expect(await identities.moveKeys(other, [phone], 'x')).toBe(1);
    expect((await identities.find(ws, [phone])).map((k) => k.customer_id)).toEqual(['siti']);
  });
});
