import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type AttributionModel = 'first' | 'last';

export interface ChannelReturnRow {
  month: string;
  channel: string;
  customers: number;
  revenue: number;
  spend: number;
  cac: number | null;
  roas: number | null;
}

export interface AttributionReport {
  currency: string;
  model: AttributionModel;
  lookbackDays: number;
  revenueDays: number;
  customers: number;
  withoutTouch: number;
  months: ChannelReturnRow[];
  channels: ChannelReturnRow[];
  campaigns: { channel: string; campaign: string; customers: number; revenue: number; spend: number }[];
}

export interface AttributionQuery {
  model: AttributionModel;
  lookbackDays: number;
  revenueDays: number;
}

export interface AdSpend {
  channel: string;
  month: string;
  campaign: string;
  amount: number;
  updatedAt: number;
}

export interface SpendImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  rejected: { line: number; code: string; values: Record<string, string | number>; reason: string }[];
}

const base = (ws: string) => `/workspaces/${ws}/analytics`;
const queryString = (q: AttributionQuery) =>
  new URLSearchParams({
    model: q.model,
    lookbackDays: String(q.lookbackDays),
    revenueDays: String(q.revenueDays),
  }).toString();

export function attributionCsvUrl(ws: string, q: AttributionQuery): string {
  return `/api/v1${base(ws)}/attribution.csv?${queryString(q)}`;
}

export function attributionCustomersCsvUrl(ws: string, q: AttributionQuery): string {
  return `/api/v1${base(ws)}/attribution/customers.csv?lookbackDays=${q.lookbackDays}&revenueDays=${q.revenueDays}`;
}

export function useAttribution(ws: string, q: AttributionQuery) {
  return useQuery({
    queryKey: ['attribution', ws, 'report', q],
    queryFn: () => api.get<AttributionReport>(`${base(ws)}/attribution?${queryString(q)}`),
  });
}

export function useAdSpend(ws: string) {
  return useQuery({
    queryKey: ['attribution', ws, 'spend'],
    queryFn: async () => (await api.get<{ items: AdSpend[] }>(`${base(ws)}/ad-spend`)).items,
  });
}

export function useSetAdSpend(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { channel: string; month: string; amount: number; campaign?: string }) =>
      api.put<{ replaced: boolean }>(`${base(ws)}/ad-spend`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attribution', ws] }),
  });
}

export function useDeleteAdSpend(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: { channel: string; month: string; campaign: string }) =>
      api.delete<void>(`${base(ws)}/ad-spend?${new URLSearchParams(key).toString()}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['attribution', ws] }),
  });
}

export function useImportAdSpend(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { csv: string; dryRun: boolean }) =>
      api.post<SpendImportResult>(`${base(ws)}/ad-spend/import`, input),
    onSuccess: (result) => {
      if (!result.dryRun) void client.invalidateQueries({ queryKey: ['attribution', ws] });
    },
  });
}
