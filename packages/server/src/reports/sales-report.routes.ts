import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from 'typebox';
import type { ReportInterval } from '@jejak/core';
import { WorkspaceParams, errorResponses, StringEnum } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import { dayRange, journeyScope } from '../journey/journey-scope.ts';
import { reportCsv, type CsvColumn, type CsvDelimiter, type CsvLanguage } from './report-csv.ts';
import { reportPeriod } from './report-period.ts';
import {
  BRANCH_COLUMNS,
  CATEGORY_COLUMNS,
  EMPLOYEE_COLUMNS,
  PAYMENT_COLUMNS,
  PRODUCT_COLUMNS,
  SALES_COLUMNS,
  STOCK_VALUE_COLUMNS,
  refundColumns,
} from './report-columns.ts';
import {
  BranchReportSchema,
  CategoryReportSchema,
  CsvQuery,
  EmployeeReportSchema,
  PaymentReportSchema,
  ProductReportSchema,
  RefundReportSchema,
  ReportQuery,
  SalesOverTimeSchema,
  SalesReportQuery,
  StockValueQuery,
  StockValueSchema,
} from './sales-report.schemas.ts';
import type { ReportRequest } from './sales-report.service.ts';

const tags = ['reports'];
const access = { access: { permission: 'reports.read' as const } };
const CsvOptions = Type.Intersect([
  CsvQuery,
  Type.Object({
    lang: Type.Optional(StringEnum(['id', 'en'] as const, { description: 'Header language; default id' })),
  }),
]);

type Query = ReportQuery & { interval?: ReportInterval; delimiter?: CsvDelimiter; lang?: CsvLanguage };

interface Report<S extends TSchema> {
  /** The path after /reports/, and the CSV file's name. */
  name: string;
  file: string;
  summary: string;
  query: TSchema;
  schema: S;
  /** Whether the report covers a period (stock value is now). */
  periodic: boolean;
  run: (services: Services, request: ReportRequest, query: Query) => Promise<Static<S>>;
  columns: (timezone: string) => CsvColumn<Static<S>['rows'][number]>[];
}

const report = <S extends TSchema>(r: Report<S>) => r as unknown as Report<TSchema>;

const REPORTS: Report<TSchema>[] = [
  report({
    name: 'sales',
    file: 'penjualan',
    summary: 'Sales, orders, average order and gross margin per day, ISO week or month',
    query: SalesReportQuery,
    schema: SalesOverTimeSchema,
    periodic: true,
    run: (s, r, q) => s.salesReports.overTime(r, q.interval ?? 'day'),
    columns: () => SALES_COLUMNS,
  }),
  report({
    name: 'products',
    file: 'penjualan-per-produk',
    summary: 'Sales and gross margin per product',
    query: ReportQuery,
    schema: ProductReportSchema,
    periodic: true,
    run: (s, r) => s.salesReports.byProduct(r),
    columns: () => PRODUCT_COLUMNS,
  }),
  report({
    name: 'categories',
    file: 'penjualan-per-kategori',
    summary: 'Sales and gross margin per category',
    query: ReportQuery,
    schema: CategoryReportSchema,
    periodic: true,
    run: (s, r) => s.salesReports.byCategory(r),
    columns: () => CATEGORY_COLUMNS,
  }),
  report({
    name: 'branches',
    file: 'penjualan-per-cabang',
    summary: 'Sales, orders, average order and gross margin per branch',
    query: ReportQuery,
    schema: BranchReportSchema,
    periodic: true,
    run: (s, r) => s.salesReports.byBranch(r),
    columns: () => BRANCH_COLUMNS,
  }),
  report({
    name: 'employees',
    file: 'penjualan-per-karyawan',
    summary: 'Sales per employee who rang them up (refunds count against the sale’s employee)',
    query: ReportQuery,
    schema: EmployeeReportSchema,
    periodic: true,
    run: (s, r) => s.salesReports.byEmployee(r),
    columns: () => EMPLOYEE_COLUMNS,
  }),
  report({
    name: 'payments',
    file: 'pembayaran',
    summary: 'Money taken and given back per payment method',
    query: ReportQuery,
    schema: PaymentReportSchema,
    periodic: true,
    run: (s, r) => s.salesReports.byPaymentMethod(r),
    columns: () => PAYMENT_COLUMNS,
  }),
  report({
    name: 'refunds',
    file: 'refund',
    summary: 'Refunds and voids made in the period, newest first, with their totals',
    query: ReportQuery,
    schema: RefundReportSchema,
    periodic: true,
    run: (s, r) => s.salesReports.refunds(r),
    columns: (timezone) => refundColumns((iso) => localTime(iso, timezone)),
  }),
  report({
    name: 'stock-value',
    file: 'nilai-stok',
    summary: 'The value of the stock on hand now, per branch and category, at cost and at selling price',
    query: StockValueQuery,
    schema: StockValueSchema,
    periodic: false,
    run: (s, r) => s.salesReports.stockValue(r.workspace, r.branches),
    columns: () => STOCK_VALUE_COLUMNS,
  }),
];

/**
 * The business reports. Each is filtered by period and branch and comes as JSON and as CSV. A manager
 * sees his own branches (all of them together when he names none), as on the journey pages.
 */
export function registerSalesReportRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  for (const r of REPORTS) {
    app.get(
      `/workspaces/:workspaceId/reports/${r.name}`,
      {
        config: access,
        schema: {
          tags,
          summary: r.summary,
          params: WorkspaceParams,
          querystring: r.query,
          response: { 200: r.schema, ...errorResponses },
        },
      },
      async (request) =>
        r.run(services, await resolve(services, request, r.periodic), request.query as Query),
    );
    app.get(
      `/workspaces/:workspaceId/reports/${r.name}/csv`,
      {
        config: access,
        schema: {
          tags,
          summary: `${r.summary}, as CSV`,
          params: WorkspaceParams,
          querystring: Type.Intersect([r.query, CsvOptions]),
          produces: ['text/csv'],
          response: { 200: Type.String(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const query = request.query as Query;
        const resolved = await resolve(services, request, r.periodic);
        const result = (await r.run(services, resolved, query)) as { rows: unknown[] };
        const csv = reportCsv(
          r.columns(resolved.workspace.timezone),
          result.rows,
          query.delimiter,
          query.lang,
        );
        const name = r.periodic
          ? `${r.file}-${dayOf(resolved, 'from')}-${dayOf(resolved, 'to')}.csv`
          : `${r.file}-${dayOf(resolved, 'to')}.csv`;
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(csv);
      },
    );
  }
}

async function resolve(
  services: Services,
  request: FastifyRequest,
  periodic: boolean,
): Promise<ReportRequest> {
  const { workspaceId } = request.params as { workspaceId: string };
  const query = request.query as Query;
  const workspace = await services.salesReports.workspace(workspaceId);
  const scope = await journeyScope(services.store, request.grant, workspace.id, {
    ...(query.branch ? { branch: query.branch } : {}),
  });
  const range = periodic
    ? dayRange(query, services.now(), workspace.timezone)
    : dayRange({}, services.now(), workspace.timezone);
  return {
    workspace,
    period: reportPeriod(range, workspace.timezone),
    branches: scope.applied.branches,
  };
}

function dayOf(r: ReportRequest, end: 'from' | 'to'): string {
  const day = end === 'from' ? r.period.range.fromDay : r.period.range.toDay;
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `2026-11-24 19:05` in the workspace's zone: what a spreadsheet reads as a date and time. */
function localTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
