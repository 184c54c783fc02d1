import { randomUUID } from 'node:crypto';
import { PERMISSIONS, roleCan, type Permission } from '@jejak/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../src/auth/principal.ts';
import { aMember, asUser } from './accounts.harness.ts';
import { startTestApp, type ErrorBody, type TestApp } from './harness.ts';

/**
 * Secret keys against the route table: a key holding one scope, for every scope, and a write key,
 * on every route; then what a key may be given, so nobody hands out more than they hold.
 */
const REACHED = 299;
let t: TestApp;
let stopAfterAuthorization = false;

type KeyCaller = { name: string; key: string; write: boolean; scopes: readonly string[] };
let keys: KeyCaller[];

beforeAll(async () => {
  t = await startTestApp({
    afterAccessControl: (app) =>
      app.addHook('preValidation', async (_request, reply) => {
        if (stopAfterAuthorization) return reply.status(REACHED).send({ reached: true });
      }),
  });
  const create = async (scopes: string[]) =>
    (await t.services.keys.create({ workspaceId: t.workspace.id, kind: 'secret', name: 'k', scopes })).key;
  keys = [{ name: 'write key', key: t.writeKey, write: true, scopes: [] }];
  for (const permission of PERMISSIONS) {
    keys.push({
      name: `key with ${permission}`,
      key: await create([permission]),
      write: false,
      scopes: [permission],
    });
  }
  keys.push({ name: 'key with *', key: await create(['*']), write: false, scopes: ['*'] });
});
afterAll(() => t.close());

function expectedFor(access: Access, caller: KeyCaller): boolean {
  if (access === 'public') return true;
  if (access === 'write') return caller.write;
  if (caller.write) return false;
  if (access === 'session') return false;
  if (access === 'account') return true;
  return caller.scopes.includes('*') || caller.scopes.includes(access.permission);
}

function send(method: string, url: string, caller: KeyCaller) {
  const authorization = caller.write
    ? `Basic ${Buffer.from(`${caller.key}:`).toString('base64')}`
    : `Bearer ${caller.key}`;
  const withBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  return t.app.inject({
    method: method as 'GET',
    url: url
      .replace(':workspaceId', t.workspace.id)
      .replace(/:[a-zA-Z]+/g, () => randomUUID())
      .replace('*', 'batch'),
    headers: { authorization },
    ...(withBody ? { payload: {} } : {}),
  });
}

describe('scoped secret keys on every route', () => {
  it('allows a key exactly the routes its scope declares, and a write key only ingestion', async () => {
    stopAfterAuthorization = true;
    const mismatches: string[] = [];
    try {
      for (const route of t.routes) {
        // One route's callers at once: each request only reads its key, and the test stays quick.
        const answers = await Promise.all(keys.map((caller) => send(route.method, route.url, caller)));
        answers.forEach((response, i) => {
          const caller = keys[i]!;
          const allowed = response.statusCode === REACHED;
          if (!allowed && ![401, 403, 404].includes(response.statusCode)) {
            mismatches.push(`${route.method} ${route.url} as ${caller.name}: ${response.statusCode}`);
          } else if (allowed !== expectedFor(route.access, caller)) {
            mismatches.push(
              `${route.method} ${route.url} as ${caller.name}: ${allowed ? 'allowed' : 'refused'}`,
            );
          }
        });
      }
    } finally {
      stopAfterAuthorization = false;
    }
    expect(mismatches).toEqual([]);
  });
});

describe('what a key may be given', () => {
  const createKey = (body: object, as: { cookie: string; csrf: string } | string) =>
    typeof as === 'string'
      ? t.api('POST', '/keys', body, as)
      : asUser(t, as, 'POST', `/api/v1/workspaces/${t.workspace.id}/keys`, body);

  it('refuses an admin a key with a scope the admin role lacks, naming it', async () => {
    const admin = await aMember(t, 'admin');
    const refused = await createKey({ kind: 'secret', name: 'naik', scopes: ['workspace.manage'] }, admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().error).toMatchObject({ code: 'scope_not_held' });
    expect(refused.json<ErrorBody>().error.message).toContain('workspace.manage');

    const all = await createKey({ kind: 'secret', name: 'semua', scopes: ['*'] }, admin);
    expect(all.statusCode).toBe(403);
    expect(all.json<ErrorBody>().error.message).toContain('workspace.manage');
  });

  it('gives an admin’s key, by default, exactly the admin role’s permissions', async () => {
    const admin = await aMember(t, 'admin');
    const created = await createKey({ kind: 'secret', name: 'bawaan' }, admin);
    expect(created.statusCode).toBe(201);
    const { key, scopes } = created.json<{ key: string; scopes: Permission[] }>();
    expect(scopes).toEqual(PERMISSIONS.filter((p) => roleCan('admin', p)));
    const rename = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${t.workspace.id}`,
      headers: { authorization: `Bearer ${key}` },
      payload: { name: 'Diambil alih' },
    });
    expect(rename.statusCode).toBe(403);
    expect((await t.services.workspaces.get(t.workspace.id)).name).toBe('Kopi Uji');
  });

  it('lets an owner give any scope, and a key only the scopes it holds itself', async () => {
    const owner = await aMember(t, 'owner');
    const everything = await createKey({ kind: 'secret', name: 'pemilik', scopes: ['*'] }, owner);
    expect(everything.statusCode).toBe(201);

    const manager = (
      await createKey({ kind: 'secret', name: 'pengelola', scopes: ['keys.manage', 'journey.read'] }, owner)
    ).json<{ key: string }>().key;
    const wider = await createKey({ kind: 'secret', name: 'lebih', scopes: ['customers.read'] }, manager);
    expect(wider.statusCode).toBe(403);
    expect(wider.json<ErrorBody>().error.message).toContain('customers.read');
    const star = await createKey({ kind: 'secret', name: 'bintang', scopes: ['*'] }, manager);
    expect(star.statusCode).toBe(403);
    const narrower = await createKey({ kind: 'secret', name: 'sempit', scopes: ['journey.read'] }, manager);
    expect(narrower.statusCode).toBe(201);
    const byDefault = await createKey({ kind: 'secret', name: 'bawaan' }, manager);
    expect(byDefault.json<{ scopes: string[] }>().scopes).toEqual(['keys.manage', 'journey.read']);
    // A write key carries no scope, so any key manager may make one.
    expect((await createKey({ kind: 'write', name: 'situs' }, manager)).statusCode).toBe(201);
  });

  it('names a scope that does not exist', async () => {
    const refused = await t.api('POST', '/keys', { kind: 'secret', name: 'x', scopes: ['journey.write'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('scopes');
  });
});
