import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Discount, PaymentMethod, TaxMode } from '@jejak/core/sales';
import { api } from './client.ts';

export interface Branch {
  id: string;
  name: string;
  address: string | null;
  timezone: string;
}

export interface Product {
  id: string;
  sku: string;
  barcode: string | null;
  name: string;
  category: string | null;
  unit: string;
  price: number;
  trackStock: boolean;
}

export interface SalesSettings {
  taxRateBp: number;
  taxMode: TaxMode;
  allowNegativeStock: boolean;
}

export interface CounterCustomer {
  id: string;
  name: string | null;
  phone: string | null;
}

export interface OrderLine {
  id: string;
  productId: string | null;
  name: string;
  sku: string | null;
  quantity: number;
  unitPrice: number;
  gross: number;
  lineDiscount: number;
  orderDiscountShare: number;
  total: number;
  refundedQuantity: number;
  refundedAmount: number;
}

export interface OrderPayment {
  id: string;
  method: PaymentMethod;
  label: string | null;
  amount: number;
  tendered: number;
  change: number;
  refundedAmount: number;
}

export interface OrderHistoryEntry {
  id: string;
  kind: 'refund' | 'void';
  reason: string;
  amount: number;
  actorName: string;
  actorRole: string | null;
  at: number;
  payments: { method: PaymentMethod; amount: number }[];
}

export type OrderStatus = 'completed' | 'partially_refunded' | 'refunded' | 'voided';

export interface Order {
  id: string;
  receiptNo: number;
  branchId: string;
  branchName: string;
  customer: CounterCustomer | null;
  employeeName: string;
  status: OrderStatus;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  taxRateBp: number;
  taxMode: TaxMode;
  total: number;
  changeDue: number;
  refundedTotal: number;
  completedAt: number;
  shareToken: string;
  promotionDiscount: number;
  promotions: {
    promotionId: string;
    name: string;
    code: string | null;
    discount: number;
    reversed: boolean;
  }[];
  /** The sale's loyalty points; null when it had none. */
  loyalty: {
    earned: number;
    redeemed: number;
    redeemValue: number;
    takenBack: number;
    returned: number;
    balanceAfter: number;
    tier: string | null;
  } | null;
  /** The buyer's own referral code (printed to share) and what the checkout did with a code he brought. */
  referral?: {
    code: string | null;
    claim: { code: string; status: string; reason: string | null; referrerName: string | null } | null;
  } | null;
  lines: OrderLine[];
  payments: OrderPayment[];
  history: OrderHistoryEntry[];
}

export interface OrderSummary {
  id: string;
  receiptNo: number;
  branchId: string;
  employeeName: string;
  status: OrderStatus;
  total: number;
  refundedTotal: number;
  completedAt: number;
}

export interface Receipt {
  shop: string;
  branch: { name: string; address: string | null; timezone: string };
  order: Omit<Order, 'customer' | 'history' | 'shareToken'>;
  customerName: string | null;
}

export interface CheckoutInput {
  externalRef: string;
  customerId: string | null;
  lines: { productId: string; quantity: number; discount?: Discount }[];
  orderDiscount?: Discount;
  redeemPoints?: number;
  voucherCodes?: string[];
  referralCode?: string;
  payments: { method: PaymentMethod; amount: number; tendered?: number; label?: string }[];
}

export interface RefundInput {
  reason: string;
  lines: { lineId: string; quantity: number }[];
  payTo?: { method: PaymentMethod; amount: number }[];
}

const ws = (workspaceId: string) => `/workspaces/${workspaceId}`;

export function useBranches(workspaceId: string) {
  return useQuery({
    queryKey: ['branches', workspaceId],
    queryFn: async () => (await api.get<{ items: Branch[] }>(`${ws(workspaceId)}/branches`)).items,
  });
}

export function useSalesSettings(workspaceId: string) {
  return useQuery({
    queryKey: ['sales-settings', workspaceId],
    queryFn: () => api.get<SalesSettings>(`${ws(workspaceId)}/sales/settings`),
  });
}

/** Active products matching what the cashier typed. */
/** The catalogue's matches for what the cashier typed: one query per term, shared by the list and Enter. */
export function productSearchQuery(workspaceId: string, search: string) {
  const term = search.trim();
  return {
    queryKey: ['products', workspaceId, term] as const,
    queryFn: async () =>
      (
        await api.get<{ items: Product[] }>(
          `${ws(workspaceId)}/products?activeOnly=true&limit=8&search=${encodeURIComponent(term)}`,
        )
      ).items,
    staleTime: 60_000,
  };
}

export function useProductSearch(workspaceId: string, search: string) {
  // The previous term's matches stay on screen while the new ones load, so the list does not flicker.
  return useQuery({ ...productSearchQuery(workspaceId, search), placeholderData: keepPreviousData });
}

export function productByCode(workspaceId: string, code: string) {
  return api.get<Product>(`${ws(workspaceId)}/products/by-code/${encodeURIComponent(code)}`);
}

export function findCustomers(workspaceId: string, q: string) {
  return api.get<{ items: CounterCustomer[] }>(
    `${ws(workspaceId)}/sales/customers?q=${encodeURIComponent(q)}`,
  );
}

export function addCustomer(workspaceId: string, input: { phone: string; name?: string }) {
  return api.post<CounterCustomer>(`${ws(workspaceId)}/sales/customers`, input);
}

export function useCheckout(workspaceId: string, branchId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckoutInput) =>
      api.post<Order>(`${ws(workspaceId)}/branches/${branchId}/orders`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['orders', workspaceId] }),
  });
}

export function useOrders(workspaceId: string, branchId: string) {
  return useQuery({
    queryKey: ['orders', workspaceId, branchId],
    queryFn: async () =>
      (await api.get<{ items: OrderSummary[] }>(`${ws(workspaceId)}/branches/${branchId}/orders?limit=50`))
        .items,
    enabled: branchId !== '',
    staleTime: 5_000,
  });
}

export function useOrder(workspaceId: string, branchId: string, orderId: string | undefined) {
  return useQuery({
    queryKey: ['orders', workspaceId, branchId, orderId],
    queryFn: () => api.get<Order>(`${ws(workspaceId)}/branches/${branchId}/orders/${orderId}`),
    enabled: orderId !== undefined && branchId !== '',
    staleTime: 0,
  });
}

export function useRefund(workspaceId: string, branchId: string, orderId: string) {
  const client = useQueryClient();
  const base = `${ws(workspaceId)}/branches/${branchId}/orders/${orderId}`;
  const settle = (order: Order) => {
    client.setQueryData(['orders', workspaceId, branchId, orderId], order);
    void client.invalidateQueries({ queryKey: ['orders', workspaceId, branchId], exact: true });
  };
  return {
    refund: useMutation({
      mutationFn: (input: RefundInput) => api.post<Order>(`${base}/refunds`, input),
      onSuccess: settle,
    }),
    void: useMutation({
      mutationFn: (reason: string) => api.post<Order>(`${base}/void`, { reason }),
      onSuccess: settle,
    }),
  };
}

export function useReceipt(token: string) {
  return useQuery({ queryKey: ['receipt', token], queryFn: () => api.get<Receipt>(`/receipts/${token}`) });
}

export interface StockLevel {
  productId: string;
  sku: string;
  name: string;
  category: string | null;
  unit: string;
  onHand: number;
  lowThreshold: number | null;
  low: boolean;
}

export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  rejected: {
    line: number;
    code: 'empty' | 'too_long' | 'not_rupiah' | 'not_flag' | 'duplicate_sku' | 'barcode_taken';
    values: Record<string, string | number>;
    reason: string;
  }[];
}

export interface NewProduct {
  sku: string;
  name: string;
  category?: string;
  barcode?: string;
  price: number;
  cost?: number;
  trackStock?: boolean;
}

export function useStock(workspaceId: string, branchId: string) {
  return useQuery({
    queryKey: ['stock', workspaceId, branchId],
    queryFn: async () =>
      (await api.get<{ items: StockLevel[] }>(`${ws(workspaceId)}/branches/${branchId}/stock`)).items,
    enabled: branchId !== '',
    staleTime: 5_000,
  });
}

/** The catalogue and stock changes of the products page; each one refreshes the stock list. */
export function useCatalogue(workspaceId: string, branchId: string) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['stock', workspaceId] });
    void client.invalidateQueries({ queryKey: ['products', workspaceId] });
  };
  return {
    create: useMutation({
      mutationFn: (input: NewProduct) => api.post<Product>(`${ws(workspaceId)}/products`, input),
      onSuccess: refresh,
    }),
    importCsv: useMutation({
      mutationFn: (input: { csv: string; dryRun: boolean }) =>
        api.post<ImportReport>(`${ws(workspaceId)}/products/import`, input),
      onSuccess: (report) => !report.dryRun && refresh(),
    }),
    receive: useMutation({
      mutationFn: (input: { productId: string; quantity: number }) =>
        api.post(`${ws(workspaceId)}/branches/${branchId}/stock/movements`, { ...input, kind: 'received' }),
      onSuccess: refresh,
    }),
    adjust: useMutation({
      mutationFn: (input: { productId: string; quantity: number; reason: string }) =>
        api.post(`${ws(workspaceId)}/branches/${branchId}/stock/movements`, { ...input, kind: 'adjusted' }),
      onSuccess: refresh,
    }),
    transfer: useMutation({
      mutationFn: (input: { toBranchId: string; productId: string; quantity: number; reason?: string }) =>
        api.post(`${ws(workspaceId)}/branches/${branchId}/stock/transfers`, {
          toBranchId: input.toBranchId,
          lines: [{ productId: input.productId, quantity: input.quantity }],
          ...(input.reason ? { reason: input.reason } : {}),
        }),
      onSuccess: refresh,
    }),
  };
}

/** The whole catalogue, by name (up to 500 products: the page of a small shop). */
export function useProductList(workspaceId: string) {
  return useQuery({
    queryKey: ['products', workspaceId, 'all'],
    queryFn: async () => (await api.get<{ items: Product[] }>(`${ws(workspaceId)}/products?limit=500`)).items,
  });
}
