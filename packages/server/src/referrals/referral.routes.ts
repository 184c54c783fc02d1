import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { referralShareText } from '@jejak/core';
import { Type } from 'typebox';
import { WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import { referralView } from './referral-reports.ts';
import {
  AffiliateBody,
  AffiliateParams,
  AffiliatePatch,
  AffiliateSchema,
  CustomerReferralSchema,
  ListQuery,
  MonthQuery,
  ProgramSchema,
  RangeQuery,
  ReferralSchema,
  RefusalSchema,
  ResultsSchema,
  StatementSchema,
} from './referral.schemas.ts';

const tags = ['referrals'];
const read = { access: { permission: 'loyalty.read' as const } };
const manage = (audit: string) => ({ access: { permission: 'loyalty.manage' as const }, audit });
const DAY = 86_400_000;

/** Where the public referral link points: the installation's address as the caller reached it. */
export const linkOf = (request: FastifyRequest, code: string) =>
  `${request.protocol}://${request.host}/ajak/${encodeURIComponent(code)}`;

/** Referral programs and affiliates: run by owners and admins, read by managers and analysts. */
export function registerReferralRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/workspaces/:workspaceId';

  app.get(
    `${base}/referrals/program`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The referral program',
        params: WorkspaceParams,
        response: { 200: ProgramSchema, ...errorResponses },
      },
    },
    async (request) => services.referrals.program(request.params.workspaceId),
  );

  app.put(
    `${base}/referrals/program`,
    {
      config: manage('referral.program'),
      schema: {
        tags,
        summary:
          'Set the referral program: rewards (points or a voucher of a code promotion) for each side, window, minimum, cap',
        params: WorkspaceParams,
        body: ProgramSchema,
        response: { 200: ProgramSchema, ...errorResponses },
      },
    },
    async (request) => services.referrals.putProgram(request.params.workspaceId, request.body),
  );

  app.get(
    `${base}/referrals`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Referrals, newest first, by status',
        params: WorkspaceParams,
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(ReferralSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await services.referralReports.list(request.params.workspaceId, {
        limit: request.query.limit ?? 100,
        ...(request.query.status ? { status: request.query.status } : {}),
        ...(request.query.before !== undefined ? { before: request.query.before } : {}),
      }),
    }),
  );

  app.get(
    `${base}/referrals/export`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Referrals as CSV',
        params: WorkspaceParams,
        querystring: Type.Omit(ListQuery, ['limit', 'before']),
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="referal.csv"')
        .send(await services.referralReports.csv(request.params.workspaceId, request.query.status)),
  );

  app.get(
    `${base}/referrals/results`,
    {
      config: read,
      schema: {
        tags,
        summary:
          'Referrals made in a period: by status, conversion, rewards, refusals, top advocates, per day',
        description: 'Default period: the last 30 days.',
        params: WorkspaceParams,
        querystring: RangeQuery,
        response: { 200: ResultsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const to = request.query.to ? Date.parse(request.query.to) : services.now() + 1;
      const from = request.query.from ? Date.parse(request.query.from) : to - 30 * DAY;
      return services.referralReports.results(request.params.workspaceId, from, to);
    },
  );

  app.get(
    `${base}/referrals/refusals`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Refused referral claims (self-referral, already referred, not new), newest first',
        params: WorkspaceParams,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: { 200: Type.Object({ items: Type.Array(RefusalSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await services.referralReports.refusals(
        request.params.workspaceId,
        request.query.limit ?? 100,
      )) as never,
    }),
  );

  app.get(
    `${base}/customers/:customerId/referral`,
    {
      config: read,
      schema: {
        tags,
        summary: 'A customer’s referral code and link, who referred him and whom he referred',
        params: Type.Object({
          workspaceId: Type.String(),
          customerId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
        response: { 200: CustomerReferralSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      const found = await services.referrals.ofCustomer(ws, request.params.customerId);
      const shop = (await services.workspaces.get(ws)).name;
      const link = linkOf(request, found.code);
      return {
        customerId: found.customerId,
        code: found.code,
        link,
        shareText: referralShareText(shop, link, found.code),
        referredBy: found.referredBy ? referralView(found.referredBy) : null,
        referred: found.referred.map(referralView),
      };
    },
  );

  app.get(
    `${base}/affiliates`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Affiliates',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(AffiliateSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await services.affiliates.list(request.params.workspaceId) }),
  );

  app.post(
    `${base}/affiliates`,
    {
      config: manage('affiliate.create'),
      schema: {
        tags,
        summary: 'Add an affiliate: a partner with a code and a commission per referred sale',
        params: WorkspaceParams,
        body: AffiliateBody,
        response: { 201: AffiliateSchema, 409: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.affiliates.create(request.params.workspaceId, request.body)),
  );

  app.get(
    `${base}/affiliates/:affiliateId`,
    {
      config: read,
      schema: {
        tags,
        summary: 'One affiliate',
        params: AffiliateParams,
        response: { 200: AffiliateSchema, ...errorResponses },
      },
    },
    async (request) => services.affiliates.get(request.params.workspaceId, request.params.affiliateId),
  );

  app.patch(
    `${base}/affiliates/:affiliateId`,
    {
      config: manage('affiliate.update'),
      schema: {
        tags,
        summary: 'Change an affiliate (name, contact, commission, period) or make him inactive',
        params: AffiliateParams,
        body: AffiliatePatch,
        response: { 200: AffiliateSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.affiliates.update(request.params.workspaceId, request.params.affiliateId, request.body),
  );

  app.get(
    `${base}/affiliates/:affiliateId/statement`,
    {
      config: read,
      schema: {
        tags,
        summary: 'An affiliate’s payout statement for a month (the workspace’s zone)',
        params: AffiliateParams,
        querystring: MonthQuery,
        response: { 200: StatementSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.affiliates.statement(
        request.params.workspaceId,
        request.params.affiliateId,
        request.query.month,
      ),
  );

  app.get(
    `${base}/affiliates/:affiliateId/statement/export`,
    {
      config: read,
      schema: {
        tags,
        summary: 'An affiliate’s payout statement for a month, as CSV',
        params: AffiliateParams,
        querystring: MonthQuery,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="komisi-${request.query.month}.csv"`)
        .send(
          await services.affiliates.statementCsv(
            request.params.workspaceId,
            request.params.affiliateId,
            request.query.month,
          ),
        ),
  );
}
