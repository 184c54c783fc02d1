import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, rememberCsrfToken } from './client.ts';

export interface Membership {
  workspaceId: string;
  role: string;
  branchIds: string[] | null;
}

export interface Me {
  user: { id: string; email: string; name: string };
  memberships: Membership[];
  sessionExpiresAt: number;
}

interface SignedIn extends Me {
  csrfToken: string;
}

export interface SetupInput {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
}

export const meKey = ['auth', 'me'] as const;
const setupKey = ['setup'] as const;

export function useSetupState() {
  return useQuery({ queryKey: setupKey, queryFn: () => api.get<{ ownerExists: boolean }>('/setup') });
}

/** The signed-in person, or null when nobody is (the API answers 401). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api.get<Me>('/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
}

/** After sign-in the answer is the new `me`: stored as such, so no second request is needed. */
function useSignIn<I>(call: (input: I) => Promise<SignedIn>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: ({ csrfToken, ...me }) => {
      rememberCsrfToken(csrfToken);
      client.clear();
      client.setQueryData(meKey, me);
      client.setQueryData(setupKey, { ownerExists: true });
    },
  });
}

export function useLogin() {
  return useSignIn((input: { email: string; password: string }) => api.post<SignedIn>('/auth/login', input));
}

export function useSetup() {
  return useSignIn((input: SetupInput) => api.post<SignedIn>('/setup', input));
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      rememberCsrfToken(undefined);
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}

/** What an invitation link offers, read before joining (POST: the token stays out of logs). */
export interface InvitationPreview {
  workspaceId: string;
  workspaceName: string;
  workspaceTimezone: string;
  email: string;
  role: string;
  branchNames: string[];
  accountExists: boolean;
  expiresAt: number;
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.post<InvitationPreview>('/invitations/inspect', { token }),
    enabled: token !== '',
    retry: false,
  });
}

export function useAcceptInvitation() {
  return useSignIn((input: { token: string; name?: string; password: string }) =>
    api.post<SignedIn>('/invitations/accept', input),
  );
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; newPassword: string }) =>
      api.post<void>('/auth/password-reset', input),
  });
}

/** The one-time token of a link the CLI or the team page printed: after `#`, so it never reaches a server log. */
export function tokenOfHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}
