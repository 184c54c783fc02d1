import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '@jejak/storage';
import { unauthorized } from '../http/http-error.ts';
import type { ApiKeyService } from './api-key.service.ts';
import { authorize, type RouteParams } from './authorize.ts';
import type { Access, Principal } from './principal.ts';
import type { SessionService } from './session.service.ts';

export type { Access, Grant, Principal } from './principal.ts';

export const SESSION_COOKIE = 'jejak_session';

/** The OpenAPI security scheme (declared in app.ts) of each kind of credential. */
const SECURITY = {
  write: [{ writeKey: [] }],
  session: [{ sessionCookie: [] }],
  other: [{ secretKey: [] }, { sessionCookie: [] }],
};

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

export interface AccessDeps {
  store: Store;
  keys: ApiKeyService;
  sessions: SessionService;
  /** Called for write-key requests once the key is known: the per-key ingestion rate limit. */
  limitIngest?: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

/**
 * Authentication and authorization for every route, in one place. Returns the route table as it
 * fills, so tests can walk every route (the authorization matrix).
 */
export function registerAccessControl(app: FastifyInstance, deps: AccessDeps): RouteEntry[] {
  const table: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      if (route.url.startsWith('/api/docs')) return;
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access (config.access); refusing to start`,
      );
    }
    if (typeof access === 'object' && !route.url.includes(':workspaceId')) {
      throw new Error(`Route ${route.url} asks for ${access.permission} but has no :workspaceId`);
    }
    if (typeof access === 'object' && access.branch && !route.url.includes(':branchId')) {
      throw new Error(`Route ${route.url} is branch-scoped but has no :branchId`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method: String(method), url: route.url, access });
    }
    // The OpenAPI document says which credential each operation takes, so the docs page sends it.
    if (access !== 'public') {
      route.schema ??= {};
      const security = access === 'write' || access === 'session' ? SECURITY[access] : SECURITY.other;
      Object.assign(route.schema, { security });
    }
  });

  app.addHook('preValidation', async (request, reply) => {
    const access = request.routeOptions.config.access ?? 'public';
    const principal = await authenticate(request, access, deps);
    if (principal) request.principal = principal;
    const grant = await authorize(deps.store.db, principal, access, request.params as RouteParams);
    if (grant) request.grant = grant;
    if (access === 'write' && deps.limitIngest) await deps.limitIngest(request, reply);
  });

  // Cookie-authenticated writes must carry the CSRF token bound to their session.
  app.addHook('preValidation', (request, reply, done) => {
    const safe = request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
    if (safe || request.principal?.kind !== 'user') return done();
    app.csrfProtection(request, reply, done);
  });
  return table;
}

async function authenticate(
  request: FastifyRequest,
  access: Access,
  deps: AccessDeps,
): Promise<Principal | undefined> {
  if (access === 'public') return undefined;
  const presented = access === 'write' ? writeKeyOf(request) : bearerOf(request);
  if (presented !== undefined) {
    const key = await deps.keys.authenticate(presented);
    if (!key) throw unauthorized('The key is not valid or has been revoked');
    return { kind: 'key', key, scopes: JSON.parse(key.scopes_json) as string[] };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie === undefined || access === 'write') return undefined;
  const signedIn = await deps.sessions.authenticate(cookie);
  if (!signedIn) throw unauthorized('The session has expired or ended; sign in again');
  return { kind: 'user', ...signedIn };
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Segment's convention: the write key is the Basic username with an empty password. */
function writeKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const basic = /^Basic\s+(\S+)$/i.exec(header);
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const user = decoded.split(':')[0];
      if (user) return user;
    }
    const bearer = bearerOf(request);
    if (bearer) return bearer;
  }
  const body = request.body as { writeKey?: unknown } | undefined;
  return typeof body?.writeKey === 'string' && body.writeKey !== '' ? body.writeKey : undefined;
}
