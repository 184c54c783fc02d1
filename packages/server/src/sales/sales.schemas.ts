import { OrderReferralSchema } from '../referrals/referral.schemas.ts';
import { PAYMENT_METHODS, TAX_MODES } from '@jejak/core';
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum, WorkspaceParams } from '../http/common.schemas.ts';
import { OrderPromotionSchema } from '../promotions/promotion.schemas.ts';

/*
 * The messages of the sales module, defined once: they validate requests, type the handlers and
 * appear in the OpenAPI document. Money is whole Rupiah (integers), quantities whole units.
 */

const Rupiah = (description?: string) =>
  Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, ...(description ? { description } : {}) });
const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000 });
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const BranchParams = Type.Intersect([WorkspaceParams, Type.Object({ branchId: Id })]);
export const ProductParams = Type.Intersect([WorkspaceParams, Type.Object({ productId: Id })]);
export const BranchProductParams = Type.Intersect([BranchParams, Type.Object({ productId: Id })]);
export const OrderParams = Type.Intersect([BranchParams, Type.Object({ orderId: Id })]);

export const PaymentMethodSchema = StringEnum(PAYMENT_METHODS);

export const SalesSettingsSchema = Type.Object({
  taxRateBp: Type.Integer({ minimum: 0, maximum: 10_000, description: 'PPN in basis points: 1100 is 11%' }),
  taxMode: StringEnum(TAX_MODES, { description: 'included: prices include PPN; added: PPN on top' }),
  allowNegativeStock: Type.Boolean({ description: 'May a sale take a branch’s stock below zero?' }),
});
export type SalesSettingsView = Static<typeof SalesSettingsSchema>;

export const ProductSchema = Type.Object({
  id: Type.String(),
  sku: Type.String(),
  barcode: Nullable(Type.String()),
  name: Type.String(),
  category: Nullable(Type.String()),
  unit: Type.String(),
  price: Rupiah(),
  cost: Nullable(Rupiah('Shown to those who manage the catalogue only')),
  active: Type.Boolean(),
  trackStock: Type.Boolean(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
});

export const ProductBody = Type.Object({
  sku: Type.String({ minLength: 1, maxLength: 64 }),
  barcode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  category: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  unit: Type.Optional(
    Type.String({ minLength: 1, maxLength: 20, description: 'pcs, cup, gram...; default pcs' }),
  ),
  price: Rupiah(),
  cost: Type.Optional(Rupiah()),
  active: Type.Optional(Type.Boolean()),
  trackStock: Type.Optional(Type.Boolean({ description: 'false for what is made to order; default true' })),
});
export type ProductBody = Static<typeof ProductBody>;
export const ProductPatch = Type.Partial(Type.Omit(ProductBody, ['sku']));
export type ProductPatch = Static<typeof ProductPatch>;

export const ProductImportBody = Type.Object({
  csv: Type.String({
    maxLength: 4_000_000,
    description:
      'Header row, then one product a row: sku,barcode,name,category,unit,price,cost,active,track_stock',
  }),
  dryRun: Type.Optional(Type.Boolean({ description: 'Check and count, write nothing' })),
});
export const ProductImportResult = Type.Object({
  dryRun: Type.Boolean(),
  created: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'The line of the file; the header is line 1' }),
      code: StringEnum([
        'empty',
        'too_long',
        'not_rupiah',
        'not_flag',
        'duplicate_sku',
        'barcode_taken',
      ] as const),
      values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
      reason: Type.String(),
    }),
  ),
});

const DiscountSchema = Type.Union([
  Type.Object({ type: Type.Literal('amount'), value: Rupiah() }),
  Type.Object({ type: Type.Literal('percent'), value: Type.Integer({ minimum: 0, maximum: 100 }) }),
]);

export const CheckoutBody = Type.Object({
  externalRef: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'The till’s own id for this sale: sending it again returns the stored order, never a second one',
    }),
  ),
  customerId: Type.Optional(Nullable(Id)),
  lines: Type.Array(
    Type.Object({ productId: Id, quantity: Quantity, discount: Type.Optional(DiscountSchema) }),
    { minItems: 1, maxItems: 500 },
  ),
  orderDiscount: Type.Optional(DiscountSchema),
  redeemPoints: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 1_000_000_000,
      description:
        'Loyalty points of the customer to pay with: each takes the program’s point value off the order, after the other discounts',
    }),
  ),
  referralCode: Type.Optional(
    Type.String({
      minLength: 3,
      maxLength: 200,
      description:
        'A referral code (or link) the new customer brings: ties him to the code’s owner. An unknown code refuses the sale ' +
        '(400 referral_code_unknown); a refused claim (self-referral, not a new customer) is recorded and the sale goes on; ' +
        'the order’s `referral.claim` says which',
    }),
  ),
  voucherCodes: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
      maxItems: 5,
      description:
        'Voucher codes to redeem; any that does not apply refuses the sale (409 voucher_refused) with its reason. ' +
        'Automatic promotions apply without a code',
    }),
  ),
  payments: Type.Array(
    Type.Object({
      method: PaymentMethodSchema,
      amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }),
      tendered: Type.Optional(Rupiah('Cash handed over; the rest is change')),
      label: Type.Optional(Type.String({ maxLength: 100, description: 'Name of an `other` method' })),
      reference: Type.Optional(Type.String({ maxLength: 100 })),
    }),
    { minItems: 1, maxItems: 10 },
  ),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type CheckoutBody = Static<typeof CheckoutBody>;

export const RefundBody = Type.Object({
  reason: Type.String({ minLength: 3, maxLength: 500 }),
  lines: Type.Array(Type.Object({ lineId: Id, quantity: Quantity }), { minItems: 1, maxItems: 500 }),
  payTo: Type.Optional(
    Type.Array(Type.Object({ method: PaymentMethodSchema, amount: Rupiah() }), { minItems: 1, maxItems: 10 }),
  ),
  restock: Type.Optional(Type.Boolean({ description: 'Put the goods back on the shelf; default true' })),
});
export type RefundBody = Static<typeof RefundBody>;
export const VoidBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) });

const CustomerRef = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
});

export const OrderSchema = Type.Object({
  id: Type.String(),
  receiptNo: Type.Integer(),
  branchId: Type.String(),
  branchName: Type.String(),
  source: Type.String(),
  externalRef: Nullable(Type.String()),
  customer: Nullable(CustomerRef),
  employeeName: Type.String(),
  status: StringEnum(['completed', 'partially_refunded', 'refunded', 'voided'] as const),
  subtotal: Type.Integer(),
  promotionDiscount: Type.Integer({ description: 'Vouchers and automatic promotions together' }),
  promotions: Type.Array(OrderPromotionSchema),
  orderDiscount: Type.Integer(),
  discountTotal: Type.Integer(),
  taxTotal: Type.Integer(),
  taxRateBp: Type.Integer(),
  taxMode: StringEnum(TAX_MODES),
  total: Type.Integer(),
  changeDue: Type.Integer(),
  refundedTotal: Type.Integer(),
  note: Nullable(Type.String()),
  completedAt: Type.Number(),
  shareToken: Type.String(),
  loyalty: Nullable(
    Type.Object(
      {
        earned: Type.Integer(),
        redeemed: Type.Integer(),
        redeemValue: Type.Integer({ description: 'Rupiah the redeemed points took off the order' }),
        takenBack: Type.Integer({ description: 'Points earned on it that refunds took back' }),
        returned: Type.Integer({ description: 'Points redeemed on it that refunds gave back' }),
        balanceAfter: Type.Integer({ description: 'The customer’s balance once the sale was done' }),
        tier: Nullable(Type.String()),
      },
      { description: 'The sale’s loyalty points; null when it had none' },
    ),
  ),
  referral: Type.Optional(OrderReferralSchema),
  lines: Type.Array(
    Type.Object({
      id: Type.String(),
      lineNo: Type.Integer(),
      productId: Nullable(Type.String()),
      sku: Nullable(Type.String()),
      name: Type.String(),
      quantity: Type.Integer(),
      unitPrice: Type.Integer(),
      gross: Type.Integer(),
      lineDiscount: Type.Integer(),
      promotionDiscount: Type.Integer(),
      orderDiscountShare: Type.Integer(),
      tax: Type.Integer(),
      total: Type.Integer(),
      refundedQuantity: Type.Integer(),
      refundedAmount: Type.Integer(),
    }),
  ),
  payments: Type.Array(
    Type.Object({
      id: Type.String(),
      method: PaymentMethodSchema,
      label: Nullable(Type.String()),
      reference: Nullable(Type.String()),
      amount: Type.Integer(),
      tendered: Type.Integer(),
      change: Type.Integer(),
      refundedAmount: Type.Integer(),
    }),
  ),
  history: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: StringEnum(['refund', 'void'] as const),
      reason: Type.String(),
      amount: Type.Integer(),
      restocked: Type.Boolean(),
      actorName: Type.String(),
      actorRole: Nullable(Type.String()),
      at: Type.Number(),
      lines: Type.Array(
        Type.Object({ lineId: Type.String(), quantity: Type.Integer(), amount: Type.Integer() }),
      ),
      payments: Type.Array(Type.Object({ method: PaymentMethodSchema, amount: Type.Integer() })),
    }),
  ),
});
export type OrderView = Static<typeof OrderSchema>;

export const OrderSummarySchema = Type.Object({
  id: Type.String(),
  receiptNo: Type.Integer(),
  branchId: Type.String(),
  customerId: Nullable(Type.String()),
  employeeName: Type.String(),
  status: OrderSchema.properties.status,
  total: Type.Integer(),
  refundedTotal: Type.Integer(),
  completedAt: Type.Number(),
});

export const ReceiptSchema = Type.Object({
  shop: Type.String(),
  branch: Type.Object({ name: Type.String(), address: Nullable(Type.String()), timezone: Type.String() }),
  order: Type.Omit(OrderSchema, ['customer', 'history', 'shareToken', 'externalRef', 'source']),
  customerName: Nullable(Type.String()),
});

export const CounterCustomerSchema = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
});
export const CounterCustomerBody = Type.Object({
  phone: Type.String({
    minLength: 6,
    maxLength: 32,
    description: 'Any usual Indonesian format: 0812..., +62812..., 62812...',
  }),
  name: Type.Optional(Type.String({ maxLength: 200 })),
  email: Type.Optional(Type.String({ maxLength: 254 })),
});

export const StockLevelSchema = Type.Object({
  branchId: Type.String(),
  productId: Type.String(),
  sku: Type.String(),
  name: Type.String(),
  category: Nullable(Type.String()),
  unit: Type.String(),
  onHand: Type.Integer(),
  lowThreshold: Nullable(Type.Integer()),
  low: Type.Boolean(),
});

export const StockMovementSchema = Type.Object({
  id: Type.Number(),
  kind: StringEnum([
    'received',
    'sold',
    'returned',
    'voided',
    'adjusted',
    'transfer_out',
    'transfer_in',
  ] as const),
  quantity: Type.Integer(),
  onHandAfter: Type.Integer(),
  reason: Nullable(Type.String()),
  orderId: Nullable(Type.String()),
  refundId: Nullable(Type.String()),
  transferId: Nullable(Type.String()),
  actorName: Type.String(),
  at: Type.Number(),
});

export const MovementBody = Type.Object({
  productId: Id,
  kind: StringEnum(['received', 'adjusted'] as const),
  quantity: Type.Integer({
    minimum: -1_000_000,
    maximum: 1_000_000,
    description: 'Received: how many came in (above zero). Adjusted: the signed correction',
  }),
  reason: Type.Optional(Type.String({ maxLength: 500, description: 'Required for an adjustment' })),
});
export type MovementBody = Static<typeof MovementBody>;

export const TransferBody = Type.Object({
  toBranchId: Id,
  lines: Type.Array(Type.Object({ productId: Id, quantity: Quantity }), { minItems: 1, maxItems: 500 }),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export type TransferBody = Static<typeof TransferBody>;

export const ThresholdBody = Type.Object({
  threshold: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
