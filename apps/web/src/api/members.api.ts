import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { useChange } from './settings.api.ts';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  branchIds: string[];
  createdAt: number;
}

export interface Invitation {
  id: string;
  email: string;
  role: string;
  branchIds: string[];
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
}

export interface RoleInput {
  role: string;
  branchIds: string[];
}

/** The answer to an invitation: the one-time link to hand over (Jejak sends no email yet). */
export interface CreatedInvitation extends Invitation {
  token: string;
  link: string;
}

const membersKey = (workspaceId: string) => ['members', workspaceId] as const;
const invitationsKey = (workspaceId: string) => ['invitations', workspaceId] as const;

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: membersKey(workspaceId),
    queryFn: async () => (await api.get<{ items: Member[] }>(`/workspaces/${workspaceId}/members`)).items,
  });
}

export function useInvitations(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(workspaceId),
    queryFn: async () =>
      (await api.get<{ items: Invitation[] }>(`/workspaces/${workspaceId}/invitations`)).items,
    enabled,
  });
}

export function useInvite(workspaceId: string) {
  return useChange(
    (input: RoleInput & { email: string }) =>
      api.post<CreatedInvitation>(`/workspaces/${workspaceId}/invitations`, input),
    [invitationsKey(workspaceId)],
  );
}

export function useCancelInvitation(workspaceId: string) {
  return useChange(
    (id: string) => api.delete(`/workspaces/${workspaceId}/invitations/${id}`),
    [invitationsKey(workspaceId)],
  );
}

export function useChangeRole(workspaceId: string) {
  return useChange(
    ({ userId, ...input }: RoleInput & { userId: string }) =>
      api.put<void>(`/workspaces/${workspaceId}/members/${userId}`, input),
    [membersKey(workspaceId), ['auth', 'me']],
  );
}

export function useRemoveMember(workspaceId: string) {
  return useChange(
    (userId: string) => api.delete(`/workspaces/${workspaceId}/members/${userId}`),
    [membersKey(workspaceId), ['auth', 'me']],
  );
}
