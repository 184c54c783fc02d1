import { REPORT_INTERVALS } from '@jejak/core';
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../http/common.schemas.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A local date, YYYY-MM-DD' });
const Rupiah = (description?: string) => Type.Integer(description ? { description } : {});

export const ReportQuery = Type.Object({
  from: Type.Optional({
    ...Day,
    description: 'First day (workspace zone), included; default 29 days before to',
  }),
  to: Type.Optional({ ...Day, description: 'Last day (workspace zone), included; default today' }),
  branch: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'One branch only' })),
});
export type ReportQuery = Static<typeof ReportQuery>;

export const SalesReportQuery = Type.Intersect([
  ReportQuery,
  Type.Object({ interval: Type.Optional(StringEnum(REPORT_INTERVALS, { description: 'default day' })) }),
]);

export const CsvQuery = Type.Object({
  delimiter: Type.Optional(
    StringEnum(['comma', 'semicolon'] as const, {
      description:
        'comma (default, RFC 4180); semicolon for a spreadsheet set to Indonesian, which also writes decimals with a comma',
    }),
  ),
});

const Period = Type.Object({ from: Day, to: Day, timezone: Type.String() });
const Filter = Type.Object({
  branches: Nullable(Type.Array(Type.String(), { description: 'null: every branch' })),
});

const Figures = {
  orders: Type.Integer({ description: 'Sales completed in the period, voided ones left out' }),
  sales: Rupiah('What customers paid: after discounts, PPN included'),
  discounts: Rupiah(),
  tax: Rupiah('PPN of the sales'),
  refunds: Type.Integer({ description: 'Refunds made in the period' }),
  refunded: Rupiah('What those refunds gave back'),
  netSales: Rupiah('sales − refunded'),
  revenue: Rupiah('Net sales without PPN'),
  cost: Rupiah('What the goods sold cost, less those given back'),
  grossProfit: Rupiah('revenue − cost'),
  margin: Nullable(Type.Number({ description: 'grossProfit / revenue; null without revenue' })),
  averageOrder: Nullable(Type.Integer({ description: 'sales / orders; null without orders' })),
};
export const FiguresSchema = Type.Object(Figures);

const ProductFigures = {
  quantity: Type.Integer(),
  refundedQuantity: Type.Integer(),
  sales: Rupiah(),
  refunded: Rupiah(),
  netSales: Rupiah(),
  revenue: Rupiah(),
  cost: Rupiah(),
  grossProfit: Rupiah(),
  margin: Nullable(Type.Number()),
};

export const SalesOverTimeSchema = Type.Object({
  period: Period,
  filter: Filter,
  interval: StringEnum(REPORT_INTERVALS),
  totals: FiguresSchema,
  rows: Type.Array(Type.Object({ start: Day, ...Figures })),
});

export const BranchReportSchema = Type.Object({
  period: Period,
  filter: Filter,
  totals: FiguresSchema,
  rows: Type.Array(Type.Object({ branchId: Type.String(), name: Type.String(), ...Figures })),
});

export const EmployeeReportSchema = Type.Object({
  period: Period,
  filter: Filter,
  totals: FiguresSchema,
  rows: Type.Array(
    Type.Object({
      employeeId: Nullable(Type.String({ description: 'null: a name the till sent, with no account' })),
      name: Type.String(),
      ...Figures,
    }),
  ),
});

export const ProductReportSchema = Type.Object({
  period: Period,
  filter: Filter,
  totals: Type.Object(ProductFigures),
  rows: Type.Array(
    Type.Object({
      productId: Nullable(Type.String()),
      sku: Nullable(Type.String()),
      name: Type.String(),
      category: Nullable(Type.String()),
      ...ProductFigures,
    }),
  ),
});

export const CategoryReportSchema = Type.Object({
  period: Period,
  filter: Filter,
  totals: Type.Object(ProductFigures),
  rows: Type.Array(Type.Object({ category: Nullable(Type.String()), ...ProductFigures })),
});

const PaymentFigures = {
  payments: Type.Integer(),
  amount: Rupiah('Taken by this method for the period’s sales'),
  refunded: Rupiah('Given back through this method in the period'),
  net: Rupiah(),
};

export const PaymentReportSchema = Type.Object({
  period: Period,
  filter: Filter,
  totals: Type.Object(PaymentFigures),
  rows: Type.Array(
    Type.Object({
      method: Type.String(),
      ...PaymentFigures,
      share: Type.Number({ description: 'Of the amount taken' }),
    }),
  ),
});

export const RefundReportSchema = Type.Object({
  period: Period,
  filter: Filter,
  totals: Type.Object({
    refunds: Type.Integer(),
    refunded: Rupiah(),
    voids: Type.Integer(),
    voided: Rupiah(),
  }),
  truncated: Type.Boolean({ description: 'True when the period has more than the 500 listed' }),
  rows: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: StringEnum(['refund', 'void'] as const),
      at: Type.String({ format: 'date-time' }),
      orderId: Type.String(),
      branchId: Type.String(),
      branchName: Type.String(),
      receiptNo: Type.Integer(),
      reason: Type.String(),
      amount: Rupiah(),
      actorName: Type.String(),
    }),
  ),
});

export const StockValueQuery = Type.Object({
  branch: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

export const StockValueSchema = Type.Object({
  filter: Filter,
  totals: Type.Object({ units: Type.Integer(), costValue: Rupiah(), retailValue: Rupiah() }),
  rows: Type.Array(
    Type.Object({
      branchId: Type.String(),
      branchName: Type.String(),
      category: Nullable(Type.String()),
      products: Type.Integer(),
      units: Type.Integer(),
      costValue: Rupiah('On hand × cost'),
      retailValue: Rupiah('On hand × selling price'),
    }),
  ),
});
