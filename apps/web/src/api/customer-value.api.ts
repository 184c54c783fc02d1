import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RfmSegment } from '@jejak/core/rfm';
import { ApiError, api } from './client.ts';

export interface HoldoutRow {
  frequency: number;
  customers: number;
  predicted: number;
  actual: number;
}

export interface CustomerValueFit {
  fittedAt: number;
  calibrationEndDay: number;
  horizonWeeks: number;
  monthlyDiscount: number;
  customers: number;
  repeatCustomers: number;
  purchases: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
  spend: { p: number; q: number; gamma: number; logLikelihood: number };
  holdout: {
    weeks: number;
    calibrationEndDay: number;
    customers: number;
    predicted: number;
    actual: number;
    meanAbsoluteError: number;
    byFrequency: HoldoutRow[];
  } | null;
}

export interface CustomerPrediction {
  customerId: string;
  customerName?: string | null;
  repeatPurchases: number;
  weeksSinceFirst: number;
  weeksSinceLast: number;
  probabilityAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  value: number;
}

const base = (ws: string) => `/workspaces/${ws}/analytics/customer-value`;

export function customerValueCsvUrl(ws: string, atRiskOnly: boolean): string {
  return `/api/v1${base(ws)}/customers.csv${atRiskOnly ? '?maxProbabilityAlive=0.5' : ''}`;
}

export interface CustomerValueRun {
  ranAt: number;
  outcome: 'fitted' | 'skipped' | 'failed';
  reason: string | null;
  statusesSent: number;
}

const fitQuery = (ws: string) => ({
  queryKey: ['customer-value', ws, 'fit'],
  queryFn: () => api.get<{ fit: CustomerValueFit | null; lastRun: CustomerValueRun | null }>(base(ws)),
});

export function useCustomerValueFit(ws: string) {
  return useQuery({ ...fitQuery(ws), select: (d) => d.fit });
}

/** The last nightly refit: fitted, or skipped (too little history) or failed, and why. */
export function useCustomerValueLastRun(ws: string) {
  return useQuery({ ...fitQuery(ws), select: (d) => d.lastRun });
}

export function useCustomerValues(ws: string, page: { limit: number; offset: number; atRiskOnly: boolean }) {
  const query = new URLSearchParams({ limit: String(page.limit), offset: String(page.offset) });
  if (page.atRiskOnly) query.set('maxProbabilityAlive', '0.5');
  return useQuery({
    queryKey: ['customer-value', ws, 'customers', page],
    queryFn: () => api.get<{ total: number; items: CustomerPrediction[] }>(`${base(ws)}/customers?${query}`),
  });
}

/** One customer's prediction; null when the latest fit has none for him (no purchase, or no fit yet). */
export function useCustomerPrediction(ws: string, customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['customer-value', ws, 'customer', customerId],
    enabled,
    queryFn: async () => {
      try {
        return await api.get<CustomerPrediction>(`/workspaces/${ws}/customers/${customerId}/value`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useFitCustomerValue(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { horizonWeeks: number }) => api.post<CustomerValueFit>(`${base(ws)}/fit`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['customer-value', ws] }),
  });
}

export interface RfmReport {
  asOfDay: number;
  customers: number;
  segments: {
    segment: RfmSegment;
    customers: number;
    share: number;
    averageRecencyDays: number;
    averageFrequency: number;
    averageMonetary: number;
    monetary: number;
  }[];
  grid: number[][];
}

export interface RfmCustomer {
  customerId: string;
  customerName: string | null;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

const rfmBase = (ws: string) => `/workspaces/${ws}/analytics/rfm`;

export function rfmCsvUrl(ws: string, segment: RfmSegment | undefined): string {
  return `/api/v1${rfmBase(ws)}/customers.csv${segment ? `?segment=${segment}` : ''}`;
}

export function useRfm(ws: string) {
  return useQuery({ queryKey: ['rfm', ws], queryFn: () => api.get<RfmReport>(rfmBase(ws)) });
}

export function useRfmCustomers(ws: string, segment: RfmSegment | undefined, offset: number) {
  const query = new URLSearchParams({ limit: '50', offset: String(offset) });
  if (segment) query.set('segment', segment);
  return useQuery({
    queryKey: ['rfm', ws, 'customers', segment, offset],
    queryFn: () => api.get<{ total: number; items: RfmCustomer[] }>(`${rfmBase(ws)}/customers?${query}`),
  });
}
