import type { Permission, Role } from '@jejak/core';
import type { ApiKey, SessionRow, User } from '@jejak/storage';

/**
 * What a route needs before it runs, declared in `config.access` on every route; a route that
 * declares nothing is refused when the app is built (deny by default).
 * - `public`: nobody in particular (health, login, first-run setup).
 * - `write`: a write key (HTTP Basic username, or `writeKey` in the body): ingestion only.
 * - `session`: a signed-in person (their own account: password, sign out).
 * - `account`: a signed-in person or a secret key, outside any one workspace (list workspaces).
 * - `{ permission }`: that permission in the `:workspaceId` workspace; with `branch: true`,
 *   managers and cashiers also need the `:branchId` branch to be one of theirs.
 */
export type Access =
  'public' | 'write' | 'session' | 'account' | { permission: Permission; branch?: boolean };

/** Who is calling: a person by session cookie, or a key. */
export type Principal =
  { kind: 'user'; user: User; session: SessionRow } | { kind: 'key'; key: ApiKey; scopes: readonly string[] };

/** What the caller may do in the workspace of the request, once authorized. */
export interface Grant {
  workspaceId: string;
  /** Null for a key. */
  role: Role | null;
  /** The branches a manager or cashier works at; `all` for everyone else. */
  branchIds: readonly string[] | 'all';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The action name the audit log records for this route (default: method and path); false for a
     * POST that changes nothing (a check or a preview), which the log leaves out.
     */
    audit?: string | false;
  }
  interface FastifyRequest {
    principal?: Principal;
    grant?: Grant;
    /** What a route created, as `kind:id`, for the audit log (the URL names only its parent). */
    auditTarget?: string;
  }
}

export function accessLabel(access: Access): string {
  return typeof access === 'string' ? access : `${access.permission}${access.branch ? ' (branch)' : ''}`;
}
