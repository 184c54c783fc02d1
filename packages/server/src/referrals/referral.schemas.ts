import { Type, type Static } from 'typebox';
import { REFERRAL_REFUSALS } from '@jejak/core';
import { IsoInstant, Nullable, StringEnum } from '../http/common.schemas.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Points = Type.Integer({ minimum: 1, maximum: 1_000_000 });

export const RewardSchema = Nullable(
  Type.Union([
    Type.Object({ type: Type.Literal('points'), points: Points }),
    Type.Object({ type: Type.Literal('voucher'), promotionId: Id }),
  ]),
);

export const ProgramSchema = Type.Object({
  enabled: Type.Boolean(),
  referrerReward: RewardSchema,
  friendReward: RewardSchema,
  windowDays: Type.Integer({
    minimum: 0,
    maximum: 365,
    description: 'Days the friend’s first purchase must stay unrefunded before the referrer is rewarded',
  }),
  minFirstOrder: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Rupiah' }),
  cap: Nullable(
    Type.Object({
      count: Type.Integer({ minimum: 1, maximum: 10_000 }),
      periodDays: Type.Integer({ minimum: 1, maximum: 3_650 }),
    }),
  ),
});
export type ProgramBody = Static<typeof ProgramSchema>;

const Status = StringEnum(['pending', 'qualified', 'rewarded', 'cancelled'] as const);

export const ReferralSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: Status,
  channel: Type.String(),
  referrer: Nullable(Type.Object({ customerId: Type.String(), name: Nullable(Type.String()) })),
  affiliate: Nullable(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  friend: Type.Object({ customerId: Type.String(), name: Nullable(Type.String()) }),
  firstOrderId: Nullable(Type.String()),
  createdAt: Type.Number(),
  qualifiedAt: Nullable(Type.Number()),
  rewardDueAt: Nullable(Type.Number()),
  rewardedAt: Nullable(Type.Number()),
  cancelledAt: Nullable(Type.Number()),
  capped: Type.Boolean({ description: 'The referrer’s reward was withheld by the program’s cap' }),
});

export const ListQuery = Type.Object({
  status: Type.Optional(Status),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  before: Type.Optional(Type.Number({ description: 'Only referrals made before this time (epoch ms)' })),
});

export const RefusalSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  reason: StringEnum(REFERRAL_REFUSALS),
  channel: Type.String(),
  referrerName: Nullable(Type.String()),
  friend: Nullable(Type.Object({ customerId: Type.String(), name: Nullable(Type.String()) })),
  at: Type.Number(),
});

export const RangeQuery = Type.Object({ from: Type.Optional(IsoInstant), to: Type.Optional(IsoInstant) });

export const ResultsSchema = Type.Object({
  timezone: Type.String(),
  total: Type.Integer(),
  byStatus: Type.Object({
    pending: Type.Integer(),
    qualified: Type.Integer(),
    rewarded: Type.Integer(),
    cancelled: Type.Integer(),
  }),
  conversionRate: Type.Number({ description: 'Rewarded referrals of all made in the period (0..1)' }),
  settledConversionRate: Type.Number({ description: 'Rewarded of those rewarded or cancelled (0..1)' }),
  rewards: Type.Array(
    Type.Object({
      side: Type.String(),
      kind: Type.String(),
      granted: Type.Integer(),
      reversed: Type.Integer(),
      points: Type.Integer({ description: 'Points given and not taken back' }),
    }),
  ),
  refusals: Type.Array(Type.Object({ reason: Type.String(), refusals: Type.Integer() })),
  advocates: Type.Array(
    Type.Object({
      customerId: Type.String(),
      name: Nullable(Type.String()),
      code: Type.String(),
      referrals: Type.Integer(),
      converted: Type.Integer(),
    }),
  ),
  daily: Type.Array(Type.Object({ day: Type.String(), made: Type.Integer(), converted: Type.Integer() })),
});

export const CustomerReferralSchema = Type.Object({
  customerId: Type.String(),
  code: Type.String(),
  link: Type.String(),
  shareText: Type.String({ description: 'The WhatsApp message, in Bahasa Indonesia' }),
  referredBy: Nullable(ReferralSchema),
  referred: Type.Array(ReferralSchema),
});

const Commission = Type.Union([
  Type.Object({ type: Type.Literal('percent'), rateBp: Type.Integer({ minimum: 1, maximum: 10_000 }) }),
  Type.Object({ type: Type.Literal('fixed'), amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }) }),
]);

export const AffiliateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  contact: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  code: Type.String({ minLength: 3, maxLength: 32 }),
  commission: Commission,
  commissionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3_650 })),
  active: Type.Optional(Type.Boolean()),
});
export const AffiliatePatch = Type.Partial(Type.Omit(AffiliateBody, ['code']), { minProperties: 1 });

export const AffiliateSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  contact: Nullable(Type.String()),
  code: Type.String(),
  commission: Commission,
  commissionDays: Type.Integer(),
  active: Type.Boolean(),
  createdAt: Type.Number(),
});

export const AffiliateParams = Type.Object({ workspaceId: Id, affiliateId: Id });
export const MonthQuery = Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) });

export const StatementSchema = Type.Object({
  affiliate: AffiliateSchema,
  month: Type.String(),
  timezone: Type.String(),
  sales: Type.Integer(),
  accrued: Type.Integer(),
  reversed: Type.Integer(),
  payable: Type.Integer({ description: 'Rupiah owed for the month: accrued less reversed' }),
  lines: Type.Array(
    Type.Object({
      id: Type.String(),
      orderId: Type.String(),
      receiptNo: Type.Integer(),
      customerName: Nullable(Type.String()),
      kind: StringEnum(['sale', 'refund'] as const),
      base: Type.Integer(),
      amount: Type.Integer(),
      at: Type.Number(),
    }),
  ),
});

export const OrderReferralSchema = Nullable(
  Type.Object(
    {
      code: Nullable(Type.String({ description: 'The buyer’s own referral code, printed on his receipt' })),
      claim: Nullable(
        Type.Object({
          code: Type.String(),
          status: Type.String({ description: 'pending, qualified, rewarded, cancelled, or refused' }),
          reason: Nullable(Type.String()),
          referrerName: Nullable(Type.String()),
        }),
      ),
    },
    { description: 'The referral side of the sale; null when it had no customer' },
  ),
);
