import { useQuery } from '@tanstack/react-query';
import { api, downloadCsv } from './client.ts';

export type FunnelOrder = 'sequential' | 'strict' | 'any';
export type BreakdownBy = 'channel' | 'branch' | 'property';

export interface FunnelDefinition {
  steps: { event: string }[];
  windowMinutes: number;
  order: FunnelOrder;
  breakdown?: { by: BreakdownBy; property?: string };
  exclusions?: { event: string }[];
  from?: string;
  to?: string;
}

export interface FunnelStepResult {
  customers: number;
  fromPrevious: number;
  fromFirst: number;
}

export interface FunnelReport {
  events: number;
  steps: (FunnelStepResult & { event: string; dropped: number })[];
  groups: { value: string; label: string; steps: FunnelStepResult[] }[];
  timeToConvert: {
    customers: number;
    medianMs: number | null;
    buckets: { fromMs: number; toMs: number | null; customers: number }[];
  };
}

export interface FunnelCustomer {
  customerId: string;
  customerName: string | null;
  step: number;
  convertMs: number | null;
}

export interface PathsDefinition {
  event: string;
  direction: 'after' | 'before';
  steps: number;
  topPerStep: number;
}

export interface PathsReport {
  events: number;
  customers: number;
  nodes: { id: string; step: number; name: string; customers: number }[];
  links: { source: string; target: string; customers: number }[];
  ended: number[];
  transitions: { step: number; from: string; to: string; customers: number }[];
}

export interface EventCatalogue {
  events: { name: string; events: number }[];
  channels: string[];
  branches: { id: string; name: string }[];
}

const base = (ws: string) => `/workspaces/${ws}/analytics`;

export function useEventCatalogue(ws: string) {
  return useQuery({
    queryKey: ['event-catalogue', ws],
    queryFn: () => api.get<EventCatalogue>(`${base(ws)}/event-catalogue`),
  });
}

export function useFunnel(ws: string, definition: FunnelDefinition | null) {
  return useQuery({
    queryKey: ['funnel', ws, definition],
    enabled: definition !== null,
    queryFn: () => api.post<FunnelReport>(`${base(ws)}/funnels`, definition),
  });
}

export function useFunnelCustomers(
  ws: string,
  definition: FunnelDefinition | null,
  pick: { step: number; outcome: 'reached' | 'dropped'; group?: string } | null,
) {
  return useQuery({
    queryKey: ['funnel-customers', ws, definition, pick],
    enabled: definition !== null && pick !== null,
    queryFn: () =>
      api.post<{ total: number; items: FunnelCustomer[] }>(`${base(ws)}/funnels/customers`, {
        funnel: definition,
        ...pick,
        limit: 50,
      }),
  });
}

export function usePaths(ws: string, definition: PathsDefinition | null) {
  return useQuery({
    queryKey: ['paths', ws, definition],
    enabled: definition !== null,
    queryFn: () => api.post<PathsReport>(`${base(ws)}/paths`, definition),
  });
}

export const downloadFunnelCsv = (ws: string, definition: FunnelDefinition) =>
  downloadCsv(`${base(ws)}/funnels.csv`, definition, 'corong.csv');

export const downloadFunnelCustomersCsv = (
  ws: string,
  definition: FunnelDefinition,
  pick: { step: number; outcome: 'reached' | 'dropped'; group?: string },
) =>
  downloadCsv(
    `${base(ws)}/funnels/customers.csv`,
    { funnel: definition, ...pick },
    `corong-langkah-${pick.step}.csv`,
  );

export const downloadPathsCsv = (ws: string, definition: PathsDefinition) =>
  downloadCsv(`${base(ws)}/paths.csv`, definition, 'jalur.csv');
