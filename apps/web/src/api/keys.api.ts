import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { useChange } from './settings.api.ts';

export type KeyKind = 'write' | 'secret';

export interface ApiKey {
  id: string;
  workspaceId: string | null;
  kind: KeyKind;
  name: string;
  prefix: string;
  defaultChannel: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
  scopes: string[];
}

export interface NewKey {
  kind: KeyKind;
  name: string;
  scopes?: string[];
  defaultChannel?: string;
}

/** The answer to creating a key: the whole key, shown this once. */
export interface CreatedKey extends ApiKey {
  key: string;
}

const keyOf = (workspaceId: string) => ['keys', workspaceId] as const;

export function useKeys(workspaceId: string) {
  return useQuery({
    queryKey: keyOf(workspaceId),
    queryFn: async () => (await api.get<{ items: ApiKey[] }>(`/workspaces/${workspaceId}/keys`)).items,
  });
}

export function useCreateKey(workspaceId: string) {
  return useChange(
    (input: NewKey) => api.post<CreatedKey>(`/workspaces/${workspaceId}/keys`, input),
    [keyOf(workspaceId)],
  );
}

export function useRevokeKey(workspaceId: string) {
  return useChange((id: string) => api.delete(`/workspaces/${workspaceId}/keys/${id}`), [keyOf(workspaceId)]);
}
