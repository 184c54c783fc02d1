import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PageQuery, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import {
  CustomerStatusSchema,
  CustomerDetailSchema,
  CustomerPageSchema,
  MergePageSchema,
  MergeSchema,
  TimelinePageSchema,
} from './customer.schemas.ts';

const tags = ['customers'];

const CustomerParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({ customerId: Type.String({ maxLength: 64 }) }),
]);

export function registerCustomerRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/customers',
    {
      config: { access: { permission: 'customers.read' } },
      schema: {
        tags,
        summary: 'List customers, most recently active first, with search, filters and paging',
        params: WorkspaceParams,
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({
            search: Type.Optional(
              Type.String({
                maxLength: 200,
                description: 'Part of the name, email, phone (any format) or id, or any identity key whole',
              }),
            ),
            stage: Type.Optional(Type.String({ maxLength: 32 })),
            status: Type.Optional(CustomerStatusSchema),
          }),
        ]),
        response: { 200: CustomerPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 50, ...rest } = request.query;
      const page = await services.customers.list(request.params.workspaceId, { limit, ...rest });
      return {
        items: page.items.map((c) => ({
          id: c.id,
          name: c.name,
          email: c.email,
          phone: c.phone,
          stage: c.stage,
          status: c.status,
          value: c.value,
          firstSeenAt: c.first_seen_at,
          lastSeenAt: c.last_event_at,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/workspaces/:workspaceId/customers/:customerId',
    {
      config: { access: { permission: 'customers.read' } },
      schema: {
        tags,
        summary:
          'One customer: identity keys, traits, stage and status, and a timeline of events and transitions',
        params: CustomerParams,
        querystring: Type.Object({
          timelineLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        }),
        response: { 200: CustomerDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.customers.detail(
        request.params.workspaceId,
        request.params.customerId,
        request.query.timelineLimit,
      ),
  );

  app.get(
    '/workspaces/:workspaceId/customers/:customerId/timeline',
    {
      config: { access: { permission: 'customers.read' } },
      schema: {
        tags,
        summary: "A customer's events and stage and status moves together, newest first, a page at a time",
        params: CustomerParams,
        querystring: PageQuery,
        response: { 200: TimelinePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 50, cursor } = request.query;
      return services.customers.timeline(request.params.workspaceId, request.params.customerId, {
        limit,
        ...(cursor ? { cursor } : {}),
      });
    },
  );

  app.post(
    '/workspaces/:workspaceId/merges',
    {
      config: { access: { permission: 'customers.write' }, audit: 'customer.merge' },
      schema: {
        tags,
        summary: 'Merge one customer into another by hand (recorded, can be undone)',
        params: WorkspaceParams,
        body: Type.Object({
          survivorId: Type.String({ minLength: 1, maxLength: 64 }),
          mergedId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
        response: { 201: MergeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const merge = await services.merges.merge(
        request.params.workspaceId,
        request.body.survivorId,
        request.body.mergedId,
      );
      return reply.status(201).send(mergeView(merge));
    },
  );

  app.get(
    '/workspaces/:workspaceId/merges',
    {
      config: { access: { permission: 'customers.read' } },
      schema: {
        tags,
        summary: 'Merges, newest first; with customerId, those the customer took part in on either side',
        params: WorkspaceParams,
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }),
        ]),
        response: { 200: MergePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 50, cursor, customerId } = request.query;
      const page = await services.merges.list(request.params.workspaceId, {
        limit,
        ...(cursor ? { cursor } : {}),
        ...(customerId ? { customerId } : {}),
      });
      return { items: page.items.map(mergeView), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/workspaces/:workspaceId/merges/:mergeId/undo',
    {
      config: { access: { permission: 'customers.write' }, audit: 'customer.merge_undo' },
      schema: {
        tags,
        summary:
          'Undo a merge: the merged customer, its keys and its events come back; both journeys are replayed',
        params: Type.Intersect([WorkspaceParams, Type.Object({ mergeId: Type.String({ maxLength: 64 }) })]),
        response: { 200: MergeSchema, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) =>
      mergeView(await services.merges.undo(request.params.workspaceId, request.params.mergeId)),
  );
}

function mergeView(m: {
  id: string;
  survivor_id: string;
  merged_id: string;
  keys_json: string;
  cause_message_id: string | null;
  created_at: number;
  undone_at: number | null;
}) {
  return {
    id: m.id,
    survivorId: m.survivor_id,
    mergedId: m.merged_id,
    keys: JSON.parse(m.keys_json) as { kind: string; value: string }[],
    causeMessageId: m.cause_message_id,
    createdAt: m.created_at,
    undoneAt: m.undone_at,
  };
}
