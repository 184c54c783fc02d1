import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { User } from '@jejak/storage';
import { errorResponses } from '../http/common.schemas.ts';
import type { Limiters } from '../http/security.ts';
import type { Services } from '../services.ts';
import { SESSION_COOKIE } from './access.ts';
import {
  Email,
  InvitationPreviewSchema,
  MeSchema,
  Password,
  SetupStateSchema,
  SignedInSchema,
} from './auth.schemas.ts';
import type { Principal } from './principal.ts';
import type { NewSession } from './session.service.ts';
import { clearSessionCookie, startSessionCookie } from './session-cookie.ts';

const tags = ['accounts'];
const limited = { ...errorResponses, 429: errorResponses[400] };

/** Sign-in, sign-out, the first run, passwords and joining by invitation. */
export function registerAuthRoutes(scope: FastifyInstance, services: Services, limiters: Limiters): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const guessable = async (request: FastifyRequest) => {
    await limiters.loginByAddress(request);
    await limiters.loginByAccount(request);
  };
  const signIn = async (request: FastifyRequest, reply: FastifyReply, session: NewSession) => {
    const csrfToken = startSessionCookie(request, reply, session, services.sessions.ttlSeconds);
    return { ...(await me(services, session)), csrfToken };
  };

  app.get(
    '/setup',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Whether the first owner exists yet', response: { 200: SetupStateSchema } },
    },
    async () => ({ ownerExists: await services.accounts.ownerExists() }),
  );

  app.post(
    '/setup',
    {
      config: { access: 'public' },
      preHandler: guessable,
      schema: {
        tags,
        summary:
          'First run: create the first owner and their workspace, and sign in. Refused once an owner exists',
        body: Type.Object({
          email: Email,
          name: Type.String({ maxLength: 200 }),
          password: Password,
          workspaceName: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: { 201: SignedInSchema, ...limited, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { user } = await services.accounts.createOwner(request.body);
      const session = await services.sessions.start(user, request.ip);
      return reply.status(201).send(await signIn(request, reply, session));
    },
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      preHandler: guessable,
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie and returns the CSRF token for writes',
        body: Type.Object({ email: Email, password: Password }),
        response: { 200: SignedInSchema, ...limited },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const session = await services.sessions.login(
        email,
        password,
        request.ip,
        request.cookies[SESSION_COOKIE],
      );
      return signIn(request, reply, session);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Sign out: the session ends at once',
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie !== undefined) await services.sessions.logout(cookie);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'The signed-in person and their workspaces',
        response: { 200: MeSchema, ...errorResponses },
      },
    },
    async (request) => me(services, signedIn(request.principal)),
  );

  app.get(
    '/auth/csrf',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'A CSRF token for this session',
        response: { 200: Type.Object({ csrfToken: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => ({
      csrfToken: reply.generateCsrf({ userInfo: signedIn(request.principal).session.id }),
    }),
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'session' },
      preHandler: limiters.loginByAddress,
      schema: {
        tags,
        summary: 'Change the password; other sessions of this account end',
        body: Type.Object({ currentPassword: Password, newPassword: Password }),
        response: { 204: Type.Null(), ...limited },
      },
    },
    async (request, reply) => {
      const { user, session } = signedIn(request.principal);
      await services.accounts.changePassword(
        user,
        request.body.currentPassword,
        request.body.newPassword,
        session.id,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: 'public' },
      preHandler: limiters.loginByAddress,
      schema: {
        tags,
        summary:
          'Set a new password with a one-time reset token (jejak users reset-password prints the link); every session ends',
        body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password }),
        response: { 204: Type.Null(), ...limited },
      },
    },
    async (request, reply) => {
      await services.accounts.resetPassword(request.body.token, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/invitations/inspect',
    {
      config: { access: 'public', audit: false },
      preHandler: limiters.loginByAddress,
      schema: {
        tags,
        summary:
          'What an invitation link offers (workspace, role, branches, and whether the address has an account), before accepting it',
        body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: InvitationPreviewSchema, ...limited },
      },
    },
    async (request) => services.members.inspect(request.body.token),
  );

  app.post(
    '/invitations/accept',
    {
      config: { access: 'public' },
      preHandler: limiters.loginByAddress,
      schema: {
        tags,
        summary:
          'Join a workspace with an invitation token; creates the account when the address has none, and signs in',
        body: Type.Object({
          token: Type.String({ minLength: 1, maxLength: 200 }),
          name: Type.Optional(Type.String({ maxLength: 200 })),
          password: Password,
        }),
        response: { 200: SignedInSchema, ...limited },
      },
    },
    async (request, reply) => {
      const user: User = await services.members.accept(request.body.token, request.body);
      return signIn(request, reply, await services.sessions.start(user, request.ip));
    },
  );
}

function signedIn(principal: Principal | undefined) {
  if (principal?.kind !== 'user') throw new Error('session route reached without a session');
  return principal;
}

async function me(services: Services, signed: { user: User; session: { expires_at: number } }) {
  const memberships = await services.accounts.memberships(signed.user.id);
  return {
    user: { id: signed.user.id, email: signed.user.email, name: signed.user.name },
    memberships: memberships.map((m) => ({
      workspaceId: m.workspace_id,
      role: m.role,
      branchIds:
        m.role === 'manager' || m.role === 'cashier' ? (JSON.parse(m.branch_ids_json) as string[]) : null,
    })),
    sessionExpiresAt: signed.session.expires_at,
  };
}
