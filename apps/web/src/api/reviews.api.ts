import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type ReviewStatus = 'pending' | 'approved' | 'hidden';

export interface Review {
  id: string;
  productId: string;
  productName: string | null;
  customerId: string | null;
  source: 'link' | 'staff';
  verified: boolean;
  rating: number;
  body: string;
  authorName: string;
  status: ReviewStatus;
  reply: string | null;
  repliedAt: number | null;
  moderatedAt: number | null;
  createdAt: number;
}

export interface RatingSummary {
  productId: string;
  productName: string | null;
  count: number;
  average: number | null;
  distribution: number[];
}

const base = (ws: string) => `/workspaces/${ws}/reviews`;

export function useReviews(ws: string, status: ReviewStatus | '') {
  return useQuery({
    queryKey: ['reviews', ws, 'list', status],
    queryFn: async () =>
      (await api.get<{ items: Review[] }>(`${base(ws)}?limit=100${status ? `&status=${status}` : ''}`)).items,
  });
}

export function useRatings(ws: string) {
  return useQuery({
    queryKey: ['reviews', ws, 'ratings'],
    queryFn: async () => (await api.get<{ items: RatingSummary[] }>(`${base(ws)}/ratings`)).items,
  });
}

export function useWidgetToken(ws: string) {
  return useQuery({
    queryKey: ['reviews', ws, 'widget'],
    queryFn: async () => (await api.get<{ token: string }>(`${base(ws)}/widget`)).token,
    staleTime: Infinity,
  });
}

export function useModerate(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: { id: string; status?: 'approved' | 'hidden'; reply?: string | null }) =>
      api.patch<Review>(`${base(ws)}/${id}`, change),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reviews', ws] }),
  });
}

export function useEnterReview(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { productId: string; rating: number; body: string; authorName: string }) =>
      api.post<Review>(base(ws), input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reviews', ws] }),
  });
}

export function useReviewLink(ws: string) {
  return useMutation({
    mutationFn: (input: { orderId: string; productId: string }) =>
      api.post<{ token: string; path: string }>(`${base(ws)}/links`, input),
  });
}

/* The public review page: no session, no cookie, only the link's token. */

export interface PublicReviewForm {
  business: string;
  productName: string;
  reviewed: boolean;
}

export class PublicReviewError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

async function publicCall<T>(method: 'GET' | 'POST', token: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1/public/reviews/${encodeURIComponent(token)}`, {
    method,
    credentials: 'omit',
    headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const parsed = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
  if (!response.ok) throw new PublicReviewError(parsed.error?.code ?? 'unknown');
  return parsed as T;
}

export const openReview = (token: string) => publicCall<PublicReviewForm>('GET', token);
export const submitReview = (token: string, body: { rating: number; body: string; authorName: string }) =>
  publicCall<{ ok: boolean }>('POST', token, body);
