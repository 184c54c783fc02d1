import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdviceKey, FeedbackMeasure, Lever } from '@jejak/core';
import { api } from './client.ts';
import type { JourneyFilter } from './journey.api.ts';

export interface MapAdvice {
  key: AdviceKey;
  lever: Lever;
  facts: Record<string, string | number>;
}

export interface MapMeasure {
  measure: FeedbackMeasure;
  answers: number;
  average: number;
  positive: number;
  negative: number;
}

export interface MapStage {
  key: string;
  label: { id: string; en: string };
  next: string | null;
  now: { customers: number };
  entered: { count: number; perWeek: number };
  movedOn: { count: number; share: number } | null;
  timeInStage: { medianMs: number } | null;
  touchpoints: { name: string | null; entries: number }[];
  channels: { channel: string | null; entries: number }[];
  content: { views: number; customers: number };
  sentiment: {
    signals: number;
    positive: number;
    neutral: number;
    negative: number;
    net: number | null;
    measures: MapMeasure[];
  };
  pains: {
    dropOff: { next: string; lost: number; share: number } | null;
    stuck: { customers: number; longerThanMs: number } | null;
    atRisk: number;
    negatives: {
      total: number;
      touchpoints: { name: string; count: number }[];
      branches: { branchId: string | null; count: number }[];
    };
  };
  advice: MapAdvice[];
}

export interface JourneyMap {
  from: string;
  to: string;
  days: number;
  timeZone: string;
  filter: { channel: string | null; branches: string[] | null };
  customers: number;
  signals: number;
  branches: { id: string; name: string }[];
  stages: MapStage[];
}

/**
 * The journey map of whole days `fromDay`..`toDay` (YYYY-MM-DD, the workspace's zone), for the
 * customers of a first channel and branch when a filter names them.
 */
export function useJourneyMap(workspaceId: string, fromDay: string, toDay: string, filter: JourneyFilter = {}) {
  const query = new URLSearchParams({ from: fromDay, to: toDay, ...filter });
  return useQuery({
    queryKey: ['journey', workspaceId, 'map', fromDay, toDay, filter.channel, filter.branch],
    queryFn: () => api.get<JourneyMap>(`/workspaces/${workspaceId}/journey/map?${query}`),
    placeholderData: keepPreviousData,
  });
}
