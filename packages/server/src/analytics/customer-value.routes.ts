import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import type { CustomerValuePrediction, PredictionWithName } from '@jejak/storage';
import {
  ErrorSchema,
  Nullable,
  StringEnum,
  WorkspaceParams,
  errorResponses,
} from '../http/common.schemas.ts';
import { notFound } from '../http/http-error.ts';
import type { Services } from '../services.ts';

const tags = ['customer value'];

const HoldoutRowSchema = Type.Object({
  frequency: Type.Integer({
    description: 'Repeat purchases before the holdout (the last row: this many or more)',
  }),
  customers: Type.Integer(),
  predicted: Type.Number({
    description: 'Average purchases per customer the model predicted for the holdout weeks',
  }),
  actual: Type.Number({ description: 'Average purchases per customer in the holdout weeks' }),
});
const FitSchema = Type.Object(
  {
    fittedAt: Type.Number(),
    calibrationEndDay: Type.Integer({
      description: 'Last local day of the history, as days since 1970-01-01',
    }),
    horizonWeeks: Type.Integer(),
    monthlyDiscount: Type.Number(),
    customers: Type.Integer(),
    repeatCustomers: Type.Integer(),
    purchases: Type.Object({
      r: Type.Number(),
      alpha: Type.Number(),
      a: Type.Number(),
      b: Type.Number(),
      logLikelihood: Type.Number(),
    }),
    spend: Type.Object({
      p: Type.Number(),
      q: Type.Number(),
      gamma: Type.Number({ description: 'Rupiah' }),
      logLikelihood: Type.Number(),
    }),
    holdout: Nullable(
      Type.Object({
        weeks: Type.Integer(),
        calibrationEndDay: Type.Integer(),
        customers: Type.Integer(),
        predicted: Type.Number(),
        actual: Type.Number(),
        meanAbsoluteError: Type.Number(),
        byFrequency: Type.Array(HoldoutRowSchema),
      }),
    ),
  },
  { $id: 'CustomerValueFit' },
);
const RunSchema = Type.Object(
  {
    ranAt: Type.Number(),
    outcome: StringEnum(['fitted', 'skipped', 'failed']),
    reason: Nullable(Type.String({ description: 'Why it skipped or failed' })),
    statusesSent: Type.Integer({ description: 'Status changes sent to the journeys by the model option' }),
  },
  { $id: 'CustomerValueRun' },
);
const PredictionSchema = Type.Object(
  {
    customerId: Type.String(),
    customerName: Type.Optional(Nullable(Type.String())),
    repeatPurchases: Type.Integer(),
    weeksSinceFirst: Type.Number(),
    weeksSinceLast: Type.Number(),
    probabilityAlive: Type.Number({ minimum: 0, maximum: 1 }),
    expectedPurchases: Type.Number({ description: "Over the fit's horizon" }),
    expectedSpend: Type.Number({ description: 'Per purchase, Rupiah' }),
    value: Type.Number({ description: 'Over the horizon, discounted, Rupiah' }),
  },
  { $id: 'CustomerValuePrediction' },
);
const FitBody = Type.Object({
  horizonWeeks: Type.Optional(
    Type.Integer({ minimum: 4, maximum: 260, description: 'Weeks ahead (default 52)' }),
  ),
  monthlyDiscount: Type.Optional(
    Type.Number({ minimum: 0, maximum: 0.2, description: 'Discount rate per month (default 0.01)' }),
  ),
});
const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  maxProbabilityAlive: Type.Optional(
    Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'Only customers at most this likely to be still active',
    }),
  ),
});

const view = (p: CustomerValuePrediction | PredictionWithName) => ({
  customerId: p.customer_id,
  ...('customer_name' in p ? { customerName: p.customer_name } : {}),
  repeatPurchases: p.frequency,
  weeksSinceFirst: p.age_weeks,
  weeksSinceLast: p.age_weeks - p.recency_weeks,
  probabilityAlive: p.probability_alive,
  expectedPurchases: p.expected_purchases,
  expectedSpend: Math.round(p.expected_spend),
  value: Math.round(p.value),
});

/** Predicted purchases, probability alive and customer value (BG/NBD and Gamma-Gamma). */
export function registerCustomerValueRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/workspaces/:workspaceId/analytics/customer-value';

  app.post(
    `${base}/fit`,
    {
      config: { access: { permission: 'analytics.manage' }, audit: 'customer_value.fit' },
      schema: {
        tags,
        summary:
          "Fit the purchase (BG/NBD) and spend (Gamma-Gamma) models on the workspace's orders and predict " +
          'every customer who bought; 409 not_enough_history below 30 customers or 10 who bought again',
        params: WorkspaceParams,
        body: FitBody,
        response: { 201: FitSchema, 409: ErrorSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.customerValue.fit(request.params.workspaceId, request.body)),
  );

  app.get(
    base,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary:
          'The latest fit: parameters, log-likelihoods and the holdout check (null before the first fit), ' +
          'and the last nightly refit (fitted, or skipped and why)',
        params: WorkspaceParams,
        response: {
          200: Type.Object({ fit: Nullable(FitSchema), lastRun: Nullable(RunSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      fit: await services.customerValue.latest(request.params.workspaceId),
      lastRun: await services.customerValue.lastRun(request.params.workspaceId),
    }),
  );

  app.get(
    `${base}/customers`,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary: 'Customers by predicted value, highest first',
        params: WorkspaceParams,
        querystring: ListQuery,
        response: {
          200: Type.Object({ total: Type.Integer(), items: Type.Array(PredictionSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { limit = 50, offset = 0, maxProbabilityAlive } = request.query;
      const page = await services.customerValue.customers(request.params.workspaceId, {
        limit,
        offset,
        maxProbabilityAlive,
      });
      return { total: page.total, items: page.items.map(view) };
    },
  );

  app.get(
    `${base}/customers.csv`,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary: 'Every predicted customer as CSV, highest value first',
        params: WorkspaceParams,
        querystring: Type.Pick(ListQuery, ['maxProbabilityAlive']),
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { items } = await services.customerValue.customers(request.params.workspaceId, {
        limit: 10_000_000,
        offset: 0,
        maxProbabilityAlive: request.query.maxProbabilityAlive,
      });
      const csv = stringify(
        items.map((p) => {
          const v = view(p);
          return [
            v.customerId,
            v.customerName ?? '',
            v.repeatPurchases,
            v.weeksSinceFirst.toFixed(1),
            v.weeksSinceLast.toFixed(1),
            v.probabilityAlive.toFixed(4),
            v.expectedPurchases.toFixed(3),
            v.expectedSpend,
            v.value,
          ];
        }),
        {
          header: true,
          columns: [
            'customer_id',
            'name',
            'repeat_purchases',
            'weeks_since_first',
            'weeks_since_last',
            'probability_alive',
            'expected_purchases',
            'expected_spend_idr',
            'value_idr',
          ],
        },
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="nilai-pelanggan.csv"')
        .send(csv);
    },
  );

  app.get(
    '/workspaces/:workspaceId/customers/:customerId/value',
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary: "One customer's prediction from the latest fit (404 when he has no purchase in it)",
        params: Type.Intersect([
          WorkspaceParams,
          Type.Object({ customerId: Type.String({ maxLength: 64 }) }),
        ]),
        response: { 200: PredictionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { workspaceId, customerId } = request.params;
      const prediction = await services.customerValue.forCustomer(workspaceId, customerId);
      if (!prediction) throw notFound(`A prediction for customer ${customerId}`);
      return view(prediction);
    },
  );
}
