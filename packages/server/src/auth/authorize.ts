import { isBranchScoped, isRole, roleCan, type Permission } from '@jejak/core';
import { MembershipRepository, type Executor } from '@jejak/storage';
import { HttpError, forbidden, notFound, unauthorized } from '../http/http-error.ts';
import type { Access, Grant, Principal } from './principal.ts';

export interface RouteParams {
  workspaceId?: string;
  branchId?: string;
}

/**
 * The one authorization decision: may this caller run a route declaring `access` with these
 * params? Returns the grant for workspace routes, throws the refusal otherwise. Another
 * workspace (or a branch not one's own) is answered as missing, so ids leak nothing.
 */
export async function authorize(
  db: Executor,
  principal: Principal | undefined,
  access: Access,
  params: RouteParams,
): Promise<Grant | undefined> {
  if (access === 'public') return undefined;
  if (!principal) throw unauthorized(missingCredentials(access));
  if (access === 'write') {
    if (principal.kind !== 'key' || principal.key.kind !== 'write') {
      throw new HttpError(403, 'forbidden', 'This endpoint takes a write key');
    }
    return undefined;
  }
  if (principal.kind === 'key' && principal.key.kind === 'write') {
    throw forbidden('A write key can only send events');
  }
  if (access === 'session') {
    if (principal.kind !== 'user') throw forbidden('This endpoint is for a signed-in person, not a key');
    return undefined;
  }
  if (access === 'account') return undefined;
  const workspaceId = params.workspaceId;
  if (workspaceId === undefined) throw new Error('a workspace route has no :workspaceId');
  return principal.kind === 'key'
    ? keyGrant(principal, access.permission, workspaceId)
    : userGrant(db, principal.user.id, access, workspaceId, params.branchId);
}

function keyGrant(
  principal: Extract<Principal, { kind: 'key' }>,
  permission: Permission,
  workspaceId: string,
): Grant {
  const scoped = principal.key.workspace_id;
  if (scoped !== null && scoped !== workspaceId) throw notFound(`Workspace ${workspaceId}`);
  if (!principal.scopes.includes('*') && !principal.scopes.includes(permission)) {
    throw forbidden(`This key's scopes do not include ${permission}`);
  }
  return { workspaceId, role: null, branchIds: 'all' };
}

async function userGrant(
  db: Executor,
  userId: string,
  access: Exclude<Access, string>,
  workspaceId: string,
  branchId: string | undefined,
): Promise<Grant> {
  const membership = await new MembershipRepository(db).get(workspaceId, userId);
  if (!membership || !isRole(membership.role)) throw notFound(`Workspace ${workspaceId}`);
  const role = membership.role;
  if (!roleCan(role, access.permission)) {
    throw forbidden(`The ${role} role does not allow ${access.permission}`);
  }
  const branchIds = isBranchScoped(role) ? (JSON.parse(membership.branch_ids_json) as string[]) : 'all';
  if (access.branch && branchIds !== 'all' && (branchId === undefined || !branchIds.includes(branchId))) {
    throw notFound(`Branch ${branchId ?? ''}`.trim());
  }
  return { workspaceId, role, branchIds };
}

function missingCredentials(access: Access): string {
  return access === 'write'
    ? 'A write key is required: send it as the HTTP Basic username or as writeKey in the body'
    : 'Sign in, or send a secret key as Authorization: Bearer <key>';
}
