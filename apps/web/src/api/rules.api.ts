import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JourneyRules } from '@jejak/core';
import { api } from './client.ts';

export type { JourneyRules };

export interface RulesInForce {
  version: number;
  isDefault: boolean;
  rules: JourneyRules;
}

export interface RuleProblem {
  path: string;
  message: string;
  code: string;
  params?: Record<string, string | number>;
}

interface NowAfter {
  now: number;
  after: number;
}

export interface RulesPreview {
  rulesVersion: number;
  sample: { customers: number; totalCustomers: number; sampled: boolean };
  stages: (NowAfter & {
    key: string;
    label: { id: string; en: string };
    in: 'both' | 'current' | 'proposed';
  })[];
  withoutStage: NowAfter;
  statuses: (NowAfter & { status: string })[];
  moves: { from: string | null; to: string | null; customers: number }[];
  changed: number;
  ms: number;
}

export interface RulesSaved {
  version: number;
  rebuilt: { customers: number; events: number; transitions: number; ms: number };
}

const rulesKey = (workspaceId: string) => ['journey', workspaceId, 'rules'] as const;

export function useRules(workspaceId: string) {
  return useQuery({
    queryKey: rulesKey(workspaceId),
    queryFn: () => api.get<RulesInForce>(`/workspaces/${workspaceId}/journey/rules`),
    staleTime: Infinity,
  });
}

export function useValidateRules(workspaceId: string) {
  return useMutation({
    mutationFn: (rules: unknown) =>
      api.post<{ valid: boolean; errors: RuleProblem[] }>(
        `/workspaces/${workspaceId}/journey/rules/validate`,
        {
          rules,
        },
      ),
  });
}

export function usePreviewRules(workspaceId: string) {
  return useMutation({
    mutationFn: (rules: unknown) =>
      api.post<RulesPreview>(`/workspaces/${workspaceId}/journey/rules/preview`, { rules }),
  });
}

/** Saving recomputes every customer: every journey number of the workspace is read again. */
export function useSaveRules(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: unknown) =>
      api.put<RulesSaved>(`/workspaces/${workspaceId}/journey/rules`, { rules }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['journey', workspaceId] }),
  });
}
