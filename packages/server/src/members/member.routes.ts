import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ROLES } from '@jejak/core';
import type { InvitationRow } from '@jejak/storage';
import type { Config } from '../config.ts';
import { StringEnum, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';

const tags = ['members'];
const RoleInput = Type.Object({
  role: StringEnum(ROLES),
  branchIds: Type.Optional(
    Type.Array(Type.String({ maxLength: 64 }), {
      maxItems: 200,
      description: 'For managers and cashiers: the branches they work at',
    }),
  ),
});
const MemberSchema = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  branchIds: Type.Array(Type.String()),
  createdAt: Type.Number(),
});
const InvitationSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: Type.String(),
  branchIds: Type.Array(Type.String()),
  createdAt: Type.Number(),
  expiresAt: Type.Number(),
  acceptedAt: Type.Union([Type.Number(), Type.Null()]),
});
const UserParams = Type.Intersect([WorkspaceParams, Type.Object({ userId: Type.String({ maxLength: 64 }) })]);
const InvitationParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({ invitationId: Type.String({ maxLength: 64 }) }),
]);

/** The people of a workspace and invitations to join it. */
export function registerMemberRoutes(scope: FastifyInstance, services: Services, config: Config): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/members',
    {
      config: { access: { permission: 'members.read' } },
      schema: {
        tags,
        summary: 'Members with their roles and branches',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(MemberSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await services.members.list(request.params.workspaceId)).map((m) => ({
        userId: m.user_id,
        email: m.email,
        name: m.name,
        role: m.role,
        branchIds: JSON.parse(m.branch_ids_json) as string[],
        createdAt: m.created_at,
      })),
    }),
  );

  app.put(
    '/workspaces/:workspaceId/members/:userId',
    {
      config: { access: { permission: 'members.manage' }, audit: 'member.change_role' },
      schema: {
        tags,
        summary: 'Change a member’s role or branches',
        params: UserParams,
        body: RoleInput,
        response: { 204: Type.Null(), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      await services.members.changeRole(
        request.params.workspaceId,
        request.params.userId,
        request.body,
        request.grant?.role ?? null,
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/workspaces/:workspaceId/members/:userId',
    {
      config: { access: { permission: 'members.manage' }, audit: 'member.remove' },
      schema: {
        tags,
        summary: 'Remove someone from the workspace (never the last owner)',
        params: UserParams,
        response: { 204: Type.Null(), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      await services.members.remove(
        request.params.workspaceId,
        request.params.userId,
        request.grant?.role ?? null,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/workspaces/:workspaceId/invitations',
    {
      config: { access: { permission: 'members.manage' }, audit: 'invitation.create' },
      schema: {
        tags,
        summary: 'Invite someone by link; the link is shown once and works once, for 7 days',
        params: WorkspaceParams,
        body: Type.Intersect([
          RoleInput,
          Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }) }),
        ]),
        response: {
          201: Type.Intersect([InvitationSchema, Type.Object({ token: Type.String(), link: Type.String() })]),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const inviter = request.principal?.kind === 'user' ? request.principal.user.id : null;
      const { invitation, token } = await services.members.invite(
        request.params.workspaceId,
        request.body,
        inviter,
        request.grant?.role ?? null,
      );
      request.auditTarget = `invitation:${invitation.id}`;
      const base = config.publicUrl ?? `${request.protocol}://${request.host}`;
      return reply
        .status(201)
        .send({ ...invitationView(invitation), token, link: `${base}/invitation#token=${token}` });
    },
  );

  app.get(
    '/workspaces/:workspaceId/invitations',
    {
      config: { access: { permission: 'members.manage' } },
      schema: {
        tags,
        summary: 'Invitations, newest first',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(InvitationSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await services.members.listInvitations(request.params.workspaceId)).map(invitationView),
    }),
  );

  app.delete(
    '/workspaces/:workspaceId/invitations/:invitationId',
    {
      config: { access: { permission: 'members.manage' }, audit: 'invitation.cancel' },
      schema: {
        tags,
        summary: 'Cancel an invitation; its link stops working',
        params: InvitationParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.members.cancelInvitation(request.params.workspaceId, request.params.invitationId);
      return reply.status(204).send(null);
    },
  );
}

function invitationView(i: InvitationRow) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    branchIds: JSON.parse(i.branch_ids_json) as string[],
    createdAt: i.created_at,
    expiresAt: i.expires_at,
    acceptedAt: i.accepted_at,
  };
}
