import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CHANNELS } from '@jejak/core';
import type { ApiKey, Workspace } from '@jejak/storage';
import { StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import { forbidden, notFound } from '../http/http-error.ts';
import type { Services } from '../services.ts';
import { ApiKeySchema, CreatedKeySchema, WorkspaceSchema } from './workspace.schemas.ts';

const secret = { access: 'secret' as const };
const tags = ['workspaces'];

export function registerWorkspaceRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/workspaces',
    {
      config: secret,
      schema: {
        tags,
        summary: 'Create a workspace (a business); needs an installation-wide secret key',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          slug: Type.Optional(Type.String({ minLength: 1, maxLength: 63 })),
          timezone: Type.Optional(
            Type.String({ maxLength: 64, description: 'IANA zone, default Asia/Jakarta' }),
          ),
          currency: Type.Optional(
            Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217, default IDR' }),
          ),
        }),
        response: { 201: WorkspaceSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (principalKey(request).workspace_id !== null) {
        throw forbidden('Only an installation-wide secret key can create workspaces');
      }
      return reply.status(201).send(workspaceView(await services.workspaces.create(request.body)));
    },
  );

  app.get(
    '/workspaces',
    {
      config: secret,
      schema: {
        tags,
        summary: 'Workspaces this key may use',
        response: { 200: Type.Object({ items: Type.Array(WorkspaceSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const scoped = principalKey(request).workspace_id;
      const all = await services.workspaces.list();
      return { items: all.filter((w) => scoped === null || w.id === scoped).map(workspaceView) };
    },
  );

  app.get(
    '/workspaces/:workspaceId',
    {
      config: secret,
      schema: {
        tags,
        summary: 'One workspace',
        params: WorkspaceParams,
        response: { 200: WorkspaceSchema, ...errorResponses },
      },
    },
    async (request) => workspaceView(await services.workspaces.get(request.params.workspaceId)),
  );

  app.post(
    '/workspaces/:workspaceId/keys',
    {
      config: secret,
      schema: {
        tags,
        summary:
          'Create a write key (ingestion only, safe to put in a web page) or a secret key; the key is shown once',
        params: WorkspaceParams,
        body: Type.Object({
          kind: Type.Union([Type.Literal('write'), Type.Literal('secret')]),
          name: Type.String({ minLength: 1, maxLength: 100 }),
          defaultChannel: Type.Optional(
            StringEnum(CHANNELS, {
              description: 'Channel of events from this source that name none (a POS key: store)',
            }),
          ),
        }),
        response: { 201: CreatedKeySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const workspace = await services.workspaces.get(request.params.workspaceId);
      const created = await services.keys.create({
        workspaceId: workspace.id,
        kind: request.body.kind,
        name: request.body.name,
        defaultChannel: request.body.defaultChannel ?? null,
      });
      return reply.status(201).send({ ...keyView(created.row), key: created.key });
    },
  );

  app.get(
    '/workspaces/:workspaceId/keys',
    {
      config: secret,
      schema: {
        tags,
        summary: 'Keys of the workspace (never the secret itself)',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      await services.workspaces.get(request.params.workspaceId);
      return { items: (await services.keys.list(request.params.workspaceId)).map(keyView) };
    },
  );

  app.delete(
    '/workspaces/:workspaceId/keys/:keyId',
    {
      config: secret,
      schema: {
        tags,
        summary: 'Revoke a key; it stops working at once',
        params: Type.Intersect([WorkspaceParams, Type.Object({ keyId: Type.String({ maxLength: 64 }) })]),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const keys = await services.keys.list(request.params.workspaceId);
      if (!keys.some((k) => k.id === request.params.keyId)) throw notFound(`Key ${request.params.keyId}`);
      await services.keys.revoke(request.params.keyId);
      return reply.status(204).send(null);
    },
  );
}

function principalKey(request: FastifyRequest): ApiKey {
  const key = request.principal?.key;
  if (!key) throw new Error('secret route reached without a key');
  return key;
}

export function workspaceView(w: Workspace) {
  return {
    id: w.id,
    name: w.name,
    slug: w.slug,
    timezone: w.timezone,
    currency: w.currency,
    createdAt: w.created_at,
  };
}

export function keyView(k: ApiKey) {
  return {
    id: k.id,
    workspaceId: k.workspace_id,
    kind: k.kind,
    name: k.name,
    prefix: k.prefix,
    defaultChannel: k.default_channel,
    createdAt: k.created_at,
    lastUsedAt: k.last_used_at,
    revokedAt: k.revoked_at,
  };
}
