import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  IsoInstant,
  Nullable,
  PageQuery,
  WorkspaceParams,
  errorResponses,
  pageOf,
} from '../http/common.schemas.ts';
import type { Services } from '../services.ts';

const EntrySchema = Type.Object({
  id: Type.Number(),
  at: Type.Number(),
  actorKind: Type.String(),
  actorId: Type.String(),
  actorLabel: Type.String(),
  role: Nullable(Type.String()),
  action: Type.String(),
  target: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Type.Unknown(),
});

export function registerAuditRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/workspaces/:workspaceId/audit',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'What owners, admins, managers and keys changed, newest first',
        params: WorkspaceParams,
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            actorId: Type.Optional(Type.String({ maxLength: 64 })),
            action: Type.Optional(
              Type.String({
                maxLength: 100,
                description: 'An action, or a prefix ending in a dot (branch.)',
              }),
            ),
            from: Type.Optional(IsoInstant),
            to: Type.Optional(IsoInstant),
          }),
        ]),
        response: { 200: pageOf(EntrySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 50, cursor, from, to, actorId, action } = request.query;
      const page = await services.audit.list(
        request.params.workspaceId,
        {
          ...(actorId ? { actorId } : {}),
          ...(action ? { action } : {}),
          ...(from ? { from: Date.parse(from) } : {}),
          ...(to ? { to: Date.parse(to) } : {}),
        },
        { limit, ...(cursor ? { cursor } : {}) },
      );
      return {
        items: page.items.map((e) => ({
          id: e.id,
          at: e.at,
          actorKind: e.actor_kind,
          actorId: e.actor_id,
          actorLabel: e.actor_label,
          role: e.role,
          action: e.action,
          target: e.target,
          ip: e.ip,
          details: JSON.parse(e.details_json) as unknown,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
