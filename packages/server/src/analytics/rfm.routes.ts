import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { RFM_SEGMENTS, type RfmCustomer } from '@jejak/core';
import { Nullable, StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';

const tags = ['rfm'];
const Segment = StringEnum(RFM_SEGMENTS);
const RfmReportSchema = Type.Object(
  {
    asOfDay: Type.Integer({ description: 'The local day the scores are as of, as days since 1970-01-01' }),
    customers: Type.Integer(),
    segments: Type.Array(
      Type.Object({
        segment: Segment,
        customers: Type.Integer(),
        share: Type.Number(),
        averageRecencyDays: Type.Number(),
        averageFrequency: Type.Number(),
        averageMonetary: Type.Number(),
        monetary: Type.Number({ description: 'What the segment paid in all, Rupiah' }),
      }),
    ),
    grid: Type.Array(Type.Array(Type.Integer()), {
      description: 'Customers per recency score (rows 1..5) and frequency score (columns 1..5)',
    }),
  },
  { $id: 'RfmReport' },
);
const RfmCustomerSchema = Type.Object({
  customerId: Type.String(),
  customerName: Nullable(Type.String()),
  recencyDays: Type.Integer(),
  frequency: Type.Integer(),
  monetary: Type.Number(),
  r: Type.Integer({ minimum: 1, maximum: 5 }),
  f: Type.Integer({ minimum: 1, maximum: 5 }),
  m: Type.Integer({ minimum: 1, maximum: 5 }),
  segment: Segment,
});
const CustomersQuery = Type.Object({
  segment: Type.Optional(Segment),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
});

/** RFM scores and segments (see scoreRfm in @jejak/core for the scoring and its ties). */
export function registerRfmRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/workspaces/:workspaceId/analytics/rfm';

  app.get(
    base,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary:
          'Buyers per RFM segment and per recency × frequency score, as of today. Scores 1-5: ' +
          '1 + floor(5 × buyers strictly worse / all buyers), so equal values score equally',
        params: WorkspaceParams,
        response: { 200: RfmReportSchema, ...errorResponses },
      },
    },
    async (request) => services.rfm.report(request.params.workspaceId),
  );

  app.get(
    `${base}/customers`,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary: 'Buyers with their scores, of one segment or all, highest spend first',
        params: WorkspaceParams,
        querystring: CustomersQuery,
        response: {
          200: Type.Object({ total: Type.Integer(), items: Type.Array(RfmCustomerSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { segment, limit = 50, offset = 0 } = request.query;
      return services.rfm.customers(request.params.workspaceId, {
        limit,
        offset,
        ...(segment ? { segment } : {}),
      });
    },
  );

  app.get(
    `${base}/customers.csv`,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary: 'Every buyer with his RFM scores and segment, as CSV',
        params: WorkspaceParams,
        querystring: Type.Pick(CustomersQuery, ['segment']),
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { segment } = request.query;
      const { items } = await services.rfm.customers(request.params.workspaceId, {
        limit: 10_000_000,
        offset: 0,
        ...(segment ? { segment } : {}),
      });
      const csv = stringify(
        items.map((c: RfmCustomer & { customerName: string | null }) => [
          c.customerId,
          c.customerName ?? '',
          c.recencyDays,
          c.frequency,
          c.monetary,
          c.r,
          c.f,
          c.m,
          c.segment,
        ]),
        {
          header: true,
          columns: [
            'customer_id',
            'name',
            'recency_days',
            'frequency',
            'monetary_idr',
            'r',
            'f',
            'm',
            'segment',
          ],
        },
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="segmen-rfm.csv"')
        .send(csv);
    },
  );
}
