import type { Static } from 'typebox';
import type { CsvColumn } from './report-csv.ts';
import type {
  BranchReportSchema,
  CategoryReportSchema,
  EmployeeReportSchema,
  FiguresSchema,
  PaymentReportSchema,
  ProductReportSchema,
  RefundReportSchema,
  SalesOverTimeSchema,
  StockValueSchema,
} from './sales-report.schemas.ts';

type Figures = Static<typeof FiguresSchema>;
type Row<S extends { rows: unknown[] }> = S['rows'][number];

/** The CSV columns of each report, in the order a person reads them. */
const figures = <R extends Figures>(): CsvColumn<R>[] => [
  { id: 'pesanan', en: 'orders', cell: (r) => r.orders },
  { id: 'penjualan', en: 'sales', cell: (r) => r.sales },
  { id: 'diskon', en: 'discounts', cell: (r) => r.discounts },
  { id: 'ppn', en: 'tax', cell: (r) => r.tax },
  { id: 'refund', en: 'refunds', cell: (r) => r.refunds },
  { id: 'nilai_refund', en: 'refunded', cell: (r) => r.refunded },
  { id: 'penjualan_bersih', en: 'net_sales', cell: (r) => r.netSales },
  { id: 'pendapatan_tanpa_ppn', en: 'revenue', cell: (r) => r.revenue },
  { id: 'hpp', en: 'cost', cell: (r) => r.cost },
  { id: 'laba_kotor', en: 'gross_profit', cell: (r) => r.grossProfit },
  { id: 'margin_persen', en: 'margin_pct', cell: (r) => r.margin, kind: 'ratio' },
  { id: 'rata_rata_pesanan', en: 'average_order', cell: (r) => r.averageOrder },
];

type ProductLike = Omit<Row<Static<typeof ProductReportSchema>>, 'productId' | 'sku' | 'name' | 'category'>;
const productFigures = <R extends ProductLike>(): CsvColumn<R>[] => [
  { id: 'jumlah', en: 'quantity', cell: (r) => r.quantity },
  { id: 'jumlah_refund', en: 'refunded_quantity', cell: (r) => r.refundedQuantity },
  { id: 'penjualan', en: 'sales', cell: (r) => r.sales },
  { id: 'nilai_refund', en: 'refunded', cell: (r) => r.refunded },
  { id: 'penjualan_bersih', en: 'net_sales', cell: (r) => r.netSales },
  { id: 'pendapatan_tanpa_ppn', en: 'revenue', cell: (r) => r.revenue },
  { id: 'hpp', en: 'cost', cell: (r) => r.cost },
  { id: 'laba_kotor', en: 'gross_profit', cell: (r) => r.grossProfit },
  { id: 'margin_persen', en: 'margin_pct', cell: (r) => r.margin, kind: 'ratio' },
];

export const SALES_COLUMNS: CsvColumn<Row<Static<typeof SalesOverTimeSchema>>>[] = [
  { id: 'mulai', en: 'start', cell: (r) => r.start },
  ...figures(),
];

export const BRANCH_COLUMNS: CsvColumn<Row<Static<typeof BranchReportSchema>>>[] = [
  { id: 'cabang', en: 'branch', cell: (r) => r.name },
  { id: 'id_cabang', en: 'branch_id', cell: (r) => r.branchId },
  ...figures(),
];

export const EMPLOYEE_COLUMNS: CsvColumn<Row<Static<typeof EmployeeReportSchema>>>[] = [
  { id: 'karyawan', en: 'employee', cell: (r) => r.name },
  { id: 'id_karyawan', en: 'employee_id', cell: (r) => r.employeeId },
  ...figures(),
];

export const PRODUCT_COLUMNS: CsvColumn<Row<Static<typeof ProductReportSchema>>>[] = [
  { id: 'sku', en: 'sku', cell: (r) => r.sku },
  { id: 'produk', en: 'product', cell: (r) => r.name },
  { id: 'kategori', en: 'category', cell: (r) => r.category },
  ...productFigures(),
];

export const CATEGORY_COLUMNS: CsvColumn<Row<Static<typeof CategoryReportSchema>>>[] = [
  { id: 'kategori', en: 'category', cell: (r) => r.category },
  ...productFigures(),
];

export const PAYMENT_COLUMNS: CsvColumn<Row<Static<typeof PaymentReportSchema>>>[] = [
  { id: 'metode', en: 'method', cell: (r) => r.method },
  { id: 'pembayaran', en: 'payments', cell: (r) => r.payments },
  { id: 'diterima', en: 'amount', cell: (r) => r.amount },
  { id: 'dikembalikan', en: 'refunded', cell: (r) => r.refunded },
  { id: 'bersih', en: 'net', cell: (r) => r.net },
  { id: 'porsi_persen', en: 'share_pct', cell: (r) => r.share, kind: 'ratio' },
];

/** `at` is written as the local time of the workspace by the route, not the ISO instant. */
export const refundColumns = (
  local: (iso: string) => string,
): CsvColumn<Row<Static<typeof RefundReportSchema>>>[] => [
  { id: 'waktu', en: 'time', cell: (r) => local(r.at) },
  { id: 'jenis', en: 'kind', cell: (r) => r.kind },
  { id: 'cabang', en: 'branch', cell: (r) => r.branchName },
  { id: 'no_struk', en: 'receipt_no', cell: (r) => r.receiptNo },
  { id: 'alasan', en: 'reason', cell: (r) => r.reason },
  { id: 'nilai', en: 'amount', cell: (r) => r.amount },
  { id: 'oleh', en: 'by', cell: (r) => r.actorName },
  { id: 'id_pesanan', en: 'order_id', cell: (r) => r.orderId },
];

export const STOCK_VALUE_COLUMNS: CsvColumn<Row<Static<typeof StockValueSchema>>>[] = [
  { id: 'cabang', en: 'branch', cell: (r) => r.branchName },
  { id: 'kategori', en: 'category', cell: (r) => r.category },
  { id: 'produk', en: 'products', cell: (r) => r.products },
  { id: 'unit', en: 'units', cell: (r) => r.units },
  { id: 'nilai_modal', en: 'cost_value', cell: (r) => r.costValue },
  { id: 'nilai_jual', en: 'retail_value', cell: (r) => r.retailValue },
];
