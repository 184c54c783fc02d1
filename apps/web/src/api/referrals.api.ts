import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type ReferralReward =
  { type: 'points'; points: number } | { type: 'voucher'; promotionId: string } | null;

export interface ReferralProgram {
  enabled: boolean;
  referrerReward: ReferralReward;
  friendReward: ReferralReward;
  windowDays: number;
  minFirstOrder: number;
  cap: { count: number; periodDays: number } | null;
}

export type ReferralStatus = 'pending' | 'qualified' | 'rewarded' | 'cancelled';

export interface Referral {
  id: string;
  code: string;
  status: ReferralStatus;
  channel: string;
  referrer: { customerId: string; name: string | null } | null;
  affiliate: { id: string; name: string | null } | null;
  friend: { customerId: string; name: string | null };
  createdAt: number;
  qualifiedAt: number | null;
  rewardDueAt: number | null;
  rewardedAt: number | null;
  cancelledAt: number | null;
  capped: boolean;
}

export interface ReferralRefusal {
  id: string;
  code: string;
  reason: string;
  channel: string;
  referrerName: string | null;
  friend: { customerId: string; name: string | null } | null;
  at: number;
}

export interface ReferralResults {
  total: number;
  byStatus: Record<ReferralStatus, number>;
  conversionRate: number;
  settledConversionRate: number;
  rewards: { side: string; kind: string; granted: number; reversed: number; points: number }[];
  refusals: { reason: string; refusals: number }[];
  advocates: {
    customerId: string;
    name: string | null;
    code: string;
    referrals: number;
    converted: number;
  }[];
  daily: { day: string; made: number; converted: number }[];
}

export interface Affiliate {
  id: string;
  name: string;
  contact: string | null;
  code: string;
  commission: { type: 'percent'; rateBp: number } | { type: 'fixed'; amount: number };
  commissionDays: number;
  active: boolean;
}

export interface CustomerReferral {
  code: string;
  link: string;
  shareText: string;
  referredBy: Referral | null;
  referred: Referral[];
}

const base = (ws: string) => `/workspaces/${ws}`;

export const referralsCsvUrl = (ws: string, status: ReferralStatus | '') =>
  `/api/v1${base(ws)}/referrals/export${status ? `?status=${status}` : ''}`;
export const statementCsvUrl = (ws: string, affiliateId: string, month: string) =>
  `/api/v1${base(ws)}/affiliates/${affiliateId}/statement/export?month=${month}`;

export function useReferralProgram(ws: string) {
  return useQuery({
    queryKey: ['referrals', ws, 'program'],
    queryFn: () => api.get<ReferralProgram>(`${base(ws)}/referrals/program`),
  });
}

export function usePutReferralProgram(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (program: ReferralProgram) =>
      api.put<ReferralProgram>(`${base(ws)}/referrals/program`, program),
    onSuccess: () => client.invalidateQueries({ queryKey: ['referrals', ws] }),
  });
}

export function useReferrals(ws: string, status: ReferralStatus | '') {
  return useQuery({
    queryKey: ['referrals', ws, 'list', status],
    queryFn: async () =>
      (await api.get<{ items: Referral[] }>(`${base(ws)}/referrals${status ? `?status=${status}` : ''}`))
        .items,
  });
}

export function useReferralResults(ws: string, from: string) {
  return useQuery({
    queryKey: ['referrals', ws, 'results', from],
    queryFn: () => api.get<ReferralResults>(`${base(ws)}/referrals/results?from=${encodeURIComponent(from)}`),
  });
}

export function useReferralRefusals(ws: string) {
  return useQuery({
    queryKey: ['referrals', ws, 'refusals'],
    queryFn: async () =>
      (await api.get<{ items: ReferralRefusal[] }>(`${base(ws)}/referrals/refusals`)).items,
  });
}

export function useAffiliates(ws: string) {
  return useQuery({
    queryKey: ['referrals', ws, 'affiliates'],
    queryFn: async () => (await api.get<{ items: Affiliate[] }>(`${base(ws)}/affiliates`)).items,
  });
}

export function useCreateAffiliate(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<Affiliate, 'id' | 'active' | 'commissionDays'>) =>
      api.post<Affiliate>(`${base(ws)}/affiliates`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['referrals', ws, 'affiliates'] }),
  });
}

export function useSetAffiliateActive(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; active: boolean }) =>
      api.patch<Affiliate>(`${base(ws)}/affiliates/${input.id}`, { active: input.active }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['referrals', ws, 'affiliates'] }),
  });
}

export function useCustomerReferral(ws: string, customerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['referrals', ws, 'customer', customerId],
    queryFn: () => api.get<CustomerReferral>(`${base(ws)}/customers/${customerId}/referral`),
    enabled,
  });
}
