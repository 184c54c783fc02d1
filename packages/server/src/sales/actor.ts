import type { FastifyRequest } from 'fastify';

/** Who did something at the counter: the employee's account, or a key (a till's integration). */
export interface Actor {
  id: string | null;
  name: string;
  role: string | null;
}

export function actorOf(request: FastifyRequest): Actor {
  const { principal, grant } = request;
  if (principal?.kind === 'user') {
    return { id: principal.user.id, name: principal.user.name, role: grant?.role ?? null };
  }
  if (principal?.kind === 'key') return { id: null, name: `key ${principal.key.name}`, role: null };
  throw new Error('a sales route ran without a caller');
}
