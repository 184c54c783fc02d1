import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { useChange } from './settings.api.ts';

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  timezone: string;
  currency: string;
  createdAt: number;
}

export function useWorkspaces() {
  return useQuery({
    queryKey: ['workspaces'],
    queryFn: async () => (await api.get<{ items: Workspace[] }>('/workspaces')).items,
  });
}

export interface WorkspaceChanges {
  name?: string;
  timezone?: string;
  currency?: string;
}

/** Renames the workspace or moves it to another zone or currency; the switcher and every page follow. */
export function useUpdateWorkspace(workspaceId: string) {
  return useChange(
    (changes: WorkspaceChanges) => api.patch<Workspace>(`/workspaces/${workspaceId}`, changes),
    [['workspaces']],
  );
}
