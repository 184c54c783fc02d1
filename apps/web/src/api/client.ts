/*
 * The one way the dashboard talks to the API: JSON over fetch with the session cookie, and the
 * CSRF token the server binds to the session on every write.
 */

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;

/** Sign-in answers carry a token; after a reload one is fetched before the first write. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

async function ensureCsrfToken(): Promise<string> {
  if (csrfToken === undefined) {
    csrfToken = (await request<{ csrfToken: string }>('GET', '/auth/csrf')).csrfToken;
  }
  return csrfToken;
}

/** Writes made before signing in: no session, so no CSRF token to send (the server asks none). */
const PUBLIC_WRITES = ['/setup', '/auth/login', '/auth/password-reset', '/invitations/'];

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && !PUBLIC_WRITES.some((prefix) => path.startsWith(prefix))) {
    headers['x-csrf-token'] = await ensureCsrfToken();
  }
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = (parsed as ApiErrorBody | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Posts `body` and saves the CSV answer as `filename` (an export whose question is too long for a link). */
export async function downloadCsv(path: string, body: unknown, filename: string): Promise<void> {
  const response = await fetch(`/api/v1${path}`, {
    method: 'POST',
    headers: {
      accept: 'text/csv',
      'content-type': 'application/json',
      'x-csrf-token': await ensureCsrfToken(),
    },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const error = ((await response.json()) as ApiErrorBody | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'unknown',
      error?.message ?? response.statusText,
      error?.details,
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
