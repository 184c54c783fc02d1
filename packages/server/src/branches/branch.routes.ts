import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Branch } from '@jejak/storage';
import { Nullable, StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';

const tags = ['branches'];
const BranchSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Nullable(Type.String()),
  timezone: Type.String(),
  currency: Type.String(),
  createdAt: Type.Number(),
  archivedAt: Nullable(Type.Number({ description: 'When the outlet was archived; null while open' })),
});
const BranchBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  timezone: Type.Optional(Type.String({ maxLength: 64, description: 'IANA zone, default Asia/Jakarta' })),
  currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3, description: 'ISO 4217, default IDR' })),
});
const BranchParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({ branchId: Type.String({ maxLength: 64 }) }),
]);

/** Outlets. Managers and cashiers see and change only the branches they work at. */
export function registerBranchRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/workspaces/:workspaceId/branches',
    {
      config: { access: { permission: 'branches.manage' }, audit: 'branch.create' },
      schema: {
        tags,
        summary: 'Add a branch',
        params: WorkspaceParams,
        body: BranchBody,
        response: { 201: BranchSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const branch = await services.branches.create(request.params.workspaceId, request.body);
      request.auditTarget = `branch:${branch.id}`;
      return reply.status(201).send(branchView(branch));
    },
  );

  app.get(
    '/workspaces/:workspaceId/branches',
    {
      config: { access: { permission: 'branches.read' } },
      schema: {
        tags,
        summary: 'Branches the caller may see: open ones, and archived ones too with include=archived',
        params: WorkspaceParams,
        querystring: Type.Object({ include: Type.Optional(StringEnum(['archived'] as const)) }),
        response: { 200: Type.Object({ items: Type.Array(BranchSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (
        await services.branches.list(request.params.workspaceId, request.grant?.branchIds ?? [], {
          includeArchived: request.query.include === 'archived',
        })
      ).map(branchView),
    }),
  );

  app.get(
    '/workspaces/:workspaceId/branches/:branchId',
    {
      config: { access: { permission: 'branches.read', branch: true } },
      schema: {
        tags,
        summary: 'One branch',
        params: BranchParams,
        response: { 200: BranchSchema, ...errorResponses },
      },
    },
    async (request) =>
      branchView(await services.branches.get(request.params.workspaceId, request.params.branchId)),
  );

  app.patch(
    '/workspaces/:workspaceId/branches/:branchId',
    {
      config: { access: { permission: 'branches.update', branch: true }, audit: 'branch.update' },
      schema: {
        tags,
        summary: 'Change a branch’s name, address, time zone or currency',
        params: BranchParams,
        body: Type.Partial(BranchBody),
        response: { 200: BranchSchema, ...errorResponses },
      },
    },
    async (request) =>
      branchView(
        await services.branches.update(request.params.workspaceId, request.params.branchId, request.body),
      ),
  );

  for (const [action, summary] of [
    ['archive', 'Archive a branch that closed: it leaves the lists and keeps its history'],
    ['restore', 'Reopen an archived branch'],
  ] as const) {
    app.post(
      `/workspaces/:workspaceId/branches/:branchId/${action}`,
      {
        config: { access: { permission: 'branches.manage', branch: true }, audit: `branch.${action}` },
        schema: { tags, summary, params: BranchParams, response: { 200: BranchSchema, ...errorResponses } },
      },
      async (request) =>
        branchView(await services.branches[action](request.params.workspaceId, request.params.branchId)),
    );
  }

  app.delete(
    '/workspaces/:workspaceId/branches/:branchId',
    {
      config: { access: { permission: 'branches.manage', branch: true }, audit: 'branch.delete' },
      schema: {
        tags,
        summary: 'Delete a branch for good (one added by mistake); a branch that closed is archived instead',
        params: BranchParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.branches.delete(request.params.workspaceId, request.params.branchId);
      return reply.status(204).send(null);
    },
  );
}

function branchView(b: Branch) {
  return {
    id: b.id,
    name: b.name,
    address: b.address,
    timezone: b.timezone,
    currency: b.currency,
    createdAt: b.created_at,
    archivedAt: b.archived_at,
  };
}
