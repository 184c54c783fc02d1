import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, type SignedInUser } from './accounts.harness.ts';
import { HOUR, T0, startTestApp, type TestApp } from './harness.ts';

interface Entry {
  at: number;
  actorKind: string;
  actorId: string;
  actorLabel: string;
  role: string | null;
  action: string;
  target: string | null;
  ip: string | null;
}

/**
 * The audit log: who changed what, when and from which address, for owners', admins', managers'
 * and keys' changes; read by owners and admins only, narrowed by actor, action and period.
 */
let t: TestApp;
let ws: string;
let owner: SignedInUser;
let admin: SignedInUser;
let manager: SignedInUser;
let analyst: SignedInUser;
let cashier: SignedInUser;
let branch: string;
let keyId: string;

type Caller = SignedInUser | string;

function call(caller: Caller, method: 'GET' | 'POST' | 'PATCH', url: string, address: string, body?: object) {
  const headers: Record<string, string> =
    typeof caller === 'string'
      ? { authorization: `Bearer ${caller}` }
      : { cookie: caller.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': caller.csrf }) };
  return t.app.inject({
    method,
    url: `${ws}${url}`,
    headers,
    remoteAddress: address,
    ...(body ? { payload: body } : {}),
  });
}

const readLog = async (caller: Caller, query = '') => call(caller, 'GET', `/audit${query}`, '127.0.0.1');
const entries = async (query = '') => (await readLog(owner, query)).json<{ items: Entry[] }>().items;

beforeAll(async () => {
  t = await startTestApp();
  ws = `/api/v1/workspaces/${t.workspace.id}`;
  branch = (await t.services.branches.create(t.workspace.id, { name: 'Outlet Kemang' })).id;
  owner = await aMember(t, 'owner');
  admin = await aMember(t, 'admin');
  manager = await aMember(t, 'manager', { branchIds: [branch] });
  analyst = await aMember(t, 'analyst');
  cashier = await aMember(t, 'cashier', { branchIds: [branch] });
  const key = await t.services.keys.create({
    workspaceId: t.workspace.id,
    kind: 'secret',
    name: 'integrasi-pos',
  });
  keyId = key.row.id;

  t.setNow(T0);
  expect((await call(owner, 'PATCH', '', '203.0.113.7', { name: 'Kopi Sari' })).statusCode).toBe(200);
  t.setNow(T0 + HOUR);
  const renamed = await call(manager, 'PATCH', `/branches/${branch}`, '198.51.100.20', {
    name: 'Kemang Raya',
  });
  expect(renamed.statusCode).toBe(200);
  t.setNow(T0 + 2 * HOUR);
  expect((await call(key.key, 'POST', '/branches', '192.0.2.5', { name: 'Outlet Depok' })).statusCode).toBe(
    201,
  );
  t.setNow(T0 + 3 * HOUR);
  // A cashier's work at the till is the sales record's, not the audit log's.
  const added = await call(cashier, 'POST', '/sales/customers', '192.0.2.99', { phone: '081234500001' });
  expect(added.statusCode).toBe(201);
  // Five accounts, each hashed with scrypt: slow on a loaded machine.
}, 60_000);
afterAll(() => t.close());

describe('audit log', () => {
  it('records who changed what, when and from which address, newest first', async () => {
    const log = await entries();
    expect(log).toEqual([
      expect.objectContaining({
        at: T0 + 2 * HOUR,
        actorKind: 'key',
        actorId: keyId,
        actorLabel: 'integrasi-pos',
        role: null,
        action: 'branch.create',
        ip: '192.0.2.5',
      }),
      expect.objectContaining({
        at: T0 + HOUR,
        actorKind: 'user',
        actorId: manager.id,
        actorLabel: manager.email,
        role: 'manager',
        action: 'branch.update',
        target: `branch:${branch}`,
        ip: '198.51.100.20',
      }),
      expect.objectContaining({
        at: T0,
        actorId: owner.id,
        role: 'owner',
        action: 'workspace.update',
        target: `workspace:${t.workspace.id}`,
        ip: '203.0.113.7',
      }),
    ]);
  });

  it('is read by owners and admins, and by nobody else', async () => {
    expect((await readLog(owner)).statusCode).toBe(200);
    expect((await readLog(admin)).statusCode).toBe(200);
    for (const other of [manager, analyst, cashier]) expect((await readLog(other)).statusCode).toBe(403);
    const scoped = await t.services.keys.create({
      workspaceId: t.workspace.id,
      kind: 'secret',
      name: 'laporan',
      scopes: ['journey.read'],
    });
    expect((await readLog(scoped.key)).statusCode).toBe(403);
  });

  it('narrows the log by actor, action, action prefix and period', async () => {
    expect((await entries(`?actorId=${manager.id}`)).map((e) => e.action)).toEqual(['branch.update']);
    expect((await entries('?action=workspace.update')).map((e) => e.actorId)).toEqual([owner.id]);
    expect((await entries('?action=branch.')).map((e) => e.action)).toEqual([
      'branch.create',
      'branch.update',
    ]);
    const from = new Date(T0 + HOUR / 2).toISOString();
    const to = new Date(T0 + (3 * HOUR) / 2).toISOString();
    expect((await entries(`?from=${from}&to=${to}`)).map((e) => e.actorId)).toEqual([manager.id]);
    expect((await readLog(owner, '?from=yesterday')).statusCode).toBe(400);
  });
});
