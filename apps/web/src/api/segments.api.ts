import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SegmentRules } from '@jejak/core/segments';
import type { NegativeDimension, NegativeKind } from '@jejak/core/negative-experience';
import { api } from './client.ts';

export interface Segment {
  id: string;
  name: string;
  description: string;
  rules: SegmentRules;
  members: number;
  createdAt: number;
  updatedAt: number;
}

export interface SegmentMember {
  customerId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  enteredAt: number;
}

export interface Preview {
  members: number;
  sample: { id: string; name: string | null }[];
}

const base = (ws: string) => `/workspaces/${ws}/segments`;

export function segmentCsvUrl(ws: string, id: string): string {
  return `/api/v1${base(ws)}/${id}/members.csv`;
}

export function useSegments(ws: string) {
  return useQuery({
    queryKey: ['segments', ws],
    queryFn: async () => (await api.get<{ items: Segment[] }>(base(ws))).items,
  });
}

export function useSegmentTrend(ws: string, days: number) {
  return useQuery({
    queryKey: ['segments', ws, 'trend', days],
    queryFn: async () =>
      (
        await api.get<{ items: { segmentId: string; day: string; members: number }[] }>(
          `${base(ws)}/trend?days=${days}`,
        )
      ).items,
  });
}

export function useSegmentMembers(ws: string, id: string | undefined, offset: number) {
  return useQuery({
    queryKey: ['segments', ws, 'members', id, offset],
    enabled: id !== undefined,
    queryFn: () =>
      api.get<{ total: number; items: SegmentMember[] }>(
        `${base(ws)}/${id}/members?limit=50&offset=${offset}`,
      ),
  });
}

export function useCustomerSegments(ws: string, customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['segments', ws, 'customer', customerId],
    enabled,
    queryFn: async () =>
      (
        await api.get<{ items: { id: string; name: string; enteredAt: number }[] }>(
          `/workspaces/${ws}/customers/${customerId}/segments`,
        )
      ).items,
  });
}

export function usePreviewSegment(ws: string) {
  return useMutation({
    mutationFn: (rules: unknown) => api.post<Preview>(`${base(ws)}/preview`, { rules }),
  });
}

export function useSaveSegment(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; name: string; description: string; rules: unknown }) =>
      input.id
        ? api.put<Segment>(`${base(ws)}/${input.id}`, {
            name: input.name,
            description: input.description,
            rules: input.rules,
          })
        : api.post<Segment>(base(ws), {
            name: input.name,
            description: input.description,
            rules: input.rules,
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['segments', ws] }),
  });
}

export function useDeleteSegment(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`${base(ws)}/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['segments', ws] }),
  });
}

export interface NegativeReport {
  weeks: string[];
  total: number;
  series: { dimension: NegativeDimension; key: string; counts: number[]; total: number }[];
  labels: Record<string, string>;
}

export interface RepeatedCustomer {
  customerId: string;
  customerName: string | null;
  count: number;
  lastAt: number;
  kinds: NegativeKind[];
}

const negative = (ws: string) => `/workspaces/${ws}/analytics/negative-experiences`;

export function negativeCsvUrl(ws: string, weeks: number): string {
  return `/api/v1${negative(ws)}.csv?weeks=${weeks}`;
}

export function repeatedCsvUrl(ws: string, days: number, min: number): string {
  return `/api/v1${negative(ws)}/customers.csv?days=${days}&min=${min}`;
}

export function useNegativeReport(ws: string, weeks: number) {
  return useQuery({
    queryKey: ['negative-experiences', ws, weeks],
    queryFn: () => api.get<NegativeReport>(`${negative(ws)}?weeks=${weeks}`),
  });
}

export function useRepeatedNegatives(ws: string, days: number, min: number) {
  return useQuery({
    queryKey: ['negative-experiences', ws, 'customers', days, min],
    queryFn: async () =>
      (await api.get<{ items: RepeatedCustomer[] }>(`${negative(ws)}/customers?days=${days}&min=${min}`))
        .items,
  });
}
