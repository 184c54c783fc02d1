import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { useChange } from './settings.api.ts';

export interface Branch {
  id: string;
  name: string;
  address: string | null;
  timezone: string;
  currency: string;
  createdAt: number;
  archivedAt: number | null;
}

export interface BranchInput {
  name: string;
  address: string | null;
  timezone: string;
  currency: string;
}

const keyOf = (workspaceId: string) => ['branches', workspaceId] as const;

/** Every branch the caller may see, archived ones included (the page shows them apart). */
export function useBranches(workspaceId: string) {
  return useQuery({
    queryKey: [...keyOf(workspaceId), 'all'],
    queryFn: async () =>
      (await api.get<{ items: Branch[] }>(`/workspaces/${workspaceId}/branches?include=archived`)).items,
  });
}

export function useCreateBranch(workspaceId: string) {
  return useChange(
    (input: BranchInput) => api.post<Branch>(`/workspaces/${workspaceId}/branches`, input),
    [keyOf(workspaceId)],
  );
}

export function useUpdateBranch(workspaceId: string) {
  return useChange(
    ({ id, ...input }: BranchInput & { id: string }) =>
      api.patch<Branch>(`/workspaces/${workspaceId}/branches/${id}`, input),
    [keyOf(workspaceId)],
  );
}

/** Archives an outlet that closed, or reopens one. */
export function useArchiveBranch(workspaceId: string) {
  return useChange(
    ({ id, archive }: { id: string; archive: boolean }) =>
      api.post<Branch>(`/workspaces/${workspaceId}/branches/${id}/${archive ? 'archive' : 'restore'}`),
    [keyOf(workspaceId)],
  );
}
