import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, aMember, asUser, login } from './accounts.harness.ts';
import { DAY, T0, aTrack, startTestApp, type ErrorBody, type TestApp } from './harness.ts';

let t: TestApp;
afterEach(async () => t.close());

const ME = '/api/v1/auth/me';

describe('first run', () => {
  it('creates the first owner only while none exists, and signs them in with a safe cookie', async () => {
    t = await startTestApp();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
      ownerExists: false,
    });
    const body = {
      email: 'Pemilik@Kopi.id',
      name: 'Bu Sari',
      password: PASSWORD,
      workspaceName: 'Kopi Sari',
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body });
    expect(created.statusCode).toBe(201);
    const setCookie = String(created.headers['set-cookie']);
    expect(setCookie).toMatch(/jejak_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const { user, memberships } = created.json<{
      user: { email: string };
      memberships: { workspaceId: string; role: string }[];
    }>();
    expect(user.email).toBe('pemilik@kopi.id');
    // Their new business, and the workspace made with the admin key before any account existed.
    expect(memberships.map((m) => m.role)).toEqual(['owner', 'owner']);
    expect(memberships.map((m) => m.workspaceId)).toContain(t.workspace.id);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...body, email: 'x@y.id' },
    });
    expect(again.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({
      ownerExists: true,
    });
  });

  it("makes a demo business added after the first run its owners' too", async () => {
    t = await startTestApp();
    const owner = await aMember(t, 'owner');
    const demo = await t.services.workspaces.create({ name: 'Kopi Nusantara' });
    expect(await t.services.accounts.shareWithOwners(demo.id)).toBe(1);
    const overview = await asUser(t, owner, 'GET', `/api/v1/workspaces/${demo.id}/journey/overview`);
    expect(overview.statusCode).toBe(200);
  });

  it('marks the session cookie Secure behind an https proxy it trusts', async () => {
    t = await startTestApp({ config: { trustProxy: true } });
    const owner = await t.services.accounts.createUser({ email: 'a@b.id', name: 'A', password: PASSWORD });
    await t.services.accounts.addMember(t.workspace.id, owner.id, 'owner', []);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: 'a@b.id', password: PASSWORD },
    });
    expect(String(response.headers['set-cookie'])).toMatch(/jejak_session=[^,]*Secure/i);
  });
});

describe('sessions', () => {
  it('refuses a wrong password without saying whether the account exists', async () => {
    t = await startTestApp();
    const user = await aMember(t, 'admin');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'salah-salah-salah' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@x.id', password: PASSWORD },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('starts a new session on login and ends the one the browser had', async () => {
    t = await startTestApp();
    const user = await aMember(t, 'admin');
    const again = await login(t, user.email, PASSWORD, user.cookie);
    expect(again.cookie).not.toBe(user.cookie);
    expect((await asUser(t, user, 'GET', ME)).statusCode).toBe(401);
    expect((await asUser(t, again, 'GET', ME)).statusCode).toBe(200);
  });

  it('expires a session after its lifetime', async () => {
    t = await startTestApp({ config: { sessionTtlMs: 2 * DAY } });
    const user = await aMember(t, 'analyst');
    t.setNow(T0 + 2 * DAY - 1);
    expect((await asUser(t, user, 'GET', ME)).statusCode).toBe(200);
    t.setNow(T0 + 2 * DAY);
    const expired = await asUser(t, user, 'GET', ME);
    expect(expired.statusCode).toBe(401);
    expect(expired.json<ErrorBody>().error.message).toMatch(/expired/);
  });

  it('ends the session at once on logout', async () => {
    t = await startTestApp();
    const user = await aMember(t, 'owner');
    expect((await asUser(t, user, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await asUser(t, user, 'GET', ME)).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token, or with another session’s token', async () => {
    t = await startTestApp();
    const owner = await aMember(t, 'owner');
    const other = await aMember(t, 'owner');
    const url = `/api/v1/workspaces/${t.workspace.id}/branches`;
    const missing = await t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: owner.cookie },
      payload: { name: 'Outlet' },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json<ErrorBody>().error.code).toBe('csrf_invalid');
    const stolen = await asUser(t, { cookie: owner.cookie, csrf: other.csrf }, 'POST', url, {
      name: 'Outlet',
    });
    expect(stolen.statusCode).toBe(403);
    expect((await asUser(t, owner, 'POST', url, { name: 'Outlet' })).statusCode).toBe(201);
  });

  it('does not ask a key for a CSRF token: keys are not sent by browsers on their own', async () => {
    t = await startTestApp();
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${t.workspace.id}/branches`,
      headers: { authorization: `Bearer ${t.adminKey}` },
      payload: { name: 'Outlet' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ timezone: 'Asia/Jakarta', currency: 'IDR', address: null });
  });
});

describe('passwords', () => {
  it('changes the password with the current one and ends the other sessions', async () => {
    t = await startTestApp();
    const user = await aMember(t, 'manager', {
      branchIds: [(await t.services.branches.create(t.workspace.id, { name: 'A' })).id],
    });
    const laptop = await login(t, user.email);
    const change = (current: string) =>
      asUser(t, user, 'POST', '/api/v1/auth/password', {
        currentPassword: current,
        newPassword: 'kata-sandi-baru-456',
      });
    expect((await change('salah-salah')).statusCode).toBe(401);
    expect((await change(PASSWORD)).statusCode).toBe(204);
    expect((await asUser(t, laptop, 'GET', ME)).statusCode).toBe(401);
    expect((await asUser(t, user, 'GET', ME)).statusCode).toBe(200);
    await login(t, user.email, 'kata-sandi-baru-456');
  });

  it('resets a password with a one-time link that works once', async () => {
    t = await startTestApp();
    const user = await aMember(t, 'admin');
    const { token } = await t.services.accounts.createResetToken(user.email);
    const reset = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { token, newPassword: 'sandi-pulih-789' },
      });
    expect((await reset()).statusCode).toBe(204);
    expect((await reset()).statusCode).toBe(400);
    expect((await asUser(t, user, 'GET', ME)).statusCode).toBe(401);
    await login(t, user.email, 'sandi-pulih-789');
  });
});

describe('invitations', () => {
  it('lets an invited person join with the role and branches of the invitation, once', async () => {
    t = await startTestApp();
    const owner = await aMember(t, 'owner');
    const branch = await t.services.branches.create(t.workspace.id, { name: 'Outlet Kemang' });
    const invited = await asUser(t, owner, 'POST', `/api/v1/workspaces/${t.workspace.id}/invitations`, {
      email: 'kasir@kopi.id',
      role: 'cashier',
      branchIds: [branch.id],
    });
    expect(invited.statusCode).toBe(201);
    const { token, link } = invited.json<{ token: string; link: string }>();
    expect(link).toContain(token);
    const accept = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token, name: 'Dewi', password: PASSWORD },
      });
    const joined = await accept();
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({
      memberships: [{ workspaceId: t.workspace.id, role: 'cashier', branchIds: [branch.id] }],
    });
    expect((await accept()).statusCode).toBe(400);
  });

  it('shows what an invitation offers before it is accepted, and nothing once it is used', async () => {
    t = await startTestApp();
    const owner = await aMember(t, 'owner');
    const branch = await t.services.branches.create(t.workspace.id, { name: 'Outlet Kemang' });
    const inspect = (token: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/invitations/inspect', payload: { token } });
    const invite = async (email: string) =>
      (
        await t.services.members.invite(
          t.workspace.id,
          { email, role: 'manager', branchIds: [branch.id] },
          owner.id,
          'owner',
        )
      ).token;

    const fresh = await invite('baru@kopi.id');
    expect((await inspect(fresh)).json()).toEqual({
      workspaceId: t.workspace.id,
      workspaceName: 'Kopi Uji',
      workspaceTimezone: 'Asia/Jakarta',
      email: 'baru@kopi.id',
      role: 'manager',
      branchNames: ['Outlet Kemang'],
      accountExists: false,
      expiresAt: T0 + 7 * DAY,
    });
    const known = await aMember(t, 'analyst', {
      workspaceId: (await t.services.workspaces.create({ name: 'Lain' })).id,
    });
    expect((await inspect(await invite(known.email))).json()).toMatchObject({ accountExists: true });

    await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: fresh, name: 'Baru', password: PASSWORD },
    });
    const used = await inspect(fresh);
    expect(used.statusCode).toBe(400);
    expect(used.json<ErrorBody>().error.code).toBe('link_expired');
    expect((await inspect('tebakan')).json<ErrorBody>().error.code).toBe('link_expired');
  });

  it('never removes the last owner', async () => {
    t = await startTestApp();
    const owner = await aMember(t, 'owner');
    const refused = await asUser(
      t,
      owner,
      'PUT',
      `/api/v1/workspaces/${t.workspace.id}/members/${owner.id}`,
      { role: 'admin' },
    );
    expect(refused.statusCode).toBe(409);
  });
});

describe('brute force', () => {
  it('limits sign-in attempts per account, answering 429 with Retry-After', async () => {
    t = await startTestApp({ config: { loginAttemptsPerAccount: 3 } });
    const user = await aMember(t, 'owner');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email.toUpperCase(), password: 'tebak-tebakan' },
      });
      statuses.push(r.statusCode);
      if (r.statusCode === 429) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // The login in aMember was the first attempt of the window.
    expect(statuses).toEqual([401, 401, 429, 429]);
  });

  it('limits sign-in attempts per address whatever the account', async () => {
    t = await startTestApp({ config: { loginAttemptsPerAddress: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `u${i}@x.id`, password: 'tebak-tebakan' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('limits ingestion per write key with 429 and Retry-After', async () => {
    t = await startTestApp({ config: { ingestRequestsPerSecond: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.ingest([aTrack()])).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    const other = await t.services.keys.create({ workspaceId: t.workspace.id, kind: 'write', name: 'pos' });
    const fromOtherKey = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: `Basic ${Buffer.from(`${other.key}:`).toString('base64')}` },
      payload: { batch: [aTrack()] },
    });
    expect(fromOtherKey.statusCode).toBe(200);
  });
});

describe('keys', () => {
  it('stops a revoked key on the very next request', async () => {
    t = await startTestApp();
    const created = await t.api('POST', '/keys', { kind: 'secret', name: 'integrasi' });
    const { key, id } = created.json<{ key: string; id: string }>();
    expect((await t.api('GET', '/customers', undefined, key)).statusCode).toBe(200);
    expect((await t.api('DELETE', `/keys/${id}`)).statusCode).toBe(204);
    expect((await t.api('GET', '/customers', undefined, key)).statusCode).toBe(401);
  });

  it('limits a secret key to its scopes and records when it was last used', async () => {
    t = await startTestApp();
    const created = await t.api('POST', '/keys', {
      kind: 'secret',
      name: 'laporan',
      scopes: ['journey.read'],
    });
    const { key, id } = created.json<{ key: string; id: string }>();
    expect((await t.api('GET', '/journey/overview', undefined, key)).statusCode).toBe(200);
    expect((await t.api('GET', '/customers', undefined, key)).statusCode).toBe(403);
    const listed = (await t.api('GET', '/keys')).json<{
      items: { id: string; lastUsedAt: number | null; scopes: string[] }[];
    }>();
    expect(listed.items.find((k) => k.id === id)).toMatchObject({ lastUsedAt: T0, scopes: ['journey.read'] });
  });
});

describe('answers', () => {
  it('sends security headers and a content security policy', async () => {
    t = await startTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('never shows a stack trace or SQL', async () => {
    t = await startTestApp();
    const owner = await aMember(t, 'owner');
    await t.store.close();
    const response = await asUser(t, owner, 'GET', ME);
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toMatch(/select|from "|\bat .*\.ts|Error:/i);
    // close() below closes again; reopen a store so it has something to close.
    t = { ...t, close: () => t.app.close() };
  });
});
