import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKey } from '@jejak/storage';
import { HttpError, notFound, unauthorized } from '../http/http-error.ts';
import type { ApiKeyService } from './api-key.service.ts';

/**
 * What a route needs before it runs. Every route declares one in `config.access`; a route that
 * declares nothing is refused when the app is built (deny by default).
 * - `public`: no key (health, API docs).
 * - `write`: a write key (HTTP Basic username, or `writeKey` in the body): ingestion only.
 * - `secret`: a secret key (`Authorization: Bearer jk_secret_...`); when the route has a
 *   `:workspaceId` parameter, the key must belong to that workspace or be installation-wide.
 */
export type Access = 'public' | 'write' | 'secret';

/** The OpenAPI security scheme (declared in app.ts) of each kind of key. */
const SECURITY_SCHEME = { write: 'writeKey', secret: 'secretKey' } as const;

export interface Principal {
  key: ApiKey;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function registerAccessControl(app: FastifyInstance, keys: ApiKeyService): void {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined && !route.url.startsWith('/api/docs')) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access (config.access); refusing to start`,
      );
    }
    // The OpenAPI document says which key each operation takes, so the docs page can send it.
    if (access === 'write' || access === 'secret') {
      route.schema ??= {};
      Object.assign(route.schema, { security: [{ [SECURITY_SCHEME[access]]: [] }] });
    }
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access ?? 'public';
    if (access === 'public') return;
    const presented = access === 'write' ? writeKeyOf(request) : bearerOf(request);
    if (presented === undefined) {
      throw unauthorized(
        access === 'write'
          ? 'A write key is required: send it as the HTTP Basic username or as writeKey in the body'
          : 'A secret key is required: send Authorization: Bearer <secret key>',
      );
    }
    const key = await keys.authenticate(presented);
    if (!key) throw unauthorized('The key is not valid or has been revoked');
    if (key.kind !== access) {
      throw new HttpError(
        403,
        'forbidden',
        access === 'write'
          ? 'This endpoint takes a write key, not a secret key'
          : 'A write key can only send events',
      );
    }
    const params = request.params as { workspaceId?: string } | undefined;
    if (
      params?.workspaceId !== undefined &&
      key.workspace_id !== null &&
      key.workspace_id !== params.workspaceId
    ) {
      // Another workspace's data is answered exactly like a missing one: nothing leaks.
      throw notFound(`Workspace ${params.workspaceId}`);
    }
    request.principal = { key };
  });
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
