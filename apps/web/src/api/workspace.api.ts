import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

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
