import type { Role } from '@jejak/core';
import type { TestApp } from './harness.ts';

export const PASSWORD = 'rahasia-sekali-123';

export interface SignedInUser {
  id: string;
  email: string;
  cookie: string;
  csrf: string;
}

/** Creates a person with a role in a workspace (branches for managers and cashiers) and signs them in. */
export async function aMember(
  t: TestApp,
  role: Role,
  options: { workspaceId?: string; branchIds?: string[]; email?: string } = {},
): Promise<SignedInUser> {
  const email = options.email ?? `${role}-${Math.random().toString(36).slice(2, 8)}@contoh.id`;
  const user = await t.services.accounts.createUser({ email, name: role, password: PASSWORD });
  await t.services.accounts.addMember(
    options.workspaceId ?? t.workspace.id,
    user.id,
    role,
    options.branchIds ?? [],
  );
  return { id: user.id, email, ...(await login(t, email)) };
}

export async function login(t: TestApp, email: string, password = PASSWORD, previousCookie?: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    ...(previousCookie ? { headers: { cookie: previousCookie } } : {}),
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return {
    cookie: cookiesOf(response.headers['set-cookie']),
    csrf: response.json<{ csrfToken: string }>().csrfToken,
  };
}

/** The cookies a response sets, as one Cookie request header. */
export function cookiesOf(setCookie: string | string[] | undefined): string {
  return [setCookie ?? []]
    .flat()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A request as a signed-in person: the session cookie, and the CSRF token on writes. */
export function asUser(
  t: TestApp,
  user: Pick<SignedInUser, 'cookie' | 'csrf'>,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: user.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': user.csrf }) },
    ...(payload !== undefined ? { payload } : {}),
  });
}
