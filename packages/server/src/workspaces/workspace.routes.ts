import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CHANNELS, PERMISSIONS, roleCan } from '@jejak/core';
import type { ApiKey, Workspace } from '@jejak/storage';
import { StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import { forbidden, notFound } from '../http/http-error.ts';
import type { Granter } from '../auth/api-key.service.ts';
import type { Grant, Principal } from '../auth/principal.ts';
import type { Services } from '../services.ts';
import { ApiKeySchema, CreatedKeySchema, WorkspaceChanges, WorkspaceSchema } from './workspace.schemas.ts';

const tags = ['workspaces'];

export function registerWorkspaceRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/workspaces',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary:
          'Create a workspace (a business): a signed-in person becomes its owner; a key must be installation-wide',
        body: Type.Intersect([
          Type.Object({
            name: WorkspaceChanges.properties.name,
            slug: Type.Optional(Type.String({ minLength: 1, maxLength: 63 })),
          }),
          Type.Partial(Type.Omit(WorkspaceChanges, ['name'])),
        ]),
        response: { 201: WorkspaceSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind === 'key' && principal.key.workspace_id !== null) {
        throw forbidden('Only an installation-wide secret key can create workspaces');
      }
      const workspace = await services.workspaces.create(request.body);
      if (principal.kind === 'user')
        await services.accounts.addMember(workspace.id, principal.user.id, 'owner', []);
      return reply.status(201).send(workspaceView(workspace));
    },
  );

  app.get(
    '/workspaces',
    {
      config: { access: 'account' },
      schema: {
        tags,
        summary: 'Workspaces the caller may use',
        response: { 200: Type.Object({ items: Type.Array(WorkspaceSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const all = await services.workspaces.list();
      const visible =
        principal.kind === 'key'
          ? (w: Workspace) => principal.key.workspace_id === null || w.id === principal.key.workspace_id
          : await memberOf(services, principal.user.id);
      return { items: all.filter(visible).map(workspaceView) };
    },
  );

  app.get(
    '/workspaces/:workspaceId',
    {
      config: { access: { permission: 'workspace.read' } },
      schema: {
        tags,
        summary: 'One workspace',
        params: WorkspaceParams,
        response: { 200: WorkspaceSchema, ...errorResponses },
      },
    },
    async (request) => workspaceView(await services.workspaces.get(request.params.workspaceId)),
  );

  app.patch(
    '/workspaces/:workspaceId',
    {
      config: { access: { permission: 'workspace.manage' }, audit: 'workspace.update' },
      schema: {
        tags,
        summary:
          'Change the name, time zone or currency; days are cut in the new zone from now on, and recorded amounts are not converted',
        params: WorkspaceParams,
        body: Type.Partial(WorkspaceChanges),
        response: { 200: WorkspaceSchema, ...errorResponses },
      },
    },
    async (request) =>
      workspaceView(await services.workspaces.update(request.params.workspaceId, request.body)),
  );

  app.post(
    '/workspaces/:workspaceId/keys',
    {
      config: { access: { permission: 'keys.manage' }, audit: 'key.create' },
      schema: {
        tags,
        summary:
          'Create a write key (ingestion only, safe to put in a web page) or a secret key; the key is shown once',
        params: WorkspaceParams,
        body: Type.Object({
          kind: Type.Union([Type.Literal('write'), Type.Literal('secret')]),
          name: Type.String({ minLength: 1, maxLength: 100 }),
          scopes: Type.Optional(
            Type.Array(StringEnum([...PERMISSIONS, '*'] as const), {
              maxItems: 50,
              description:
                'What a secret key may do (default: everything the creator may do; * for all); never more than the creator holds; write keys only ingest',
            }),
          ),
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
        ...(request.body.scopes ? { scopes: request.body.scopes } : {}),
        granter: granterOf(principalOf(request), request.grant),
      });
      request.auditTarget = `key:${created.row.id}`;
      return reply.status(201).send({ ...keyView(created.row), key: created.key });
    },
  );

  app.get(
    '/workspaces/:workspaceId/keys',
    {
      config: { access: { permission: 'keys.manage' } },
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
      config: { access: { permission: 'keys.manage' }, audit: 'key.revoke' },
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

function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('account route reached without a principal');
  return request.principal;
}

/** What the creator of a key holds in the workspace: their role's permissions, or their key's scopes. */
function granterOf(principal: Principal, grant: Grant | undefined): Granter {
  if (principal.kind === 'key') {
    const scopes = principal.scopes;
    return { label: 'the key you call with', holds: (p) => scopes.includes('*') || scopes.includes(p) };
  }
  const role = grant?.role;
  if (!role) throw new Error('a person reached a workspace route without a role');
  return { label: `your ${role} role`, holds: (p) => roleCan(role, p) };
}

async function memberOf(services: Services, userId: string): Promise<(w: Workspace) => boolean> {
  const ids = new Set((await services.accounts.memberships(userId)).map((m) => m.workspace_id));
  return (w) => ids.has(w.id);
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
    scopes: JSON.parse(k.scopes_json) as string[],
  };
}
