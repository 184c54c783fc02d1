import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import { reportCsv, type CsvColumn } from '../reports/report-csv.ts';
import type { Services } from '../services.ts';
import { RetentionCsvQuery, RetentionQuery, RetentionReportSchema } from './retention.schemas.ts';
import type { RetentionReport, RetentionRequest } from './retention.service.ts';

const tags = ['retention'];
type Cell = RetentionReport['cohorts'][number] & { period: number };
type Repeat = RetentionReport['repeat']['cohorts'][number];
type Lifecycle = RetentionReport['lifecycle'][number];

/** The three tables of the report as CSV: the matrix one row per cohort and period, repeat purchase, lifecycle. */
const CSV = {
  cohorts: {
    file: 'retensi-kohort',
    rows: (r: RetentionReport): Cell[] =>
      r.cohorts.flatMap((c) => c.retained.map((_, period) => ({ ...c, period }))),
    columns: [
      { id: 'awal_kohort', en: 'cohort_start', cell: (c) => c.start },
      { id: 'ukuran_kohort', en: 'cohort_size', cell: (c) => c.size, kind: 'number' },
      { id: 'periode', en: 'period', cell: (c) => c.period, kind: 'number' },
      { id: 'kembali', en: 'retained', cell: (c) => c.retained[c.period]!, kind: 'number' },
      { id: 'retensi_persen', en: 'retention_pct', cell: (c) => c.share[c.period]!, kind: 'ratio' },
      { id: 'pendapatan_idr', en: 'revenue_idr', cell: (c) => c.revenue[c.period]!, kind: 'number' },
      {
        id: 'retensi_pendapatan_persen',
        en: 'revenue_retention_pct',
        cell: (c) => c.revenueShare[c.period]!,
        kind: 'ratio',
      },
    ] satisfies CsvColumn<Cell>[],
  },
  repeat: {
    file: 'retensi-pembelian-ulang',
    rows: (r: RetentionReport): Repeat[] => r.repeat.cohorts,
    columns: [
      { id: 'awal_kohort', en: 'cohort_start', cell: (c) => c.start },
      { id: 'pembeli', en: 'buyers', cell: (c) => c.buyers, kind: 'number' },
      { id: 'pembeli_ulang', en: 'repeat_buyers', cell: (c) => c.repeatBuyers, kind: 'number' },
      { id: 'pembelian_ulang_persen', en: 'repeat_rate_pct', cell: (c) => c.repeatRate, kind: 'ratio' },
      { id: 'pembeli_cukup_lama', en: 'eligible_buyers', cell: (c) => c.eligible, kind: 'number' },
      { id: 'ulang_dalam_n_hari', en: 'repeat_within_n_days', cell: (c) => c.repeatWithin, kind: 'number' },
      {
        id: 'ulang_dalam_n_hari_persen',
        en: 'repeat_within_n_days_pct',
        cell: (c) => c.repeatWithinRate,
        kind: 'ratio',
      },
    ] satisfies CsvColumn<Repeat>[],
  },
  lifecycle: {
    file: 'retensi-siklus',
    rows: (r: RetentionReport): Lifecycle[] => r.lifecycle,
    columns: [
      { id: 'awal_periode', en: 'period_start', cell: (c) => c.start },
      { id: 'baru', en: 'new', cell: (c) => c.new, kind: 'number' },
      { id: 'kembali', en: 'returning', cell: (c) => c.returning, kind: 'number' },
      { id: 'bangkit', en: 'resurrecting', cell: (c) => c.resurrecting, kind: 'number' },
      { id: 'tidur', en: 'dormant', cell: (c) => c.dormant, kind: 'number' },
    ] satisfies CsvColumn<Lifecycle>[],
  },
} as const;

function requestOf(query: RetentionQuery): RetentionRequest {
  return {
    ...query,
    unit: query.unit ?? 'month',
    cohortBy: query.cohortBy ?? 'purchase',
    returnBy: query.returnBy ?? 'purchase',
    withinDays: query.withinDays ?? 30,
  };
}

/** Retention cohorts, repeat purchase, revenue retention and lifecycle (see RetentionService). */
export function registerRetentionRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/workspaces/:workspaceId/analytics/retention';

  app.get(
    base,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary:
          'Cohorts by first purchase or first event per week or month with the share who came back in each ' +
          'later period and their revenue, repeat purchase, and lifecycle (new, returning, resurrecting, dormant)',
        params: WorkspaceParams,
        querystring: RetentionQuery,
        response: { 200: RetentionReportSchema, ...errorResponses },
      },
    },
    async (request) => services.retention.report(request.params.workspaceId, requestOf(request.query)),
  );

  for (const table of ['cohorts', 'repeat', 'lifecycle'] as const) {
    const csv = CSV[table];
    app.get(
      `${base}/${table}.csv`,
      {
        config: { access: { permission: 'analytics.read' } },
        schema: {
          tags,
          summary: `The ${table} table of the retention report, as CSV`,
          params: WorkspaceParams,
          querystring: RetentionCsvQuery,
          produces: ['text/csv'],
          response: { 200: Type.String(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { delimiter, lang, ...query } = request.query;
        const report = await services.retention.report(request.params.workspaceId, requestOf(query));
        const rows = csv.rows(report) as never[];
        const body = reportCsv(csv.columns as readonly CsvColumn<never>[], rows, delimiter, lang);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${csv.file}-${report.unit}-${report.to}.csv"`)
          .send(body);
      },
    );
  }
}
