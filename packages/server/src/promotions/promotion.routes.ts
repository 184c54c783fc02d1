import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { PromotionCode } from '@jejak/storage';
import { Type } from 'typebox';
import { IsoInstant, Nullable, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import {
  AvailableSchema,
  BatchBody,
  BranchParams,
  CodeBody,
  CodeSchema,
  PromotionBody,
  PromotionParams,
  PromotionPatch,
  PromotionSchema,
  QuoteBody,
  QuoteSchema,
  ResultsSchema,
} from './promotion.schemas.ts';

const tags = ['promotions'];
const conflictResponse = { 409: errorResponses[400] };

const codeView = (c: PromotionCode) => ({
  id: c.id,
  code: c.code,
  customerId: c.customer_id,
  maxUses: c.max_uses,
  uses: c.uses,
  batchId: c.batch_id,
  createdAt: c.created_at,
});

/** Vouchers and promotions: campaigns for owners, admins and managers; quotes for the cashier at the till. */
export function registerPromotionRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/promotions',
    {
      config: { access: { permission: 'promotions.read' } },
      schema: {
        tags,
        summary: 'Promotions and voucher campaigns, newest first',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(PromotionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await services.promotions.list(request.params.workspaceId) }),
  );

  app.post(
    '/workspaces/:workspaceId/promotions',
    {
      config: { access: { permission: 'promotions.manage' }, audit: 'promotion.create' },
      schema: {
        tags,
        summary: 'Create a promotion: redeemed by codes, or automatic (a happy hour)',
        description:
          'Percent (with an optional cap), a fixed amount or a free item; minimum spend; dates, days (0 = Monday) and ' +
          'hours in the branch’s zone; limits in total and per customer; restricted to products, categories, branches, ' +
          'segments or tiers; exclusive (alone on an order) or stackable.',
        params: WorkspaceParams,
        body: PromotionBody,
        response: { 201: PromotionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.promotions.create(request.params.workspaceId, request.body)),
  );

  app.get(
    '/workspaces/:workspaceId/promotions/results',
    {
      config: { access: { permission: 'promotions.read' } },
      schema: {
        tags,
        summary:
          'Per promotion: redemptions, uses given back, discount given, revenue of its orders, customers',
        params: WorkspaceParams,
        querystring: Type.Object({ from: Type.Optional(IsoInstant), to: Type.Optional(IsoInstant) }),
        response: { 200: ResultsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      return {
        items: await services.promotions.results(
          request.params.workspaceId,
          from ? Date.parse(from) : undefined,
          to ? Date.parse(to) : undefined,
        ),
      };
    },
  );

  app.get(
    '/workspaces/:workspaceId/promotions/:promotionId',
    {
      config: { access: { permission: 'promotions.read' } },
      schema: {
        tags,
        summary: 'One promotion',
        params: PromotionParams,
        response: { 200: PromotionSchema, ...errorResponses },
      },
    },
    async (request) => services.promotions.get(request.params.workspaceId, request.params.promotionId),
  );

  app.patch(
    '/workspaces/:workspaceId/promotions/:promotionId',
    {
      config: { access: { permission: 'promotions.manage' }, audit: 'promotion.update' },
      schema: {
        tags,
        summary: 'Change a promotion’s rules, or switch it off and on (active)',
        params: PromotionParams,
        body: PromotionPatch,
        response: { 200: PromotionSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.promotions.update(request.params.workspaceId, request.params.promotionId, request.body),
  );

  app.post(
    '/workspaces/:workspaceId/promotions/:promotionId/archive',
    {
      config: { access: { permission: 'promotions.manage' }, audit: 'promotion.archive' },
      schema: {
        tags,
        summary: 'Archive a promotion: no code of it is accepted any more; its results stay',
        params: PromotionParams,
        body: Type.Object({ archived: Type.Boolean() }),
        response: { 200: PromotionSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.promotions.archive(
        request.params.workspaceId,
        request.params.promotionId,
        request.body.archived,
      ),
  );

  app.get(
    '/workspaces/:workspaceId/promotions/:promotionId/codes',
    {
      config: { access: { permission: 'promotions.read' } },
      schema: {
        tags,
        summary: 'The promotion’s codes with their uses',
        params: PromotionParams,
        response: { 200: Type.Object({ items: Type.Array(CodeSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await services.promotions.codes(request.params.workspaceId, request.params.promotionId)).map(
        codeView,
      ),
    }),
  );

  app.get(
    '/workspaces/:workspaceId/promotions/:promotionId/codes/export',
    {
      config: { access: { permission: 'promotions.manage' } },
      schema: {
        tags,
        summary: 'The promotion’s codes as CSV, to print or send',
        params: PromotionParams,
        produces: ['text/csv'],
        response: { 200: Type.String(), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="voucher.csv"')
        .send(await services.promotions.codesCsv(request.params.workspaceId, request.params.promotionId)),
  );

  app.post(
    '/workspaces/:workspaceId/promotions/:promotionId/codes',
    {
      config: { access: { permission: 'promotions.manage' }, audit: 'promotion.code' },
      schema: {
        tags,
        summary: 'Add one code (HEMAT10), optionally for one customer only',
        params: PromotionParams,
        body: CodeBody,
        response: { 201: CodeSchema, ...errorResponses, ...conflictResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          codeView(
            await services.promotions.addCode(
              request.params.workspaceId,
              request.params.promotionId,
              request.body,
            ),
          ),
        ),
  );

  app.post(
    '/workspaces/:workspaceId/promotions/:promotionId/batches',
    {
      config: { access: { permission: 'promotions.manage' }, audit: 'promotion.batch' },
      schema: {
        tags,
        summary: 'Generate a batch of unique codes (one use each unless maxUses says otherwise)',
        params: PromotionParams,
        body: BatchBody,
        response: {
          201: Type.Object({ items: Type.Array(CodeSchema) }),
          ...errorResponses,
          ...conflictResponse,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        items: (
          await services.promotions.generate(
            request.params.workspaceId,
            request.params.promotionId,
            request.body,
          )
        ).map(codeView),
      }),
  );

  app.post(
    '/workspaces/:workspaceId/branches/:branchId/promotions/quote',
    {
      config: { access: { permission: 'sales.write', branch: true } },
      schema: {
        tags,
        summary:
          'Check voucher codes against a cart before checkout: the discount, or exactly why a code is refused',
        description:
          'Nothing is redeemed. Reasons come as a stable code with its values and a sentence in the customer’s language (lang).',
        params: BranchParams,
        body: QuoteBody,
        response: { 200: QuoteSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.promotions.quote(request.params.workspaceId, request.params.branchId, request.body),
  );

  app.get(
    '/workspaces/:workspaceId/branches/:branchId/promotions/available',
    {
      config: { access: { permission: 'sales.write', branch: true } },
      schema: {
        tags,
        summary:
          'What the customer at the till can use now: automatic promotions on now, and codes issued to them',
        params: BranchParams,
        querystring: Type.Object({
          customerId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
        }),
        response: { 200: AvailableSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.promotions.available(
        request.params.workspaceId,
        request.params.branchId,
        request.query.customerId ?? undefined,
      ),
  );
}
