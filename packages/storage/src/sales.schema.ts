import type { Generated, Insertable, Selectable } from 'kysely';

/*
 * The tables of the sales module: catalogue, stock per branch, orders and their refunds.
 * Money is whole Rupiah in an integer column (bigint on PostgreSQL), quantities whole units
 * (a product sold by weight is priced per gram or per 100 g). Flags are 0/1 integers on both dialects.
 */

export interface SalesSettingsTable {
  workspace_id: string;
  /** PPN in basis points: 1100 is 11%. */
  tax_rate_bp: number;
  tax_mode: 'included' | 'added';
  allow_negative_stock: number;
  updated_at: number;
}

export interface ProductTable {
  id: string;
  workspace_id: string;
  /** Unique per workspace: what the CSV import matches rows on. */
  sku: string;
  /** Unique per workspace when present: what a scanner types. */
  barcode: string | null;
  name: string;
  category: string | null;
  /** `pcs`, `cup`, `gram`...: what one unit of quantity is. */
  unit: string;
  price: number;
  cost: number;
  active: number;
  /** 0 for what is made to order (a latte) or a service: sold without touching stock. */
  track_stock: number;
  created_at: number;
  updated_at: number;
}

export interface StockLevelTable {
  workspace_id: string;
  branch_id: string;
  product_id: string;
  /** Always the sum of the product's movements at the branch; both change in one statement pair. */
  on_hand: number;
  /** At or below this, the product is running low at the branch; null: not watched. */
  low_threshold: number | null;
  updated_at: number;
}

export type StockMovementKind =
  'received' | 'sold' | 'returned' | 'voided' | 'adjusted' | 'transfer_out' | 'transfer_in';

export interface StockMovementTable {
  id: Generated<number>;
  workspace_id: string;
  branch_id: string;
  product_id: string;
  kind: StockMovementKind;
  /** Signed: what this movement added to (or took from) the stock. */
  quantity: number;
  /** The stock after this movement, so the ledger reads as a running balance. */
  on_hand_after: number;
  reason: string | null;
  order_id: string | null;
  refund_id: string | null;
  /** Both halves of a transfer carry the same id. */
  transfer_id: string | null;
  actor_id: string | null;
  actor_label: string;
  at: number;
}

export interface OrderCounterTable {
  workspace_id: string;
  branch_id: string;
  last_no: number;
}

export type OrderStatus = 'completed' | 'partially_refunded' | 'refunded' | 'voided';

export interface OrderTable {
  id: string;
  workspace_id: string;
  branch_id: string;
  /** Counts up per branch: the number on the receipt. */
  receipt_no: number;
  /** `counter` for the cashier screen; an import names its source (`online-retail`...). */
  source: string;
  /** The order's id in its source (an invoice number, the till's idempotency key); unique per workspace and source. */
  external_ref: string | null;
  /** Null for a guest sale. */
  customer_id: string | null;
  employee_id: string | null;
  employee_name: string;
  status: OrderStatus;
  subtotal: number;
  /** Vouchers and automatic promotions together (see promotion_redemptions); 0 by default. */
  promotion_discount: Generated<number>;
  order_discount: number;
  discount_total: number;
  tax_total: number;
  tax_rate_bp: number;
  tax_mode: 'included' | 'added';
  total: number;
  change_due: number;
  refunded_total: number;
  note: string | null;
  /** Random: the public receipt link. */
  share_token: string;
  /** Bumped by every refund or void, so two at once cannot both pass their checks. */
  version: number;
  completed_at: number;
  created_at: number;
}

export interface OrderLineTable {
  id: string;
  workspace_id: string;
  order_id: string;
  line_no: number;
  product_id: string | null;
  sku: string | null;
  name: string;
  category: string | null;
  quantity: number;
  unit_price: number;
  unit_cost: number;
  gross: number;
  line_discount: number;
  /** What promotions took off this line, after its own discount and before the order discount. */
  promotion_discount: Generated<number>;
  order_discount_share: number;
  tax: number;
  total: number;
  refunded_quantity: number;
  refunded_amount: number;
}

export interface OrderPaymentTable {
  id: string;
  workspace_id: string;
  order_id: string;
  seq: number;
  method: string;
  label: string | null;
  reference: string | null;
  amount: number;
  tendered: number;
  change: number;
  refunded_amount: number;
}

export interface OrderRefundTable {
  id: string;
  workspace_id: string;
  order_id: string;
  kind: 'refund' | 'void';
  reason: string;
  amount: number;
  restocked: number;
  actor_id: string | null;
  actor_label: string;
  actor_role: string | null;
  at: number;
  /** Set on a refund read from an imported file: its source and its ref there, unique together. */
  source: string | null;
  external_ref: string | null;
}

export interface OrderRefundLineTable {
  refund_id: string;
  order_line_id: string;
  workspace_id: string;
  quantity: number;
  amount: number;
}

export interface OrderRefundPaymentTable {
  refund_id: string;
  payment_id: string;
  workspace_id: string;
  method: string;
  amount: number;
}

export interface SalesTables {
  sales_settings: SalesSettingsTable;
  products: ProductTable;
  stock_levels: StockLevelTable;
  stock_movements: StockMovementTable;
  order_counters: OrderCounterTable;
  orders: OrderTable;
  order_lines: OrderLineTable;
  order_payments: OrderPaymentTable;
  order_refunds: OrderRefundTable;
  order_refund_lines: OrderRefundLineTable;
  order_refund_payments: OrderRefundPaymentTable;
}

export type SalesSettingsRow = Selectable<SalesSettingsTable>;
export type Product = Selectable<ProductTable>;
export type NewProduct = Insertable<ProductTable>;
export type StockLevel = Selectable<StockLevelTable>;
export type StockMovement = Selectable<StockMovementTable>;
export type Order = Selectable<OrderTable>;
export type NewOrder = Insertable<OrderTable>;
export type OrderLine = Selectable<OrderLineTable>;
export type NewOrderLine = Insertable<OrderLineTable>;
export type OrderPayment = Selectable<OrderPaymentTable>;
export type NewOrderPayment = Insertable<OrderPaymentTable>;
export type OrderRefund = Selectable<OrderRefundTable>;
export type NewOrderRefund = Insertable<OrderRefundTable>;
export type OrderRefundLine = Selectable<OrderRefundLineTable>;
export type OrderRefundPayment = Selectable<OrderRefundPaymentTable>;
