export { PAYMENT_METHODS, isPaymentMethod, type PaymentMethod } from './payment-method.ts';
export { allocate, mulDivHalfUp } from './money.ts';
export {
  MAX_AMOUNT,
  MAX_QUANTITY,
  PricingError,
  priceOrder,
  taxOf,
  type Discount,
  type LineInput,
  type PricedLine,
  type PricedOrder,
} from './order-pricing.ts';
export { planPayments, type PaymentInput, type PlannedPayment } from './payment-plan.ts';
export {
  planRefund,
  type RefundPlan,
  type RefundRequest,
  type RefundableLine,
  type RefundablePayment,
} from './refund-plan.ts';
export {
  DEFAULT_SALES_SETTINGS,
  MAX_TAX_RATE_BP,
  TAX_MODES,
  type SalesSettings,
  type TaxMode,
  type TaxSetting,
} from './sales-settings.ts';
export * from './import/index.ts';
export {
  REPORT_INTERVALS,
  ZERO_SUMS,
  addSums,
  bucketStart,
  bucketStarts,
  salesFigures,
  type ReportInterval,
  type SalesFigures,
  type SalesSums,
} from './sales-report.ts';
