import { PROMOTION_STACKING, PROMOTION_TRIGGERS } from '@jejak/core';
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum, WorkspaceParams } from '../http/common.schemas.ts';

/*
 * The messages of vouchers and promotions, defined once: they validate requests, type the handlers and
 * appear in the OpenAPI document. Money is whole Rupiah; instants are epoch milliseconds (UTC).
 */

const Rupiah = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Uses = Type.Integer({ minimum: 1, maximum: 10_000_000 });
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', description: 'HH:MM' });
const IdList = Nullable(
  Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 200 }),
);

export const PromotionParams = Type.Intersect([WorkspaceParams, Type.Object({ promotionId: Id })]);
export const BranchParams = Type.Intersect([WorkspaceParams, Type.Object({ branchId: Id })]);

export const RewardSchema = Type.Union([
  Type.Object({
    type: Type.Literal('percent'),
    percent: Type.Integer({ minimum: 1, maximum: 100 }),
    maxDiscount: Nullable(Rupiah),
  }),
  Type.Object({
    type: Type.Literal('amount'),
    amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }),
  }),
  Type.Object({
    type: Type.Literal('free_item'),
    productId: Id,
    quantity: Type.Integer({ minimum: 1, maximum: 100 }),
  }),
]);

const RuleFields = {
  reward: RewardSchema,
  minSpend: Type.Optional(Rupiah),
  startsAt: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  endsAt: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  days: Type.Optional(
    Nullable(
      Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
        minItems: 1,
        maxItems: 7,
        uniqueItems: true,
        description: '0 = Monday ... 6 = Sunday, in the branch’s zone',
      }),
    ),
  ),
  hours: Type.Optional(
    Nullable(
      Type.Object(
        { from: Time, to: Time },
        { description: 'In the branch’s zone; to before from runs past midnight' },
      ),
    ),
  ),
  totalLimit: Type.Optional(Nullable(Uses)),
  perCustomerLimit: Type.Optional(Nullable(Uses)),
  productIds: Type.Optional(IdList),
  categories: Type.Optional(IdList),
  branchIds: Type.Optional(IdList),
  segments: Type.Optional(IdList),
  tiers: Type.Optional(IdList),
  stacking: Type.Optional(
    StringEnum(PROMOTION_STACKING, { description: 'exclusive (default): alone on an order' }),
  ),
};

export const PromotionBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  trigger: StringEnum(PROMOTION_TRIGGERS, {
    description: 'code: redeemed by a voucher code; automatic: no code',
  }),
  active: Type.Optional(Type.Boolean()),
  ...RuleFields,
});
export type PromotionBody = Static<typeof PromotionBody>;
export const PromotionPatch = Type.Partial(Type.Omit(PromotionBody, ['trigger']));
export type PromotionPatch = Static<typeof PromotionPatch>;

export const PromotionSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  trigger: StringEnum(PROMOTION_TRIGGERS),
  active: Type.Boolean(),
  reward: RewardSchema,
  minSpend: Type.Integer(),
  startsAt: Nullable(Type.Number()),
  endsAt: Nullable(Type.Number()),
  days: Nullable(Type.Array(Type.Integer())),
  hours: Nullable(Type.Object({ from: Type.String(), to: Type.String() })),
  totalLimit: Nullable(Type.Integer()),
  perCustomerLimit: Nullable(Type.Integer()),
  productIds: Nullable(Type.Array(Type.String())),
  categories: Nullable(Type.Array(Type.String())),
  branchIds: Nullable(Type.Array(Type.String())),
  segments: Nullable(Type.Array(Type.String())),
  tiers: Nullable(Type.Array(Type.String())),
  stacking: StringEnum(PROMOTION_STACKING),
  uses: Type.Integer({ description: 'Redemptions not given back' }),
  codes: Type.Integer({ description: 'How many codes it has' }),
  createdAt: Type.Number(),
  archivedAt: Nullable(Type.Number()),
});
export type PromotionView = Static<typeof PromotionSchema>;

export const CodeBody = Type.Object({
  code: Type.String({
    minLength: 3,
    maxLength: 40,
    description: 'Letters, digits and hyphens; stored in upper case',
  }),
  maxUses: Type.Optional(Nullable(Uses)),
  customerId: Type.Optional(Nullable(Id)),
});
export const BatchBody = Type.Object({
  count: Type.Integer({ minimum: 1, maximum: 10_000 }),
  prefix: Type.Optional(Type.String({ maxLength: 12, pattern: '^[A-Za-z0-9-]*$' })),
  length: Type.Optional(
    Type.Integer({ minimum: 6, maximum: 16, description: 'Random characters after the prefix; default 8' }),
  ),
  maxUses: Type.Optional(Nullable(Uses)),
});
export const CodeSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  customerId: Nullable(Type.String()),
  maxUses: Nullable(Type.Integer()),
  uses: Type.Integer(),
  batchId: Nullable(Type.String()),
  createdAt: Type.Number(),
});

export const ResultsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      promotionId: Type.String(),
      name: Type.String(),
      redemptions: Type.Integer(),
      reversed: Type.Integer({ description: 'Given back by voids and full refunds' }),
      discount: Type.Integer({ description: 'Rupiah given' }),
      revenue: Type.Integer({ description: 'Totals of the orders that used it' }),
      customers: Type.Integer(),
    }),
  ),
});

const RefusalSchema = Type.Object({
  code: Type.String({
    description: 'Stable reason: expired, not_yet_valid, outside_hours, limit_reached, below_min_spend...',
  }),
  values: Type.Record(Type.String(), Type.Unknown()),
  message: Type.String({ description: 'The reason in the requested language' }),
});

export const QuoteBody = Type.Object({
  codes: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 5 }),
  customerId: Type.Optional(Nullable(Id)),
  lines: Type.Array(
    Type.Object({
      productId: Id,
      quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
      discount: Type.Optional(
        Type.Union([
          Type.Object({ type: Type.Literal('amount'), value: Rupiah }),
          Type.Object({ type: Type.Literal('percent'), value: Type.Integer({ minimum: 0, maximum: 100 }) }),
        ]),
      ),
    }),
    { maxItems: 500 },
  ),
  lang: Type.Optional(
    StringEnum(['id', 'en'] as const, { description: 'The customer’s language; default id' }),
  ),
});
export type QuoteBody = Static<typeof QuoteBody>;

const AppliedSchema = Type.Object({
  promotionId: Type.String(),
  name: Type.String(),
  code: Nullable(Type.String()),
  discount: Type.Integer(),
});
export const QuoteSchema = Type.Object({
  applied: Type.Array(AppliedSchema),
  refused: Type.Array(
    Type.Object({ code: Type.String(), name: Nullable(Type.String()), reason: RefusalSchema }),
  ),
  discount: Type.Integer({ description: 'Every applied promotion together' }),
  lineCuts: Type.Array(Type.Integer(), { description: 'The discount per cart line, in the order sent' }),
});
export type QuoteView = Static<typeof QuoteSchema>;

export const AvailableSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      promotionId: Type.String(),
      name: Type.String(),
      code: Nullable(Type.String({ description: 'Null for an automatic promotion' })),
      reward: RewardSchema,
      minSpend: Type.Integer(),
      endsAt: Nullable(Type.Number()),
      usesLeft: Nullable(Type.Integer()),
    }),
  ),
});

export const OrderPromotionSchema = Type.Object({
  promotionId: Type.String(),
  name: Type.String(),
  code: Nullable(Type.String()),
  discount: Type.Integer(),
  reversed: Type.Boolean({ description: 'The use was given back (void or full refund)' }),
});
export type OrderPromotionView = Static<typeof OrderPromotionSchema>;
