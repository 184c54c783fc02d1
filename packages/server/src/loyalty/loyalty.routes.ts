import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { TIER_BASES } from '@jejak/core';
import type { LoyaltyEntry } from '@jejak/storage';
import { Type } from 'typebox';
import { IsoInstant, Nullable, StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import { badRequest } from '../http/http-error.ts';
import type { Services } from '../services.ts';
import { actorOf } from '../sales/actor.ts';

const tags = ['loyalty'];
const DAY = 86_400_000;
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Points = (description: string, minimum = 0) =>
  Type.Integer({ minimum, maximum: 1_000_000_000, description });
const CustomerParams = Type.Intersect([WorkspaceParams, Type.Object({ customerId: Id })]);
const BranchCustomerParams = Type.Intersect([WorkspaceParams, Type.Object({ branchId: Id, customerId: Id })]);

const TierLevelSchema = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 32, pattern: '^[a-z0-9_-]+$' }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  threshold: Points('Points earned or Rupiah spent in the period to reach it', 1),
  multiplierBp: Type.Integer({
    minimum: 10_000,
    maximum: 100_000,
    description: 'Earn multiplier in basis points: 15000 earns 1.5×',
  }),
});

export const ProgramSchema = Type.Object({
  enabled: Type.Boolean(),
  rupiahPerPoint: Type.Integer({
    minimum: 1,
    maximum: 100_000_000,
    description: 'Rupiah paid per point earned, rounded down: 10000 is 1 point per Rp 10.000',
  }),
  minOrder: Type.Integer({
    minimum: 0,
    maximum: 1_000_000_000_000,
    description: 'Smaller orders earn nothing',
  }),
  productPoints: Type.Record(Id, Points('Extra points per unit of the product'), {
    description: 'By product id; wins over the category’s',
  }),
  categoryPoints: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Points('Extra points per unit')),
  pointValue: Type.Integer({
    minimum: 1,
    maximum: 1_000_000,
    description: 'Rupiah a redeemed point takes off',
  }),
  minRedeem: Points('The fewest points a redemption may use', 1),
  maxRedeemPercent: Type.Integer({
    minimum: 1,
    maximum: 100,
    description: 'Largest share of an order points pay',
  }),
  expiryDays: Nullable(Type.Integer({ minimum: 1, maximum: 3650, description: 'null: points never expire' })),
  earnOnRedeemed: Type.Boolean({ description: 'Earn on what points paid too (default false)' }),
  allowNegative: Type.Boolean({ description: 'May a refund take a balance below zero?' }),
  signupBonus: Points('Points when a customer joins (his first sale in the program)'),
  birthdayBonus: Points('Points at the first sale of the customer’s birthday month (trait `birthday`)'),
  pendingDays: Type.Integer({
    minimum: 0,
    maximum: 365,
    description:
      'Days earned points stay pending (the refund window) before they can be spent; a refund inside the window cancels them. 0: at once',
  }),
  tiers: Type.Object({
    basis: StringEnum(TIER_BASES, { description: 'points earned or Rupiah spent in the period' }),
    periodDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    holdDays: Type.Integer({
      minimum: 0,
      maximum: 3650,
      description: 'A tier is kept this long before it can drop',
    }),
    levels: Type.Array(TierLevelSchema, { maxItems: 10, description: 'Lowest first' }),
  }),
});

const TierSchema = Nullable(TierLevelSchema);
const StandingSchema = Type.Object({
  customerId: Type.String(),
  enabled: Type.Boolean(),
  balance: Type.Integer({
    description: 'The sum of the customer’s ledger entries (pending points included)',
  }),
  spendable: Type.Integer({ description: 'Points that can be spent now' }),
  pending: Type.Integer({ description: 'Points waiting for the refund window to end' }),
  pointValue: Type.Integer(),
  worth: Type.Integer({ description: 'Rupiah the spendable points are worth' }),
  tier: TierSchema,
  next: Nullable(Type.Object({ tier: TierLevelSchema, missing: Type.Integer() })),
  qualifying: Type.Integer({ description: 'Points or Rupiah counting toward the tier in the period' }),
  debt: Type.Integer(),
  credits: Type.Array(
    Type.Object({
      entryId: Type.String(),
      kind: Type.String(),
      points: Type.Integer(),
      remaining: Type.Integer(),
      at: Type.Number(),
      expiresAt: Nullable(Type.Number()),
      unlocksAt: Nullable(Type.Number({ description: 'Pending until then' })),
    }),
    { description: 'The credits with points left: with the debt, they make up the balance' },
  ),
});

const EntrySchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(['earn', 'bonus', 'adjust', 'restore', 'redeem', 'expire', 'cancel'] as const),
  points: Type.Integer(),
  remaining: Type.Integer(),
  expiresAt: Nullable(Type.Number()),
  orderId: Nullable(Type.String()),
  refundId: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  actorName: Type.String(),
  balanceAfter: Type.Integer(),
  at: Type.Number(),
});

const AdjustBody = Type.Object({
  points: Type.Integer({
    minimum: -1_000_000_000,
    maximum: 1_000_000_000,
    description: 'Signed: given (above zero) or taken (below zero, oldest first)',
  }),
  reason: Type.String({ minLength: 3, maxLength: 500 }),
  idempotencyKey: Type.String({
    minLength: 1,
    maxLength: 100,
    description: 'Sending the same key again returns the first adjustment',
  }),
});

const PointsFigures = {
  issued: Type.Integer({ description: 'Earned, bonuses and positive adjustments' }),
  earned: Type.Integer(),
  bonuses: Type.Integer(),
  adjusted: Type.Integer({ description: 'Adjustments, signed' }),
  redeemed: Type.Integer({ description: 'Redeemed, less what refunds gave back' }),
  expired: Type.Integer(),
  cancelled: Type.Integer({ description: 'Taken back by refunds and voids' }),
  upgraded: Type.Integer({ description: 'Tier changes up' }),
  downgraded: Type.Integer({ description: 'Tier changes down' }),
};

const ResultsSchema = Type.Object({
  from: Type.Number(),
  to: Type.Number(),
  ...PointsFigures,
  months: Type.Array(
    Type.Object({ month: Type.String({ description: 'YYYY-MM, workspace zone' }), ...PointsFigures }),
    {
      description:
        'The period cut into calendar months of the workspace zone (first and last may be part months)',
    },
  ),
  members: Type.Integer(),
  outstanding: Type.Integer({ description: 'Points held by customers now' }),
  pointValue: Type.Integer(),
  liability: Type.Integer({ description: 'Outstanding points at their Rupiah value' }),
  tiers: Type.Array(
    Type.Object({ key: Nullable(Type.String()), name: Nullable(Type.String()), customers: Type.Integer() }),
  ),
});

const entryView = (e: LoyaltyEntry) => ({
  id: e.id,
  kind: e.kind,
  points: e.points,
  remaining: e.remaining,
  expiresAt: e.expires_at,
  orderId: e.order_id,
  refundId: e.refund_id,
  reason: e.reason,
  actorName: e.actor_label,
  balanceAfter: e.balance_after,
  at: e.at,
});

/**
 * Loyalty points and tiers: the program (owners and admins), a customer's standing, ledger and manual
 * adjustments (managers and above), and what a cashier reads at the till of his branch.
 */
export function registerLoyaltyRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/loyalty/program',
    {
      config: { access: { permission: 'loyalty.read' } },
      schema: {
        tags,
        summary: 'The points program: earn rules, redemption, expiry and tiers',
        params: WorkspaceParams,
        response: { 200: ProgramSchema, ...errorResponses },
      },
    },
    async (request) => services.loyalty.program(request.params.workspaceId),
  );

  app.put(
    '/workspaces/:workspaceId/loyalty/program',
    {
      config: { access: { permission: 'loyalty.manage' }, audit: 'loyalty.program' },
      schema: {
        tags,
        summary: 'Set the points program',
        description: 'Tier thresholds must rise from the first level to the last; tier keys must differ.',
        params: WorkspaceParams,
        body: ProgramSchema,
        response: { 200: ProgramSchema, ...errorResponses },
      },
    },
    async (request) => services.loyalty.putProgram(request.params.workspaceId, request.body),
  );

  app.get(
    '/workspaces/:workspaceId/loyalty/results',
    {
      config: { access: { permission: 'loyalty.read' } },
      schema: {
        tags,
        summary:
          'Points issued, redeemed, expired and taken back and tier changes in a period (default 30 days), in all and per month; members, members per tier and liability now',
        params: WorkspaceParams,
        querystring: Type.Object({ from: Type.Optional(IsoInstant), to: Type.Optional(IsoInstant) }),
        response: { 200: ResultsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const to = request.query.to ? Date.parse(request.query.to) : services.now();
      const from = request.query.from ? Date.parse(request.query.from) : to - 30 * DAY;
      if (from >= to) throw badRequest('querystring/from must be before to');
      return services.loyalty.results(request.params.workspaceId, from, to);
    },
  );

  app.get(
    '/workspaces/:workspaceId/loyalty/customers/:customerId',
    {
      config: { access: { permission: 'loyalty.read' } },
      schema: {
        tags,
        summary: 'A customer’s balance and tier, with the credits that make up the balance',
        params: CustomerParams,
        response: { 200: StandingSchema, ...errorResponses },
      },
    },
    async (request) => services.loyalty.standing(request.params.workspaceId, request.params.customerId),
  );

  app.get(
    '/workspaces/:workspaceId/loyalty/customers/:customerId/entries',
    {
      config: { access: { permission: 'loyalty.read' } },
      schema: {
        tags,
        summary:
          'A customer’s ledger, newest first: every earn, redemption, expiry, cancellation and adjustment',
        params: CustomerParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          before: Type.Optional(Type.Integer({ minimum: 0, description: 'Entries before this time (ms)' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(EntrySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 100, before } = request.query;
      const items = await services.loyalty.entries(request.params.workspaceId, request.params.customerId, {
        limit,
        ...(before !== undefined ? { before } : {}),
      });
      return { items: items.map(entryView) };
    },
  );

  app.post(
    '/workspaces/:workspaceId/loyalty/customers/:customerId/adjustments',
    {
      config: { access: { permission: 'loyalty.adjust' }, audit: 'loyalty.adjust' },
      schema: {
        tags,
        summary: 'Give or take points by hand, with a reason; the idempotency key makes a retry safe',
        params: CustomerParams,
        body: AdjustBody,
        response: { 201: EntrySchema, 200: EntrySchema, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { workspaceId, customerId } = request.params;
      const result = await services.loyalty.adjust(workspaceId, customerId, request.body, actorOf(request));
      return reply.status(result.created ? 201 : 200).send(entryView(result.entry));
    },
  );

  app.get(
    '/workspaces/:workspaceId/branches/:branchId/loyalty/customers/:customerId',
    {
      config: { access: { permission: 'sales.write', branch: true } },
      schema: {
        tags,
        summary: 'At the till: the customer’s points and tier, to redeem at checkout (redeemPoints)',
        params: BranchCustomerParams,
        response: { 200: StandingSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { workspaceId, branchId, customerId } = request.params;
      await services.branches.get(workspaceId, branchId);
      return services.loyalty.standing(workspaceId, customerId);
    },
  );
}
