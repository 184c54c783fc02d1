import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export const CONTENT_KINDS = [
  'comparison',
  'price_list',
  'case_study',
  'testimonial',
  'demo_video',
  'sales_deck',
] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export interface ContentItem {
  id: string;
  kind: ContentKind;
  title: string;
  stage: string;
  url: string;
  generalPath: string;
  archivedAt: number | null;
  createdAt: number;
}

export interface ContentViews {
  byItem: { itemId: string; views: number; customers: number }[];
  byStage: { stage: string; views: number; customers: number }[];
  byCustomer: { customerId: string; customerName: string | null; views: number; lastAt: number }[];
}

const base = (ws: string) => `/workspaces/${ws}/content`;

export function useContent(ws: string) {
  return useQuery({
    queryKey: ['content', ws, 'list'],
    queryFn: async () => (await api.get<{ items: ContentItem[] }>(base(ws))).items,
  });
}

export function useContentViews(ws: string) {
  return useQuery({
    queryKey: ['content', ws, 'views'],
    queryFn: () => api.get<ContentViews>(`${base(ws)}/views`),
  });
}

export function useAddContent(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: ContentKind; title: string; stage: string; url: string }) =>
      api.post<ContentItem>(base(ws), input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['content', ws] }),
  });
}

export function useArchiveContent(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      api.patch<ContentItem>(`${base(ws)}/${id}`, { archived }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['content', ws] }),
  });
}

export function useContentLink(ws: string) {
  return useMutation({
    mutationFn: ({ id, customerId }: { id: string; customerId: string }) =>
      api.post<{ path: string }>(`${base(ws)}/${id}/links`, { customerId }),
  });
}
