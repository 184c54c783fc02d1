import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { aTrack, startTestApp, type ErrorBody, type TestApp } from './harness.ts';

let t: TestApp;
let owner: SignedInUser;
let ws: string;
beforeEach(async () => {
  t = await startTestApp();
  owner = await aMember(t, 'owner');
  ws = `/api/v1/workspaces/${t.workspace.id}`;
});
afterEach(async () => t.close());

interface AuditPage {
  items: { action: string; actorLabel: string; target: string | null }[];
}

describe('workspace settings', () => {
  it('changes the name, time zone and currency, and names a bad value', async () => {
    const changed = await asUser(t, owner, 'PATCH', ws, {
      name: 'Kopi Sari Jaya',
      timezone: 'Asia/Makassar',
      currency: 'idr',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Kopi Sari Jaya',
      timezone: 'Asia/Makassar',
      currency: 'IDR',
    });

    const badZone = await asUser(t, owner, 'PATCH', ws, { timezone: 'Asia/Jakarat' });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json<ErrorBody>().error.message).toMatch(/timezone 'Asia\/Jakarat'/);
    const empty = await asUser(t, owner, 'PATCH', ws, { name: '   ' });
    expect(empty.json<ErrorBody>().error.message).toBe('name must not be empty');
  });

  it('lets only the owner change the workspace', async () => {
    const admin = await aMember(t, 'admin');
    const refused = await asUser(t, admin, 'PATCH', ws, { name: 'Diambil alih' });
    expect(refused.statusCode).toBe(403);
    expect((await t.services.workspaces.get(t.workspace.id)).name).toBe('Kopi Uji');
  });
});

describe('branches', () => {
  it('archives a closed outlet out of the list, keeps it on request, and reopens it', async () => {
    const created = await asUser(t, owner, 'POST', `${ws}/branches`, {
      name: 'Outlet Kemang',
      address: 'Jl. Kemang Raya 10',
    });
    expect(created.json()).toMatchObject({ timezone: 'Asia/Jakarta', currency: 'IDR', archivedAt: null });
    const id = created.json<{ id: string }>().id;

    const archived = await asUser(t, owner, 'POST', `${ws}/branches/${id}/archive`);
    expect(archived.json<{ archivedAt: number }>().archivedAt).toBeGreaterThan(0);
    expect((await asUser(t, owner, 'GET', `${ws}/branches`)).json()).toEqual({ items: [] });
    const all = await asUser(t, owner, 'GET', `${ws}/branches?include=archived`);
    expect(all.json<{ items: { id: string }[] }>().items.map((b) => b.id)).toEqual([id]);
    expect((await asUser(t, owner, 'GET', `${ws}/branches?include=everything`)).statusCode).toBe(400);

    const invite = await asUser(t, owner, 'POST', `${ws}/invitations`, {
      email: 'kasir@kopi.id',
      role: 'cashier',
      branchIds: [id],
    });
    expect(invite.statusCode).toBe(400);
    expect(invite.json<ErrorBody>().error.message).toBe('Branch Outlet Kemang is archived; restore it first');

    await asUser(t, owner, 'POST', `${ws}/branches/${id}/restore`);
    expect((await asUser(t, owner, 'GET', `${ws}/branches`)).json<{ items: unknown[] }>().items).toHaveLength(
      1,
    );
  });

  it('lets a manager edit their own branch but not archive it', async () => {
    const branch = await t.services.branches.create(t.workspace.id, { name: 'Outlet Depok' });
    const manager = await aMember(t, 'manager', { branchIds: [branch.id] });
    const renamed = await asUser(t, manager, 'PATCH', `${ws}/branches/${branch.id}`, {
      name: 'Outlet Depok Baru',
    });
    expect(renamed.statusCode).toBe(200);
    expect((await asUser(t, manager, 'POST', `${ws}/branches/${branch.id}/archive`)).statusCode).toBe(403);
  });
});

describe('members and roles', () => {
  it('answers the last owner’s removal with a code the dashboard can say in its own words', async () => {
    const refused = await asUser(t, owner, 'DELETE', `${ws}/members/${owner.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.code).toBe('last_owner');
  });

  it('lets an owner hand over ownership, after which the first may step down', async () => {
    const admin = await aMember(t, 'admin');
    expect((await asUser(t, owner, 'PUT', `${ws}/members/${admin.id}`, { role: 'owner' })).statusCode).toBe(
      204,
    );
    expect((await asUser(t, owner, 'PUT', `${ws}/members/${owner.id}`, { role: 'admin' })).statusCode).toBe(
      204,
    );
    const roles = (await asUser(t, admin, 'GET', `${ws}/members`)).json<{
      items: { userId: string; role: string }[];
    }>();
    expect(roles.items.find((m) => m.userId === owner.id)?.role).toBe('admin');
  });

  it('never lets an admin make, unmake or invite an owner', async () => {
    const admin = await aMember(t, 'admin');
    const analyst = await aMember(t, 'analyst');
    for (const [method, url, body] of [
      ['PUT', `${ws}/members/${admin.id}`, { role: 'owner' }],
      ['PUT', `${ws}/members/${analyst.id}`, { role: 'owner' }],
      ['PUT', `${ws}/members/${owner.id}`, { role: 'analyst' }],
      ['DELETE', `${ws}/members/${owner.id}`, undefined],
      ['POST', `${ws}/invitations`, { email: 'baru@kopi.id', role: 'owner' }],
    ] as const) {
      const response = await asUser(t, admin, method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json<ErrorBody>().error.code).toBe('owner_only');
    }
    expect((await asUser(t, admin, 'PUT', `${ws}/members/${analyst.id}`, { role: 'admin' })).statusCode).toBe(
      204,
    );
  });
});

describe('audit log of settings', () => {
  it('records each change with its actor, and leaves out checks and previews', async () => {
    await t.ingest([aTrack({ anonymousId: 'a' })]);
    const rules = (await asUser(t, owner, 'GET', `${ws}/journey/rules`)).json<{ rules: unknown }>().rules;
    await asUser(t, owner, 'PATCH', ws, { name: 'Kopi Sari' });
    const branch = (await asUser(t, owner, 'POST', `${ws}/branches`, { name: 'Outlet Kemang' })).json<{
      id: string;
    }>();
    await asUser(t, owner, 'POST', `${ws}/branches/${branch.id}/archive`);
    expect((await asUser(t, owner, 'POST', `${ws}/journey/rules/validate`, { rules })).statusCode).toBe(200);
    expect((await asUser(t, owner, 'POST', `${ws}/journey/rules/preview`, { rules })).statusCode).toBe(200);

    const log = (await asUser(t, owner, 'GET', `${ws}/audit`)).json<AuditPage>();
    expect(log.items.map((e) => e.action)).toEqual(['branch.archive', 'branch.create', 'workspace.update']);
    expect(log.items[0]).toMatchObject({ actorLabel: owner.email, target: `branch:${branch.id}` });
    // A creation names what it created, not only the workspace its URL names.
    expect(log.items[1]).toMatchObject({ action: 'branch.create', target: `branch:${branch.id}` });
    expect(log.items[2]).toMatchObject({ action: 'workspace.update', target: `workspace:${t.workspace.id}` });
    const branchOnly = (await asUser(t, owner, 'GET', `${ws}/audit?action=branch.`)).json<AuditPage>();
    expect(branchOnly.items).toHaveLength(2);
  });
});
