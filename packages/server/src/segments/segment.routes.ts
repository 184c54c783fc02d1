import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { Nullable, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';

const tags = ['segments'];

const Rules = Type.Unknown({
  description:
    '{"match": "all"|"any", "conditions": [...]}; a condition is {type: "trait", trait, op: eq|neq|contains|' +
    'exists|not_exists|gt|gte|lt|lte, value}, {type: "stage"|"status"|"rfm", in: [...]}, {type: "event_count", ' +
    'event, days, op: gte|gt|eq|lte|lt, value}, {type: "event_sum", event, property (default revenue), days, op, ' +
    'value}, {type: "negative_count", days, op, value}, or a group {match, conditions} (one level deep)',
});
const SegmentBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  rules: Rules,
});
const SegmentSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    rules: Rules,
    members: Type.Integer(),
    createdAt: Type.Integer(),
    updatedAt: Type.Integer(),
  },
  { $id: 'Segment' },
);
const SegmentParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({ segmentId: Type.String({ maxLength: 64 }) }),
]);
const MemberSchema = Type.Object({
  customerId: Type.String(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  enteredAt: Type.Integer(),
});
const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
});

/** Saved segments: CRUD, a preview before saving, members, their CSV and the member counts per day. */
export function registerSegmentRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/workspaces/:workspaceId/segments';
  const read = { access: { permission: 'analytics.read' as const } };

  app.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: 'Saved segments with their current member counts',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(SegmentSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await services.segments.list(request.params.workspaceId) }),
  );

  app.get(
    `${base}/trend`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Members of every segment per local day (the count at the end of the day, or now for today)',
        params: WorkspaceParams,
        querystring: Type.Object({
          days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730, default: 90 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ segmentId: Type.String(), day: Type.String(), members: Type.Integer() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const rows = await services.segments.trend(request.params.workspaceId, request.query.days ?? 90);
      return { items: rows.map((r) => ({ segmentId: r.segment_id, day: r.day, members: r.members })) };
    },
  );

  app.post(
    `${base}/preview`,
    {
      config: read,
      schema: {
        tags,
        summary: 'How many customers the rules hold now, and up to ten of them; saves nothing',
        params: WorkspaceParams,
        body: Type.Object({ rules: Rules }),
        response: {
          200: Type.Object({
            members: Type.Integer(),
            sample: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.segments.preview(request.params.workspaceId, request.body.rules),
  );

  app.post(
    base,
    {
      config: { access: { permission: 'analytics.manage' }, audit: 'segment.create' },
      schema: {
        tags,
        summary: 'Save a segment; its members are computed at once (each gets a Segment Entered event)',
        params: WorkspaceParams,
        body: SegmentBody,
        response: { 201: SegmentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.segments.create(request.params.workspaceId, request.body)),
  );

  app.get(
    `${base}/:segmentId`,
    {
      config: read,
      schema: {
        tags,
        summary: 'One segment with its rules and member count',
        params: SegmentParams,
        response: { 200: SegmentSchema, ...errorResponses },
      },
    },
    async (request) => services.segments.get(request.params.workspaceId, request.params.segmentId),
  );

  app.put(
    `${base}/:segmentId`,
    {
      config: { access: { permission: 'analytics.manage' }, audit: 'segment.update' },
      schema: {
        tags,
        summary: "Change a segment's name or rules; membership is recomputed (Segment Entered/Left events)",
        params: SegmentParams,
        body: SegmentBody,
        response: { 200: SegmentSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.segments.update(request.params.workspaceId, request.params.segmentId, request.body),
  );

  app.delete(
    `${base}/:segmentId`,
    {
      config: { access: { permission: 'analytics.manage' }, audit: 'segment.delete' },
      schema: {
        tags,
        summary: 'Delete a segment and its members and counts (past Segment Entered/Left events stay)',
        params: SegmentParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.segments.remove(request.params.workspaceId, request.params.segmentId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/:segmentId/members`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Members of a segment, latest to enter first',
        params: SegmentParams,
        querystring: PageQuery,
        response: {
          200: Type.Object({ total: Type.Integer(), items: Type.Array(MemberSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { limit = 50, offset = 0 } = request.query;
      const page = await services.segments.members(request.params.workspaceId, request.params.segmentId, {
        limit,
        offset,
      });
      return { total: page.total, items: page.items.map(member) };
    },
  );

  app.get(
    `${base}/:segmentId/members.csv`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Every member of a segment, as CSV',
        params: SegmentParams,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { items } = await services.segments.members(
        request.params.workspaceId,
        request.params.segmentId,
        {
          limit: 10_000_000,
          offset: 0,
        },
      );
      const csv = stringify(
        items.map((m) => [
          m.customer_id,
          m.name ?? '',
          m.email ?? '',
          m.phone ?? '',
          new Date(m.entered_at).toISOString(),
        ]),
        { header: true, columns: ['customer_id', 'name', 'email', 'phone', 'entered_at'] },
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="segmen.csv"')
        .send(csv);
    },
  );

  app.get(
    '/workspaces/:workspaceId/customers/:customerId/segments',
    {
      config: read,
      schema: {
        tags,
        summary: 'The saved segments a customer is in now',
        params: Type.Intersect([
          WorkspaceParams,
          Type.Object({ customerId: Type.String({ maxLength: 64 }) }),
        ]),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Type.String(), name: Type.String(), enteredAt: Type.Integer() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const rows = await services.segments.forCustomer(request.params.workspaceId, request.params.customerId);
      return { items: rows.map((r) => ({ id: r.id, name: r.name, enteredAt: r.entered_at })) };
    },
  );
}

function member(m: {
  customer_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  entered_at: number;
}) {
  return { customerId: m.customer_id, name: m.name, email: m.email, phone: m.phone, enteredAt: m.entered_at };
}
