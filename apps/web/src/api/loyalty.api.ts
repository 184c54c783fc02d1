import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export interface TierLevel {
  key: string;
  name: string;
  threshold: number;
  multiplierBp: number;
}

export interface LoyaltyProgram {
  enabled: boolean;
  rupiahPerPoint: number;
  minOrder: number;
  productPoints: Record<string, number>;
  categoryPoints: Record<string, number>;
  pointValue: number;
  minRedeem: number;
  maxRedeemPercent: number;
  expiryDays: number | null;
  earnOnRedeemed: boolean;
  allowNegative: boolean;
  signupBonus: number;
  birthdayBonus: number;
  pendingDays: number;
  tiers: { basis: 'points' | 'spend'; periodDays: number; holdDays: number; levels: TierLevel[] };
}

/** A customer's points as the till and the dashboard read them. */
export interface LoyaltyStanding {
  customerId: string;
  enabled: boolean;
  /** The ledger sum: spendable and pending points, less any debt. */
  balance: number;
  spendable: number;
  /** Points earned inside the refund window, not yet spendable. */
  pending: number;
  pointValue: number;
  worth: number;
  tier: TierLevel | null;
  next: { tier: TierLevel; missing: number } | null;
  qualifying: number;
  debt: number;
  credits: {
    entryId: string;
    kind: string;
    points: number;
    remaining: number;
    at: number;
    expiresAt: number | null;
    unlocksAt: number | null;
  }[];
}

/** Points figures of a period or a month. */
export interface LoyaltyFigures {
  issued: number;
  earned: number;
  bonuses: number;
  adjusted: number;
  redeemed: number;
  expired: number;
  cancelled: number;
  upgraded: number;
  downgraded: number;
}

export interface LoyaltyMonth extends LoyaltyFigures {
  /** YYYY-MM in the workspace's zone. */
  month: string;
}

export interface LoyaltyResults extends LoyaltyFigures {
  from: number;
  to: number;
  months: LoyaltyMonth[];
  members: number;
  outstanding: number;
  pointValue: number;
  liability: number;
  tiers: { key: string | null; name: string | null; customers: number }[];
}

const ws = (workspaceId: string) => `/workspaces/${workspaceId}`;

/** At the till: the chosen customer's points, read through the cashier's own branch. */
export function useCounterPoints(workspaceId: string, branchId: string, customerId: string | null) {
  return useQuery({
    queryKey: ['loyalty', workspaceId, 'customer', customerId],
    queryFn: () =>
      api.get<LoyaltyStanding>(`${ws(workspaceId)}/branches/${branchId}/loyalty/customers/${customerId}`),
    enabled: customerId !== null,
    staleTime: 0,
  });
}

export function useLoyaltyProgram(workspaceId: string) {
  return useQuery({
    queryKey: ['loyalty', workspaceId, 'program'],
    queryFn: () => api.get<LoyaltyProgram>(`${ws(workspaceId)}/loyalty/program`),
  });
}

export function useSaveLoyaltyProgram(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (program: LoyaltyProgram) =>
      api.put<LoyaltyProgram>(`${ws(workspaceId)}/loyalty/program`, program),
    onSuccess: (saved) => client.setQueryData(['loyalty', workspaceId, 'program'], saved),
  });
}

export function useLoyaltyResults(workspaceId: string, days: number) {
  return useQuery({
    queryKey: ['loyalty', workspaceId, 'results', days],
    queryFn: () => {
      const to = new Date();
      const from = new Date(to.getTime() - days * 86_400_000);
      return api.get<LoyaltyResults>(
        `${ws(workspaceId)}/loyalty/results?from=${from.toISOString()}&to=${to.toISOString()}`,
      );
    },
  });
}

export type LoyaltyEntryKind = 'earn' | 'bonus' | 'adjust' | 'restore' | 'redeem' | 'expire' | 'cancel';

/** One line of a customer's ledger. */
export interface LoyaltyEntry {
  id: string;
  kind: LoyaltyEntryKind;
  points: number;
  remaining: number;
  expiresAt: number | null;
  orderId: string | null;
  refundId: string | null;
  reason: string | null;
  actorName: string;
  balanceAfter: number;
  at: number;
}

const customerKey = (workspaceId: string, customerId: string) => [
  'loyalty',
  workspaceId,
  'customer',
  customerId,
];

/** A customer's standing as a manager reads it on the loyalty page. */
export function useLoyaltyStanding(workspaceId: string, customerId: string | null) {
  return useQuery({
    queryKey: [...customerKey(workspaceId, customerId ?? ''), 'standing'],
    queryFn: () => api.get<LoyaltyStanding>(`${ws(workspaceId)}/loyalty/customers/${customerId}`),
    enabled: customerId !== null,
  });
}

export function useLoyaltyEntries(workspaceId: string, customerId: string | null) {
  return useQuery({
    queryKey: [...customerKey(workspaceId, customerId ?? ''), 'entries'],
    queryFn: () =>
      api.get<{ items: LoyaltyEntry[] }>(
        `${ws(workspaceId)}/loyalty/customers/${customerId}/entries?limit=200`,
      ),
    enabled: customerId !== null,
  });
}

export function useAdjustPoints(workspaceId: string, customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { points: number; reason: string; idempotencyKey: string }) =>
      api.post<LoyaltyEntry>(`${ws(workspaceId)}/loyalty/customers/${customerId}/adjustments`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['loyalty', workspaceId] }),
  });
}
