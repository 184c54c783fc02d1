import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './access.ts';
import type { NewSession } from './session.service.ts';

/**
 * Sets the session cookie (HttpOnly, SameSite=Lax; Secure when the request came over https, which
 * behind a proxy needs JEJAK_TRUST_PROXY) and returns a CSRF token bound to the new session.
 */
export function startSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: NewSession,
  ttlSeconds: number,
): string {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: ttlSeconds,
  });
  return reply.generateCsrf({ userInfo: session.session.id });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
