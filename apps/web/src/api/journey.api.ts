import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export interface StageCount {
  key: string;
  label: { id: string; en: string };
  customers: number;
}

export interface Overview {
  rulesVersion: number;
  customers: number;
  stages: StageCount[];
  withoutStage: number;
  statuses: { status: string; customers: number }[];
}

export interface TransitionSummary {
  from: string;
  to: string;
  kind: 'stage' | 'status';
  items: { from: string | null; to: string; count: number }[];
}

export function useOverview(workspaceId: string) {
  return useQuery({
    queryKey: ['journey', workspaceId, 'overview'],
    queryFn: () => api.get<Overview>(`/workspaces/${workspaceId}/journey/overview`),
  });
}

/** Moves between stages in [from, to): instants as epoch ms. */
export function useTransitions(workspaceId: string, from: number, to: number) {
  const query = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  return useQuery({
    queryKey: ['journey', workspaceId, 'transitions', from, to],
    queryFn: () => api.get<TransitionSummary>(`/workspaces/${workspaceId}/journey/transitions?${query}`),
    // Keep the last chart while another period loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });
}
