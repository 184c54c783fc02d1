import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { NEGATIVE_DIMENSIONS, NEGATIVE_KINDS } from '@jejak/core';
import { Nullable, StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';

const tags = ['negative-experiences'];
const ReportQuery = Type.Object({
  weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104, default: 12 })),
});
const RepeatedQuery = Type.Object({
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30 })),
  min: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 2 })),
});
const ReportSchema = Type.Object(
  {
    weeks: Type.Array(
      Type.String({ description: 'Monday of the ISO week, YYYY-MM-DD in the workspace zone' }),
    ),
    total: Type.Integer(),
    series: Type.Array(
      Type.Object({
        dimension: StringEnum(NEGATIVE_DIMENSIONS),
        key: Type.String({ description: "kind, channel, branch id or employee id ('' for none)" }),
        counts: Type.Array(Type.Integer()),
        total: Type.Integer(),
      }),
    ),
    labels: Type.Record(Type.String(), Type.String(), {
      description: 'Names of "branch:<id>" and "employee:<id>" keys',
    }),
  },
  { $id: 'NegativeExperienceReport' },
);
const RepeatedSchema = Type.Object({
  customerId: Type.String(),
  customerName: Nullable(Type.String()),
  count: Type.Integer(),
  lastAt: Type.Integer(),
  kinds: Type.Array(StringEnum(NEGATIVE_KINDS)),
});

/** Negative experiences per week by kind, touchpoint, branch and employee; customers with several. */
export function registerNegativeExperienceRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/workspaces/:workspaceId/analytics/negative-experiences';
  const config = { access: { permission: 'analytics.read' as const } };

  app.get(
    base,
    {
      config,
      schema: {
        tags,
        summary:
          'Negative experiences (complaint tickets, low survey scores, refunds, missed response targets, ' +
          'bad reviews: what the journey rules count) per week by kind, channel, branch and employee',
        params: WorkspaceParams,
        querystring: ReportQuery,
        response: { 200: ReportSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.negativeExperiences.report(request.params.workspaceId, request.query.weeks ?? 12),
  );

  app.get(
    `${base}.csv`,
    {
      config,
      schema: {
        tags,
        summary: 'The weekly counts as CSV, one row per week, dimension and value',
        params: WorkspaceParams,
        querystring: ReportQuery,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await services.negativeExperiences.report(
        request.params.workspaceId,
        request.query.weeks ?? 12,
      );
      const rows = report.series.flatMap((s) =>
        s.counts.map((count, i) => [
          report.weeks[i],
          s.dimension,
          s.key,
          report.labels[`${s.dimension}:${s.key}`] ?? '',
          count,
        ]),
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="pengalaman-negatif.csv"')
        .send(stringify(rows, { header: true, columns: ['week', 'dimension', 'key', 'label', 'count'] }));
    },
  );

  app.get(
    `${base}/customers`,
    {
      config,
      schema: {
        tags,
        summary:
          'Customers with at least `min` (default 2) negative experiences in the last `days` (default 30)',
        params: WorkspaceParams,
        querystring: RepeatedQuery,
        response: { 200: Type.Object({ items: Type.Array(RepeatedSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await services.negativeExperiences.repeated(
        request.params.workspaceId,
        request.query.days ?? 30,
        request.query.min ?? 2,
      ),
    }),
  );

  app.get(
    `${base}/customers.csv`,
    {
      config,
      schema: {
        tags,
        summary: 'The same customers as CSV',
        params: WorkspaceParams,
        querystring: RepeatedQuery,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const items = await services.negativeExperiences.repeated(
        request.params.workspaceId,
        request.query.days ?? 30,
        request.query.min ?? 2,
      );
      const csv = stringify(
        items.map((r) => [
          r.customerId,
          r.customerName ?? '',
          r.count,
          new Date(r.lastAt).toISOString(),
          r.kinds.join(' '),
        ]),
        { header: true, columns: ['customer_id', 'name', 'negative_experiences', 'last_at', 'kinds'] },
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="pelanggan-pengalaman-negatif.csv"')
        .send(csv);
    },
  );
}
