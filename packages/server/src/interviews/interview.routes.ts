import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CHANNELS, roleCan } from '@jejak/core';
import type { InterviewListItem, InterviewNote } from '@jejak/storage';
import {
  IsoInstant,
  Nullable,
  PageQuery,
  StringEnum,
  WorkspaceParams,
  errorResponses,
  pageOf,
} from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import { authorOf } from '../support/ticket.routes.ts';
import type { InterviewCaller } from './interview.service.ts';

const tags = ['interviews'];
const NoteParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({ interviewId: Type.String({ maxLength: 64 }) }),
]);
const InterviewSchema = Type.Object(
  {
    id: Type.String(),
    customerId: Type.String(),
    customerName: Nullable(Type.String()),
    authorId: Nullable(Type.String({ description: 'The user who wrote it; null for a key' })),
    authorName: Type.String(),
    stage: Type.String({ description: 'The journey stage the conversation was about' }),
    channel: StringEnum(CHANNELS),
    title: Type.String(),
    body: Type.String(),
    tags: Type.Array(Type.String()),
    interviewedAt: Type.Number(),
    createdAt: Type.Number(),
    updatedAt: Type.Number(),
  },
  { $id: 'Interview' },
);
const Fields = {
  stage: Type.String({ minLength: 1, maxLength: 64 }),
  channel: Type.Optional(StringEnum(CHANNELS, { description: 'How it took place (default other)' })),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 20_000 }),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  interviewedAt: Type.Optional(IsoInstant),
};
const CreateBody = Type.Object({ customerId: Type.String({ minLength: 1, maxLength: 64 }), ...Fields });
const PatchBody = Type.Partial(Type.Object(Fields));
const SearchQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'words, each the start of a word of the title, notes or tags',
      }),
    ),
    tag: Type.Optional(Type.String({ maxLength: 40 })),
    stage: Type.Optional(Type.String({ maxLength: 64 })),
    customerId: Type.Optional(Type.String({ maxLength: 64 })),
    authorId: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(IsoInstant),
    to: Type.Optional(IsoInstant),
  }),
]);

const view = (note: InterviewNote & { customer_name?: string | null }) => ({
  id: note.id,
  customerId: note.customer_id,
  customerName: note.customer_name ?? null,
  authorId: note.author_id,
  authorName: note.author_name,
  stage: note.stage,
  channel: note.channel as (typeof CHANNELS)[number],
  title: note.title,
  body: note.body,
  tags: JSON.parse(note.tags_json) as string[],
  interviewedAt: note.interviewed_at,
  createdAt: note.created_at,
  updatedAt: note.updated_at,
});

/** A person may change their own notes; managers and above (and secret keys) anyone's. */
function callerOf(request: FastifyRequest): InterviewCaller {
  const author = authorOf(request);
  const role = request.grant?.role ?? null;
  return { ...author, mayChangeAny: role === null || roleCan(role, 'interviews.manage') };
}

const instant = (value: string | undefined) => (value === undefined ? undefined : Date.parse(value));

/** Interview notes: written per customer, searched across the workspace. */
export function registerInterviewRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/interviews',
    {
      config: { access: { permission: 'interviews.read' } },
      schema: {
        tags,
        summary: 'Search interview notes, the most recent interview first',
        description:
          'Every word of q must start a word of the title, the notes or the tags (case and accents aside); tag, stage, customer (with the profiles merged into him), author and period [from, to) narrow it further.',
        params: WorkspaceParams,
        querystring: SearchQuery,
        response: { 200: pageOf(InterviewSchema), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await services.interviews.search(request.params.workspaceId, {
        limit: q.limit ?? 50,
        cursor: q.cursor,
        q: q.q,
        tag: q.tag,
        stage: q.stage,
        customerId: q.customerId,
        authorId: q.authorId,
        from: instant(q.from),
        to: instant(q.to),
      });
      return { items: page.items.map((n: InterviewListItem) => view(n)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/workspaces/:workspaceId/interviews/tags',
    {
      config: { access: { permission: 'interviews.read' } },
      schema: {
        tags,
        summary: 'The tags in use, with how many notes carry each, the most used first',
        params: WorkspaceParams,
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ tag: Type.String(), notes: Type.Integer() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await services.interviews.tags(request.params.workspaceId) }),
  );

  app.post(
    '/workspaces/:workspaceId/interviews',
    {
      config: { access: { permission: 'interviews.write' }, audit: 'interview.create' },
      schema: {
        tags,
        summary: 'Write an interview note about a customer (his Feedback Given touchpoint, kind interview)',
        params: WorkspaceParams,
        body: CreateBody,
        response: { 201: InterviewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { interviewedAt, ...body } = request.body;
      const note = await services.interviews.create(request.params.workspaceId, callerOf(request), {
        ...body,
        interviewedAt: instant(interviewedAt),
      });
      request.auditTarget = `interview:${note.id}`;
      return reply.status(201).send(view(note));
    },
  );

  app.get(
    '/workspaces/:workspaceId/interviews/:interviewId',
    {
      config: { access: { permission: 'interviews.read' } },
      schema: {
        tags,
        summary: 'One interview note',
        params: NoteParams,
        response: { 200: InterviewSchema, ...errorResponses },
      },
    },
    async (request) =>
      view(await services.interviews.get(request.params.workspaceId, request.params.interviewId)),
  );

  app.patch(
    '/workspaces/:workspaceId/interviews/:interviewId',
    {
      config: { access: { permission: 'interviews.write' }, audit: 'interview.update' },
      schema: {
        tags,
        summary: 'Change a note (its author, or a manager and above)',
        params: NoteParams,
        body: PatchBody,
        response: { 200: InterviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { interviewedAt, ...patch } = request.body;
      return view(
        await services.interviews.update(
          request.params.workspaceId,
          callerOf(request),
          request.params.interviewId,
          {
            ...patch,
            interviewedAt: instant(interviewedAt),
          },
        ),
      );
    },
  );

  app.delete(
    '/workspaces/:workspaceId/interviews/:interviewId',
    {
      config: { access: { permission: 'interviews.write' }, audit: 'interview.delete' },
      schema: {
        tags,
        summary: 'Delete a note (its author, or a manager and above); its touchpoint stays',
        params: NoteParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.interviews.delete(
        request.params.workspaceId,
        callerOf(request),
        request.params.interviewId,
      );
      return reply.status(204).send(null);
    },
  );
}
