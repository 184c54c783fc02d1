import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type Reward =
  | { type: 'percent'; percent: number; maxDiscount: number | null }
  | { type: 'amount'; amount: number }
  | { type: 'free_item'; productId: string; quantity: number };

export interface Promotion {
  id: string;
  name: string;
  trigger: 'code' | 'automatic';
  active: boolean;
  reward: Reward;
  minSpend: number;
  startsAt: number | null;
  endsAt: number | null;
  days: number[] | null;
  hours: { from: string; to: string } | null;
  totalLimit: number | null;
  perCustomerLimit: number | null;
  branchIds: string[] | null;
  stacking: 'exclusive' | 'stackable';
  uses: number;
  codes: number;
  createdAt: number;
  archivedAt: number | null;
}

export interface PromotionInput {
  name: string;
  trigger: 'code' | 'automatic';
  reward: Reward;
  minSpend?: number;
  startsAt?: number | null;
  endsAt?: number | null;
  days?: number[] | null;
  hours?: { from: string; to: string } | null;
  totalLimit?: number | null;
  perCustomerLimit?: number | null;
  branchIds?: string[] | null;
  productIds?: string[] | null;
  categories?: string[] | null;
  segments?: string[] | null;
  tiers?: string[] | null;
  stacking?: 'exclusive' | 'stackable';
}

export interface PromotionResult {
  promotionId: string;
  name: string;
  redemptions: number;
  reversed: number;
  discount: number;
  revenue: number;
  customers: number;
}

export interface VoucherCode {
  id: string;
  code: string;
  customerId: string | null;
  maxUses: number | null;
  uses: number;
  batchId: string | null;
}

export interface Quote {
  applied: { promotionId: string; name: string; code: string | null; discount: number }[];
  refused: { code: string; name: string | null; reason: { code: string; message: string } }[];
  discount: number;
  lineCuts: number[];
}

export interface Available {
  promotionId: string;
  name: string;
  code: string | null;
  reward: Reward;
  minSpend: number;
  endsAt: number | null;
  usesLeft: number | null;
}

const ws = (workspaceId: string) => `/workspaces/${workspaceId}`;

export function usePromotions(workspaceId: string) {
  return useQuery({
    queryKey: ['promotions', workspaceId],
    queryFn: async () => (await api.get<{ items: Promotion[] }>(`${ws(workspaceId)}/promotions`)).items,
  });
}

export function usePromotionResults(workspaceId: string) {
  return useQuery({
    queryKey: ['promotions', workspaceId, 'results'],
    queryFn: async () =>
      (await api.get<{ items: PromotionResult[] }>(`${ws(workspaceId)}/promotions/results`)).items,
  });
}

export function usePromotionCodes(workspaceId: string, promotionId: string | null) {
  return useQuery({
    queryKey: ['promotions', workspaceId, 'codes', promotionId],
    queryFn: async () =>
      (await api.get<{ items: VoucherCode[] }>(`${ws(workspaceId)}/promotions/${promotionId}/codes`)).items,
    enabled: promotionId !== null,
  });
}

export function useCreatePromotion(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PromotionInput) => api.post<Promotion>(`${ws(workspaceId)}/promotions`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['promotions', workspaceId] }),
  });
}

export function useSetPromotionActive(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.patch<Promotion>(`${ws(workspaceId)}/promotions/${id}`, { active }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['promotions', workspaceId] }),
  });
}

export function useAddCodes(workspaceId: string, promotionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string } | { count: number; prefix: string }) =>
      'code' in input
        ? api.post(`${ws(workspaceId)}/promotions/${promotionId}/codes`, input)
        : api.post(`${ws(workspaceId)}/promotions/${promotionId}/batches`, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['promotions', workspaceId] }),
  });
}

export const codesCsvUrl = (workspaceId: string, promotionId: string) =>
  `/api/v1${ws(workspaceId)}/promotions/${promotionId}/codes/export`;

/** What the cart gets from promotions and the codes entered, asked again whenever the cart changes. */
export function usePromotionQuote(
  workspaceId: string,
  branchId: string,
  input: {
    codes: string[];
    customerId: string | null;
    lines: { productId: string; quantity: number }[];
    lang: string;
  },
) {
  return useQuery({
    queryKey: ['promotion-quote', workspaceId, branchId, input],
    queryFn: () => api.post<Quote>(`${ws(workspaceId)}/branches/${branchId}/promotions/quote`, input),
    enabled: input.lines.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useAvailablePromotions(workspaceId: string, branchId: string, customerId: string | null) {
  return useQuery({
    queryKey: ['promotions-available', workspaceId, branchId, customerId],
    queryFn: async () =>
      (
        await api.get<{ items: Available[] }>(
          `${ws(workspaceId)}/branches/${branchId}/promotions/available${customerId ? `?customerId=${customerId}` : ''}`,
        )
      ).items,
  });
}
