import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from './client.ts';

export interface CustomerListItem {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  stage: string | null;
  status: string | null;
  /** What the customer's orders were worth, in the workspace currency's minor unit. */
  value: number;
  firstSeenAt: number;
  lastSeenAt: number;
}

export interface CustomerFilter {
  search?: string;
  stage?: string;
  status?: string;
}

export type TimelineEntry =
  | {
      kind: 'event';
      at: number;
      messageId: string;
      type: string;
      name: string;
      channel: string;
      properties: Record<string, unknown>;
      campaign: Record<string, string> | null;
    }
  | TransitionEntry;

export interface TransitionEntry {
  kind: 'transition';
  at: number;
  transition: 'stage' | 'status';
  from: string | null;
  to: string;
  cause: string;
  causeName: string | null;
}

export interface CustomerDetail {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  traits: Record<string, unknown>;
  firstSeenAt: number;
  lastSeenAt: number;
  mergedInto: string | null;
  value: number;
  firstTouch: { at: number; name: string; channel: string; campaign: Record<string, string> | null } | null;
  identityKeys: { kind: string; value: string }[];
  journey: {
    stage: string | null;
    stageEnteredAt: number | null;
    status: string;
    statusSince: number | null;
    risk: 'none' | 'raised' | 'high';
    orderCount: number;
  } | null;
  transitions: TransitionEntry[];
}

export interface Merge {
  id: string;
  survivorId: string;
  mergedId: string;
  keys: { kind: string; value: string }[];
  causeMessageId: string | null;
  createdAt: number;
  undoneAt: number | null;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const PAGE_SIZE = 25;

/** Every query about a workspace's customers starts with this key, so a merge refreshes them all. */
const customersKey = (workspaceId: string) => ['customers', workspaceId] as const;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The list, most recently active first, a page at a time (“show more” loads the next). */
export function useCustomers(
  workspaceId: string,
  filter: CustomerFilter,
  options: { pageSize?: number; enabled?: boolean } = {},
) {
  const { pageSize = PAGE_SIZE, enabled = true } = options;
  return useInfiniteQuery({
    enabled,
    queryKey: [...customersKey(workspaceId), 'list', filter, pageSize],
    queryFn: ({ pageParam }) =>
      api.get<Page<CustomerListItem>>(
        `/workspaces/${workspaceId}/customers${query({ ...filter, limit: pageSize, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep the rows on screen while the next search loads, so typing does not flash an empty table.
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(workspaceId: string, customerId: string) {
  return useQuery({
    queryKey: [...customersKey(workspaceId), 'detail', customerId],
    // The timeline has its own pages (useTimeline): the customer alone is asked for here.
    queryFn: () =>
      api.get<CustomerDetail>(`/workspaces/${workspaceId}/customers/${customerId}?timelineLimit=1`),
  });
}

export function useTimeline(workspaceId: string, customerId: string, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...customersKey(workspaceId), 'timeline', customerId, pageSize],
    queryFn: ({ pageParam }) =>
      api.get<Page<TimelineEntry>>(
        `/workspaces/${workspaceId}/customers/${customerId}/timeline${query({ limit: pageSize, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The merges a customer took part in, on either side, newest first. */
export function useMerges(workspaceId: string, customerId: string) {
  return useQuery({
    queryKey: [...customersKey(workspaceId), 'merges', customerId],
    queryFn: async () =>
      (await api.get<Page<Merge>>(`/workspaces/${workspaceId}/merges${query({ customerId, limit: 100 })}`))
        .items,
  });
}

/** Merges `mergedId` into `survivorId`; every customer query of the workspace is refreshed after. */
export function useMergeCustomers(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { survivorId: string; mergedId: string }) =>
      api.post<Merge>(`/workspaces/${workspaceId}/merges`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: customersKey(workspaceId) }),
  });
}

export function useUndoMerge(workspaceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => api.post<Merge>(`/workspaces/${workspaceId}/merges/${mergeId}/undo`),
    onSuccess: () => client.invalidateQueries({ queryKey: customersKey(workspaceId) }),
  });
}
