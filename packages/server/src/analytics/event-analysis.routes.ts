import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import { Type, type Static } from 'typebox';
import { FUNNEL_ORDERS, MAX_FUNNEL_STEPS, MAX_PATH_STEPS } from '@jejak/core';
import { Nullable, StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';

const tags = ['event analysis'];
const LocalDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A local date in the workspace zone',
});
const EventName = Type.String({ minLength: 1, maxLength: 200 });
const Filter = Type.Object(
  {
    property: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'A key of the event properties; a.b for nested',
    }),
    operator: StringEnum(['is', 'is_not'] as const),
    values: Type.Array(Type.String({ maxLength: 500 }), { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
const Step = Type.Object(
  { event: EventName, filters: Type.Optional(Type.Array(Filter, { maxItems: 5 })) },
  { additionalProperties: false },
);
const FunnelBody = Type.Object(
  {
    steps: Type.Array(Step, { minItems: 2, maxItems: MAX_FUNNEL_STEPS }),
    windowMinutes: Type.Integer({ minimum: 1, maximum: 366 * 24 * 60, description: 'Conversion window' }),
    order: StringEnum(FUNNEL_ORDERS),
    exclusions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            event: EventName,
            filters: Type.Optional(Type.Array(Filter, { maxItems: 5 })),
            afterStep: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_FUNNEL_STEPS })),
            beforeStep: Type.Optional(Type.Integer({ minimum: 2, maximum: MAX_FUNNEL_STEPS })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 5 },
      ),
    ),
    breakdown: Type.Optional(
      Type.Object(
        {
          by: StringEnum(['channel', 'branch', 'property'] as const),
          property: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        },
        { additionalProperties: false },
      ),
    ),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
  },
  { additionalProperties: false, $id: 'FunnelDefinition' },
);
type FunnelBody = Static<typeof FunnelBody>;
const StepResult = Type.Object({
  customers: Type.Integer(),
  fromPrevious: Type.Number(),
  fromFirst: Type.Number(),
});
const FunnelReport = Type.Object(
  {
    events: Type.Integer({ description: 'Events scanned' }),
    steps: Type.Array(
      Type.Object({
        event: Type.String(),
        customers: Type.Integer(),
        fromPrevious: Type.Number(),
        fromFirst: Type.Number(),
        dropped: Type.Integer({ description: 'Reached this step and went no further' }),
      }),
    ),
    groups: Type.Array(
      Type.Object({ value: Type.String(), label: Type.String(), steps: Type.Array(StepResult) }),
      { description: 'Per breakdown value (of the first entry), most entries first, at most 20' },
    ),
    timeToConvert: Type.Object({
      customers: Type.Integer(),
      medianMs: Nullable(Type.Number()),
      buckets: Type.Array(
        Type.Object({ fromMs: Type.Number(), toMs: Nullable(Type.Number()), customers: Type.Integer() }),
      ),
    }),
  },
  { $id: 'FunnelReport' },
);
const CustomersBody = Type.Object(
  {
    funnel: FunnelBody,
    step: Type.Integer({ minimum: 1, maximum: MAX_FUNNEL_STEPS }),
    outcome: StringEnum(['reached', 'dropped'] as const),
    group: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
const FunnelCustomer = Type.Object({
  customerId: Type.String(),
  customerName: Nullable(Type.String()),
  step: Type.Integer({ description: 'The furthest step reached' }),
  convertMs: Nullable(
    Type.Number({ description: 'Shortest time from the first step to the last, if converted' }),
  ),
});
const PathsBody = Type.Object(
  {
    event: EventName,
    direction: StringEnum(['after', 'before'] as const),
    steps: Type.Integer({ minimum: 1, maximum: MAX_PATH_STEPS }),
    topPerStep: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
  },
  { additionalProperties: false, $id: 'PathsDefinition' },
);
const PathsReport = Type.Object(
  {
    events: Type.Integer(),
    customers: Type.Integer({ description: 'Customers who did the event' }),
    nodes: Type.Array(
      Type.Object({
        id: Type.String(),
        step: Type.Integer(),
        name: Type.String(),
        customers: Type.Integer(),
      }),
    ),
    links: Type.Array(
      Type.Object({ source: Type.String(), target: Type.String(), customers: Type.Integer() }),
    ),
    ended: Type.Array(Type.Integer()),
    transitions: Type.Array(
      Type.Object({
        step: Type.Integer(),
        from: Type.String(),
        to: Type.String(),
        customers: Type.Integer(),
      }),
    ),
  },
  { $id: 'PathsReport' },
);

const access = { config: { access: { permission: 'analytics.read' } } } as const;
const csvHeaders = (name: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${name}"`,
});

const pathsInput = (body: Static<typeof PathsBody>) => ({
  event: body.event,
  direction: body.direction,
  steps: body.steps,
  topPerStep: body.topPerStep ?? 10,
  ...(body.from !== undefined ? { from: body.from } : {}),
  ...(body.to !== undefined ? { to: body.to } : {}),
});

/** Event funnels and paths, scanned over the in-memory event layout (see docs/analytics.md). */
export function registerEventAnalysisRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/workspaces/:workspaceId/analytics';

  app.get(
    `${base}/event-catalogue`,
    {
      ...access,
      schema: {
        tags,
        summary:
          'Event names of the workspace with their counts, channels and branches (for the step editors)',
        params: WorkspaceParams,
        response: {
          200: Type.Object({
            events: Type.Array(Type.Object({ name: Type.String(), events: Type.Integer() })),
            channels: Type.Array(Type.String()),
            branches: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.eventAnalysis.catalogue(request.params.workspaceId),
  );

  app.post(
    `${base}/funnels`,
    {
      ...access,
      schema: {
        tags,
        summary:
          'An event funnel: customers reaching each step within the window (order sequential, strict or any), ' +
          'with exclusions, a breakdown and the time to convert',
        params: WorkspaceParams,
        body: FunnelBody,
        response: { 200: FunnelReport, ...errorResponses },
      },
    },
    async (request) => services.eventAnalysis.funnel(request.params.workspaceId, request.body),
  );

  app.post(
    `${base}/funnels.csv`,
    {
      ...access,
      schema: {
        tags,
        summary: 'The funnel as CSV: one row per step (and per breakdown value)',
        params: WorkspaceParams,
        body: FunnelBody,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await services.eventAnalysis.funnel(
        request.params.workspaceId,
        request.body,
      );
      const rows: (string | number)[][] = report.steps.map((s, j) => [
        '',
        j + 1,
        s.event,
        s.customers,
        s.fromPrevious.toFixed(4),
        s.fromFirst.toFixed(4),
        s.dropped,
      ]);
      for (const g of report.groups) {
        g.steps.forEach((s, j) => {
          rows.push([
            g.label || g.value,
            j + 1,
            report.steps[j]!.event,
            s.customers,
            s.fromPrevious.toFixed(4),
            s.fromFirst.toFixed(4),
            '',
          ]);
        });
      }
      const csv = stringify(rows, {
        header: true,
        columns: ['breakdown', 'step', 'event', 'customers', 'from_previous', 'from_first', 'dropped'],
      });
      return reply.headers(csvHeaders('corong.csv')).send(csv);
    },
  );

  app.post(
    `${base}/funnels/customers`,
    {
      ...access,
      schema: {
        tags,
        summary: 'Customers who reached a step of the funnel, or dropped there',
        params: WorkspaceParams,
        body: CustomersBody,
        response: {
          200: Type.Object({ total: Type.Integer(), items: Type.Array(FunnelCustomer) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { funnel, step, outcome, group, limit = 50, offset = 0 } = request.body;
      return services.eventAnalysis.funnelCustomers(request.params.workspaceId, funnel, {
        step,
        outcome,
        limit,
        offset,
        ...(group !== undefined ? { group } : {}),
      });
    },
  );

  app.post(
    `${base}/funnels/customers.csv`,
    {
      ...access,
      schema: {
        tags,
        summary: 'Every customer who reached a step of the funnel, or dropped there, as CSV',
        params: WorkspaceParams,
        body: Type.Omit(CustomersBody, ['limit', 'offset']),
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { funnel, step, outcome, group } = request.body;
      const { items } = await services.eventAnalysis.funnelCustomers(
        request.params.workspaceId,
        funnel,
        {
          step,
          outcome,
          limit: 10_000_000,
          offset: 0,
          ...(group !== undefined ? { group } : {}),
        },
      );
      const csv = stringify(
        items.map((c) => [c.customerId, c.customerName ?? '', c.step, c.convertMs ?? '']),
        { header: true, columns: ['customer_id', 'name', 'furthest_step', 'convert_ms'] },
      );
      return reply.headers(csvHeaders(`corong-langkah-${step}.csv`)).send(csv);
    },
  );

  app.post(
    `${base}/paths`,
    {
      ...access,
      schema: {
        tags,
        summary: 'What customers did after (or before) an event: the top transitions per step, for a Sankey',
        params: WorkspaceParams,
        body: PathsBody,
        response: { 200: PathsReport, ...errorResponses },
      },
    },
    async (request) => services.eventAnalysis.paths(request.params.workspaceId, pathsInput(request.body)),
  );

  app.post(
    `${base}/paths.csv`,
    {
      ...access,
      schema: {
        tags,
        summary: 'The paths as CSV: one row per kept transition',
        params: WorkspaceParams,
        body: PathsBody,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await services.eventAnalysis.paths(request.params.workspaceId, pathsInput(request.body));
      const csv = stringify(
        report.transitions.map((t) => [
          request.body.direction === 'after' ? t.step : -t.step,
          t.from,
          t.to,
          t.customers,
        ]),
        { header: true, columns: ['step', 'from_event', 'to_event', 'customers'] },
      );
      return reply.headers(csvHeaders('jalur.csv')).send(csv);
    },
  );
}
