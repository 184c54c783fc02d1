import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditService } from './audit.service.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Params that name what a route changes, most specific first. */
const TARGET_PARAMS = [
  'orderId',
  'productId',
  'customerId',
  'branchId',
  'userId',
  'keyId',
  'invitationId',
  'mergeId',
] as const;

/**
 * Records every successful change made in a workspace, before the answer is sent, so an
 * acknowledged change is always in the log. Routes name their action with `config.audit`.
 */
export function registerAuditHook(app: FastifyInstance, audit: AuditService): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const { principal, grant } = request;
    if (!WRITE_METHODS.has(request.method) || reply.statusCode >= 300 || !principal || !grant) return payload;
    const action = request.routeOptions.config.audit;
    if (action === false || !audit.isAudited(principal, grant)) return payload;
    await audit.record({
      principal,
      grant,
      action: action ?? `${request.method} ${request.routeOptions.url ?? ''}`,
      target: request.auditTarget ?? targetOf(request),
      ip: request.ip,
    });
    return payload;
  });
}

function targetOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, string | undefined>;
  for (const name of TARGET_PARAMS) {
    const value = params[name];
    if (value !== undefined) return `${name.replace(/Id$/, '')}:${value}`;
  }
  return params.workspaceId !== undefined ? `workspace:${params.workspaceId}` : null;
}
