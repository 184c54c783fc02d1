import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export interface StageCount {
  key: string;
  label: { id: string; en: string };
  customers: number;
}

/** Which customers the journey pages show: the channel that first brought them in, and their branch. */
export interface JourneyFilter {
  channel?: string;
  branch?: string;
}

/** The filter the server applied (a manager's branches even when he chose none). */
export interface AppliedFilter {
  channel: string | null;
  branches: string[] | null;
}

export interface Overview {
  rulesVersion: number;
  customers: number;
  stages: StageCount[];
  withoutStage: number;
  statuses: { status: string; customers: number }[];
  filter: AppliedFilter;
}

export interface TransitionSummary {
  from: string;
  to: string;
  kind: 'stage' | 'status';
  items: { from: string | null; to: string; count: number }[];
}

/** A period of whole days in the workspace's zone, `YYYY-MM-DD`, both included. */
export interface Days {
  fromDay: string;
  toDay: string;
}

export interface FunnelStage {
  key: string;
  label: { id: string; en: string };
  entered: number;
  movedOn: number;
  movedOnShare: number | null;
  left: number;
  medianToMoveOnMs: number | null;
  medianInStageMs: number | null;
  next: { stage: string; count: number }[];
}

export interface Funnel {
  from: string;
  to: string;
  stages: FunnelStage[];
  filter: AppliedFilter;
}

export interface Trend {
  from: string;
  to: string;
  stages: { key: string; label: { id: string; en: string } }[];
  weeks: { week: string; start: string; partial: boolean; entries: number[] }[];
  filter: AppliedFilter;
}

const journeyPath = (workspaceId: string, what: string, query: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
  const text = params.toString();
  return `/workspaces/${workspaceId}/journey/${what}${text ? `?${text}` : ''}`;
};

export function useOverview(workspaceId: string, filter: JourneyFilter = {}) {
  return useQuery({
    queryKey: ['journey', workspaceId, 'overview', filter.channel, filter.branch],
    queryFn: () => api.get<Overview>(journeyPath(workspaceId, 'overview', { ...filter })),
    placeholderData: keepPreviousData,
  });
}

/** Moves between stages in [from, to): instants as epoch ms. */
export function useTransitions(workspaceId: string, from: number, to: number, filter: JourneyFilter = {}) {
  const query = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), ...filter };
  return useQuery({
    queryKey: ['journey', workspaceId, 'transitions', from, to, filter.channel, filter.branch],
    queryFn: () => api.get<TransitionSummary>(journeyPath(workspaceId, 'transitions', query)),
    // Keep the last chart while another period loads, so the page does not jump.
    placeholderData: keepPreviousData,
  });
}

/** The stage funnel of the days: entries, the share that moved on by now, the median time it took. */
export function useFunnel(workspaceId: string, days: Days, filter: JourneyFilter = {}) {
  const query = { from: days.fromDay, to: days.toDay, ...filter };
  return useQuery({
    queryKey: ['journey', workspaceId, 'funnel', days.fromDay, days.toDay, filter.channel, filter.branch],
    queryFn: () => api.get<Funnel>(journeyPath(workspaceId, 'funnel', query)),
    placeholderData: keepPreviousData,
  });
}

/** Entries into each stage per ISO week of the days. */
export function useTrend(workspaceId: string, days: Days, filter: JourneyFilter = {}) {
  const query = { from: days.fromDay, to: days.toDay, ...filter };
  return useQuery({
    queryKey: ['journey', workspaceId, 'trend', days.fromDay, days.toDay, filter.channel, filter.branch],
    queryFn: () => api.get<Trend>(journeyPath(workspaceId, 'trend', query)),
    placeholderData: keepPreviousData,
  });
}
