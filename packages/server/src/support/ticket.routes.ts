import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { TARGET_STATES, TICKET_PRIORITIES } from '@jejak/core';
import type { Ticket, TicketMessage } from '@jejak/storage';
import { badRequest } from '../http/http-error.ts';
import { PageQuery, WorkspaceParams, errorResponses, pageOf, StringEnum } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import {
  MessageBody,
  TicketBody,
  TicketDetailSchema,
  TicketMessageSchema,
  TicketPatch,
  TicketSchema,
} from './support.schemas.ts';
import { TICKET_STATUSES, type Author, type TargetView } from './ticket.service.ts';

const tags = ['tickets'];
const TicketParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({ ticketId: Type.String({ maxLength: 64 }) }),
]);
const ListQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    status: Type.Optional(
      Type.String({ maxLength: 100, description: 'comma-separated: open,pending,resolved,closed' }),
    ),
    priority: Type.Optional(StringEnum(TICKET_PRIORITIES)),
    branchId: Type.Optional(Type.String({ maxLength: 64 })),
    assigneeId: Type.Optional(
      Type.String({ maxLength: 64, description: 'a user id, or none for unassigned' }),
    ),
    customerId: Type.Optional(Type.String({ maxLength: 64 })),
    target: Type.Optional(
      StringEnum(TARGET_STATES, { description: 'only tickets with a target in this state' }),
    ),
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'part of the subject or customer name, or #number' }),
    ),
  }),
]);

export function authorOf(request: FastifyRequest): Author {
  const p = request.principal;
  if (p?.kind === 'user') return { id: p.user.id, label: p.user.name };
  return { id: null, label: p?.kind === 'key' ? p.key.name : 'API' };
}

/** Support tickets: the inbox, one ticket, replies and notes, status and assignment. Also the inbound API. */
export function registerTicketRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const visible = (request: FastifyRequest) => request.grant?.branchIds ?? [];

  app.get(
    '/workspaces/:workspaceId/tickets',
    {
      config: { access: { permission: 'tickets.read' } },
      schema: {
        tags,
        summary: 'The ticket inbox, most recently updated first, with target timers',
        params: WorkspaceParams,
        querystring: ListQuery,
        response: { 200: pageOf(TicketSchema), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const statuses = q.status
        ?.split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const unknown = statuses?.find((s) => !(TICKET_STATUSES as readonly string[]).includes(s));
      if (unknown)
        throw badRequest(`querystring/status ${unknown} is not one of ${TICKET_STATUSES.join(', ')}`);
      const page = await services.tickets.list(request.params.workspaceId, {
        limit: q.limit ?? 50,
        ...(q.cursor ? { cursor: q.cursor } : {}),
        visibleBranches: visible(request),
        ...(statuses ? { statuses } : {}),
        ...(q.priority ? { priority: q.priority } : {}),
        ...(q.branchId ? { branchId: q.branchId } : {}),
        ...(q.assigneeId ? { assigneeId: q.assigneeId === 'none' ? null : q.assigneeId } : {}),
        ...(q.customerId ? { customerId: q.customerId } : {}),
        ...(q.target ? { targetState: q.target } : {}),
        ...(q.q ? { search: q.q } : {}),
      });
      const targets = await services.tickets.targetsOf(request.params.workspaceId, page.items);
      return {
        items: page.items.map((t) => ticketView(t, targets.get(t.id) ?? [])),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/workspaces/:workspaceId/tickets',
    {
      config: { access: { permission: 'tickets.write' }, audit: 'ticket.create' },
      schema: {
        tags,
        summary: 'Open a ticket (from the dashboard, or inbound from another system with a secret key)',
        description:
          'The customer is found by customerId, phone or email, or created. Opening emits a Ticket Opened event ' +
          '(a complaint counts as a negative experience) and starts the response targets of its priority.',
        params: WorkspaceParams,
        body: TicketBody,
        response: { 201: TicketSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ws = request.params.workspaceId;
      const ticket = await services.tickets.create(ws, request.body, authorOf(request), visible(request));
      const targets = await services.tickets.targetsOf(ws, [ticket]);
      return reply.status(201).send(ticketView(ticket, targets.get(ticket.id) ?? []));
    },
  );

  app.get(
    '/workspaces/:workspaceId/tickets/:ticketId',
    {
      config: { access: { permission: 'tickets.read' } },
      schema: {
        tags,
        summary: 'One ticket with its conversation, targets and CSAT link',
        params: TicketParams,
        response: { 200: TicketDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const detail = await services.tickets.get(
        request.params.workspaceId,
        request.params.ticketId,
        visible(request),
      );
      return {
        ticket: ticketView({ ...detail.ticket, customer_name: detail.customer.name }, detail.targets),
        customer: detail.customer,
        messages: detail.messages.map(messageView),
        csat: detail.csat ? { path: `/s/${detail.csat.token}`, answeredAt: detail.csat.answeredAt } : null,
      };
    },
  );

  app.patch(
    '/workspaces/:workspaceId/tickets/:ticketId',
    {
      config: { access: { permission: 'tickets.write' }, audit: 'ticket.update' },
      schema: {
        tags,
        summary: 'Change status, priority, category, branch, assignee, subject or tags',
        description:
          'pending pauses the resolution target; resolved stops the targets, emits Ticket Resolved and makes the CSAT link for the customer.',
        params: TicketParams,
        body: TicketPatch,
        response: { 200: TicketSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      const ticket = await services.tickets.update(
        ws,
        request.params.ticketId,
        request.body,
        visible(request),
      );
      return ticketView(ticket, (await services.tickets.targetsOf(ws, [ticket])).get(ticket.id) ?? []);
    },
  );

  app.post(
    '/workspaces/:workspaceId/tickets/:ticketId/messages',
    {
      config: { access: { permission: 'tickets.write' }, audit: 'ticket.message' },
      schema: {
        tags,
        summary: 'Reply to the customer (the first reply meets the first-response target) or add a note',
        params: TicketParams,
        body: MessageBody,
        response: { 201: TicketMessageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const message = await services.tickets.addReply(
        request.params.workspaceId,
        request.params.ticketId,
        { body: request.body.body, kind: request.body.kind ?? 'reply' },
        authorOf(request),
        visible(request),
      );
      return reply.status(201).send(messageView(message));
    },
  );
}

function ticketView(t: Ticket & { customer_name?: string | null }, targets: TargetView[]) {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    status: t.status as (typeof TICKET_STATUSES)[number],
    priority: t.priority as (typeof TICKET_PRIORITIES)[number],
    category: t.category as 'question',
    channel: t.channel as 'whatsapp',
    customerId: t.customer_id,
    customerName: t.customer_name ?? null,
    branchId: t.branch_id,
    assigneeId: t.assignee_id,
    tags: JSON.parse(t.tags_json) as string[],
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    firstResponseAt: t.first_response_at,
    resolvedAt: t.resolved_at,
    csatScore: t.csat_score,
    targets: targets.map((x) => ({
      kind: x.kind,
      clock: x.clock,
      state: x.state,
      budgetMs: x.budgetMs,
      dueAt: x.dueAt,
      endedAt: x.endedAt,
      leftMs: x.leftMs,
    })),
  };
}

function messageView(m: TicketMessage) {
  return {
    id: m.id,
    kind: m.kind,
    authorId: m.author_id,
    authorLabel: m.author_label,
    body: m.body,
    createdAt: m.created_at,
  };
}
