import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReportInterval } from '@jejak/core/sales';
import { api } from './client.ts';

export type ReportName =
  'sales' | 'products' | 'categories' | 'branches' | 'employees' | 'payments' | 'refunds' | 'stock-value';

/** What every report is asked for: local days (YYYY-MM-DD) and perhaps one branch. */
export interface ReportFilter {
  from: string;
  to: string;
  branch?: string;
  interval?: ReportInterval;
}

export interface Figures {
  orders: number;
  sales: number;
  discounts: number;
  tax: number;
  refunds: number;
  refunded: number;
  netSales: number;
  revenue: number;
  cost: number;
  grossProfit: number;
  margin: number | null;
  averageOrder: number | null;
}

export interface ProductFigures {
  quantity: number;
  refundedQuantity: number;
  sales: number;
  refunded: number;
  netSales: number;
  revenue: number;
  cost: number;
  grossProfit: number;
  margin: number | null;
}

interface Header {
  period: { from: string; to: string; timezone: string };
  filter: { branches: string[] | null };
}

export interface SalesReport extends Header {
  interval: ReportInterval;
  totals: Figures;
  rows: (Figures & { start: string })[];
}
export interface BranchReport extends Header {
  totals: Figures;
  rows: (Figures & { branchId: string; name: string })[];
}
export interface EmployeeReport extends Header {
  totals: Figures;
  rows: (Figures & { employeeId: string | null; name: string })[];
}
export interface ProductReport extends Header {
  totals: ProductFigures;
  rows: (ProductFigures & {
    productId: string | null;
    sku: string | null;
    name: string;
    category: string | null;
  })[];
}
export interface CategoryReport extends Header {
  totals: ProductFigures;
  rows: (ProductFigures & { category: string | null })[];
}
export interface PaymentReport extends Header {
  totals: { payments: number; amount: number; refunded: number; net: number };
  rows: { method: string; payments: number; amount: number; refunded: number; net: number; share: number }[];
}
export interface RefundReport extends Header {
  totals: { refunds: number; refunded: number; voids: number; voided: number };
  truncated: boolean;
  rows: {
    id: string;
    kind: 'refund' | 'void';
    at: string;
    orderId: string;
    branchId: string;
    branchName: string;
    receiptNo: number;
    reason: string;
    amount: number;
    actorName: string;
  }[];
}
export interface StockValueReport {
  filter: { branches: string[] | null };
  totals: { units: number; costValue: number; retailValue: number };
  rows: {
    branchId: string;
    branchName: string;
    category: string | null;
    products: number;
    units: number;
    costValue: number;
    retailValue: number;
  }[];
}

export interface Reports {
  sales: SalesReport;
  products: ProductReport;
  categories: CategoryReport;
  branches: BranchReport;
  employees: EmployeeReport;
  payments: PaymentReport;
  refunds: RefundReport;
  'stock-value': StockValueReport;
}

function query(filter: ReportFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to, ...extra });
  if (filter.branch) params.set('branch', filter.branch);
  if (filter.interval) params.set('interval', filter.interval);
  return params.toString();
}

export function useReport<N extends ReportName>(workspaceId: string, name: N, filter: ReportFilter) {
  return useQuery({
    queryKey: ['report', workspaceId, name, filter],
    queryFn: () => api.get<Reports[N]>(`/workspaces/${workspaceId}/reports/${name}?${query(filter)}`),
    placeholderData: keepPreviousData,
  });
}

/** Where a report's CSV downloads from (a plain link: the session cookie goes along). */
export function reportCsvUrl(
  workspaceId: string,
  name: ReportName,
  filter: ReportFilter,
  excel: boolean,
  language: 'id' | 'en',
): string {
  const extra: Record<string, string> = { lang: language };
  if (excel) extra.delimiter = 'semicolon';
  return `/api/v1/workspaces/${workspaceId}/reports/${name}/csv?${query(filter, extra)}`;
}
