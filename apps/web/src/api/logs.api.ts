import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client.ts';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface QuarantinedEvent {
  id: number;
  receivedAt: number;
  endpoint: string;
  batchIndex: number | null;
  messageId: string | null;
  reason: string;
  payload: unknown;
}

export interface AuditEntry {
  id: number;
  at: number;
  actorKind: 'user' | 'key';
  actorId: string;
  actorLabel: string;
  role: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  details: unknown;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
}

const PAGE_SIZE = 25;

/** A newest-first list read a page at a time: `fetchNextPage` appends the next one. */
function usePaged<T>(key: readonly unknown[], path: string, query: Record<string, string> = {}) {
  return useInfiniteQuery({
    queryKey: [...key, query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ ...query, limit: String(PAGE_SIZE) });
      if (pageParam) params.set('cursor', pageParam);
      return api.get<Page<T>>(`${path}?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useQuarantine(workspaceId: string) {
  return usePaged<QuarantinedEvent>(['quarantine', workspaceId], `/workspaces/${workspaceId}/quarantine`);
}

export function useAuditLog(workspaceId: string, filter: AuditFilter) {
  const query: Record<string, string> = {};
  if (filter.actorId) query.actorId = filter.actorId;
  if (filter.action) query.action = filter.action;
  return usePaged<AuditEntry>(['audit', workspaceId], `/workspaces/${workspaceId}/audit`, query);
}
