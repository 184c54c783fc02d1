import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { ATTRIBUTION_MODELS, CHANNELS } from '@jejak/core';
import { dayText, localDayOf } from '@jejak/storage';
import { Nullable, StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';

const tags = ['attribution'];
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'A month, 2026-11' });
const Channel = StringEnum(CHANNELS);
const Campaign = Type.String({
  maxLength: 200,
  description: "The campaign ('' or absent: the channel as a whole)",
});

const ReportQuery = Type.Object({
  model: Type.Optional(
    StringEnum(ATTRIBUTION_MODELS, { description: 'Credit the first or the last touch (default last)' }),
  ),
  lookbackDays: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 365,
      description: 'Touches up to this many days before the first purchase (default 30)',
    }),
  ),
  revenueDays: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 365,
      description:
        'Revenue credited: 0 the first purchase only (default); N every purchase up to N days after it',
    }),
  ),
  from: Type.Optional(Month),
  to: Type.Optional(Month),
});
const ReturnRow = Type.Object({
  month: Type.String({ description: "The month of the first purchases ('' in the totals per channel)" }),
  channel: Type.String(),
  customers: Type.Integer({ description: 'New customers credited to the channel' }),
  revenue: Type.Integer({ description: "Their revenue, in the currency's minor unit (Rupiah)" }),
  spend: Type.Integer(),
  cac: Nullable(Type.Integer({ description: 'spend / customers (null without spend or customers)' })),
  roas: Nullable(Type.Number({ description: 'revenue / spend (null without spend)' })),
});
const ReportSchema = Type.Object(
  {
    currency: Type.String(),
    model: StringEnum(ATTRIBUTION_MODELS),
    lookbackDays: Type.Integer(),
    revenueDays: Type.Integer(),
    customers: Type.Integer(),
    withoutTouch: Type.Integer({
      description: 'New customers with no touch before buying: credited to the sale’s own channel',
    }),
    months: Type.Array(ReturnRow),
    channels: Type.Array(ReturnRow),
    campaigns: Type.Array(
      Type.Object({
        channel: Type.String(),
        campaign: Type.String(),
        customers: Type.Integer(),
        revenue: Type.Integer(),
        spend: Type.Integer(),
      }),
    ),
  },
  { $id: 'AttributionReport' },
);
const SpendSchema = Type.Object(
  {
    channel: Type.String(),
    month: Type.String(),
    campaign: Type.String(),
    amount: Type.Integer({ description: "In the currency's minor unit (Rupiah)" }),
    updatedAt: Type.Number(),
  },
  { $id: 'AdSpend' },
);
const SpendBody = Type.Object({
  channel: Channel,
  month: Month,
  amount: Type.Integer({ minimum: 0, maximum: 1e15, description: "In the currency's minor unit (Rupiah)" }),
  campaign: Type.Optional(Campaign),
});
const SpendKey = Type.Object({ channel: Channel, month: Month, campaign: Type.Optional(Campaign) });
const ImportBody = Type.Object({
  csv: Type.String({
    maxLength: 2_000_000,
    description:
      'channel;month;amount[;campaign] per row, header row optional; 1.500.000 and 1,500,000 both read',
  }),
  dryRun: Type.Optional(Type.Boolean({ description: 'Check and count, write nothing' })),
});
const ImportResult = Type.Object({
  dryRun: Type.Boolean(),
  created: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'The line of the file (the first is 1)' }),
      code: StringEnum(['empty', 'unknown_channel', 'bad_month', 'not_amount', 'too_long', 'duplicate']),
      values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
      reason: Type.String(),
    }),
  ),
});

const spendView = (s: {
  channel: string;
  month: string;
  campaign: string;
  amount: number;
  updated_at: number;
}) => ({
  channel: s.channel,
  month: s.month,
  campaign: s.campaign,
  amount: s.amount,
  updatedAt: s.updated_at,
});

const csvReply = (reply: { header: (k: string, v: string) => unknown }, name: string) => {
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="${name}"`);
};

/** Attribution of first purchases, ad spend, and CAC and ROAS per channel. */
export function registerAttributionRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/workspaces/:workspaceId/analytics/attribution';
  const query = (q: {
    model?: 'first' | 'last';
    lookbackDays?: number;
    revenueDays?: number;
    from?: string;
    to?: string;
  }) => ({
    model: q.model ?? 'last',
    lookbackDays: q.lookbackDays ?? 30,
    revenueDays: q.revenueDays ?? 0,
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
  });

  app.get(
    base,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary:
          'New customers per channel and month by the first or last touch before their first purchase, with the spend entered, CAC and ROAS',
        params: WorkspaceParams,
        querystring: ReportQuery,
        response: { 200: ReportSchema, ...errorResponses },
      },
    },
    async (request) => services.attribution.report(request.params.workspaceId, query(request.query)),
  );

  app.get(
    `${base}.csv`,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary: 'The channel and month rows of the report as CSV',
        params: WorkspaceParams,
        querystring: ReportQuery,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await services.attribution.report(request.params.workspaceId, query(request.query));
      const csv = stringify(
        report.months.map((r) => [
          r.month,
          r.channel,
          r.customers,
          r.revenue,
          r.spend,
          r.cac ?? '',
          r.roas === null ? '' : r.roas.toFixed(4),
        ]),
        { header: true, columns: ['month', 'channel', 'new_customers', 'revenue', 'spend', 'cac', 'roas'] },
      );
      csvReply(reply, `atribusi-${report.model}.csv`);
      return reply.send(csv);
    },
  );

  app.get(
    `${base}/customers.csv`,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary: 'Every customer who bought, with the first and last touch before his first purchase, as CSV',
        params: WorkspaceParams,
        querystring: Type.Omit(ReportQuery, ['model']),
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { model: _model, ...q } = query(request.query);
      const { timezone, items } = await services.attribution.customers(request.params.workspaceId, q);
      const day = (at: number) => dayText(localDayOf(at, timezone));
      const csv = stringify(
        items.map((a) => [
          a.customerId,
          day(a.firstPurchaseAt),
          a.revenue,
          a.touches,
          a.first.channel,
          a.first.campaign ?? '',
          a.last.channel,
          a.last.campaign ?? '',
        ]),
        {
          header: true,
          columns: [
            'customer_id',
            'first_purchase_day',
            'revenue',
            'touches',
            'first_touch_channel',
            'first_touch_campaign',
            'last_touch_channel',
            'last_touch_campaign',
          ],
        },
      );
      csvReply(reply, 'atribusi-pelanggan.csv');
      return reply.send(csv);
    },
  );

  const spendBase = '/workspaces/:workspaceId/analytics/ad-spend';
  app.get(
    spendBase,
    {
      config: { access: { permission: 'analytics.read' } },
      schema: {
        tags,
        summary: 'The ad spend entered, by month, channel and campaign',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(SpendSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await services.attribution.listSpend(request.params.workspaceId)).map(spendView),
    }),
  );

  app.put(
    spendBase,
    {
      config: { access: { permission: 'analytics.manage' }, audit: 'ad_spend.set' },
      schema: {
        tags,
        summary:
          'Set the spend of a channel in a month (and optionally a campaign), replacing an earlier amount',
        params: WorkspaceParams,
        body: SpendBody,
        response: { 200: Type.Object({ replaced: Type.Boolean(), spend: SpendSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const { replaced, spend } = await services.attribution.putSpend(
        request.params.workspaceId,
        request.body,
      );
      return { replaced, spend: spendView(spend) };
    },
  );

  app.delete(
    spendBase,
    {
      config: { access: { permission: 'analytics.manage' }, audit: 'ad_spend.delete' },
      schema: {
        tags,
        summary: 'Remove the spend of a channel in a month (and campaign)',
        params: WorkspaceParams,
        querystring: SpendKey,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.attribution.deleteSpend(request.params.workspaceId, request.query);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${spendBase}/import`,
    {
      config: { access: { permission: 'analytics.manage' }, audit: 'ad_spend.import' },
      schema: {
        tags,
        summary: 'Import spend from CSV (channel;month;amount[;campaign]); refused rows reported by line',
        params: WorkspaceParams,
        body: ImportBody,
        response: { 200: ImportResult, ...errorResponses },
      },
    },
    async (request) =>
      services.attribution.importSpendCsv(
        request.params.workspaceId,
        request.body.csv,
        request.body.dryRun ?? false,
      ),
  );
}
