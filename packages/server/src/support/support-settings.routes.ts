import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { TargetPolicies, WeekHours } from '@jejak/core';
import type { Holiday } from '@jejak/storage';
import { WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import {
  HolidayBody,
  HolidaySchema,
  HoursSchema,
  TargetPoliciesSchema,
  WeekHoursSchema,
} from './support.schemas.ts';

const tags = ['support settings'];
const HoursParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({
    scope: Type.String({ maxLength: 64, description: 'a branch id, or * for the whole business' }),
  }),
]);
const HolidayParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({ holidayId: Type.String({ maxLength: 64 }) }),
]);

/** Response targets, opening hours, holidays and the inbound webhook secret. Reading them needs tickets.read. */
export function registerSupportSettingsRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const settings = services.supportSettings;

  app.get(
    '/workspaces/:workspaceId/support/targets',
    {
      config: { access: { permission: 'tickets.read' } },
      schema: {
        tags,
        summary: 'Response targets per priority',
        params: WorkspaceParams,
        response: { 200: TargetPoliciesSchema, ...errorResponses },
      },
    },
    async (request) => settings.targets(request.params.workspaceId),
  );

  app.put(
    '/workspaces/:workspaceId/support/targets',
    {
      config: { access: { permission: 'support.manage' }, audit: 'support.targets' },
      schema: {
        tags,
        summary: 'Set the response targets; tickets opened from now on use them',
        params: WorkspaceParams,
        body: TargetPoliciesSchema,
        response: { 200: TargetPoliciesSchema, ...errorResponses },
      },
    },
    async (request) => settings.setTargets(request.params.workspaceId, request.body as TargetPolicies),
  );

  app.get(
    '/workspaces/:workspaceId/support/hours',
    {
      config: { access: { permission: 'tickets.read' } },
      schema: {
        tags,
        summary: 'Opening hours: the whole business (*) and branches with their own',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(HoursSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await settings.hours(request.params.workspaceId) }),
  );

  app.put(
    '/workspaces/:workspaceId/support/hours/:scope',
    {
      config: { access: { permission: 'support.manage' }, audit: 'support.hours' },
      schema: {
        tags,
        summary: 'Set the opening hours of a branch, or of the whole business (*)',
        params: HoursParams,
        body: Type.Object({ week: WeekHoursSchema }, { additionalProperties: false }),
        response: { 200: HoursSchema, ...errorResponses },
      },
    },
    async (request) =>
      settings.setHours(request.params.workspaceId, request.params.scope, request.body.week as WeekHours),
  );

  app.delete(
    '/workspaces/:workspaceId/support/hours/:scope',
    {
      config: { access: { permission: 'support.manage' }, audit: 'support.hours' },
      schema: {
        tags,
        summary: 'Remove a branch’s own hours (it then follows the whole business)',
        params: HoursParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await settings.clearHours(request.params.workspaceId, request.params.scope);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/workspaces/:workspaceId/support/holidays',
    {
      config: { access: { permission: 'tickets.read' } },
      schema: {
        tags,
        summary: 'Holidays, in date order',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(HolidaySchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await settings.listHolidays(request.params.workspaceId)).map(holidayView),
    }),
  );

  app.post(
    '/workspaces/:workspaceId/support/holidays',
    {
      config: { access: { permission: 'support.manage' }, audit: 'support.holiday.add' },
      schema: {
        tags,
        summary: 'Add a holiday (a public holiday, or a day a branch is closed)',
        description:
          'Business-time targets do not count a holiday. Indonesian public holidays change every year: enter them here.',
        params: WorkspaceParams,
        body: HolidayBody,
        response: { 201: HolidaySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(holidayView(await settings.addHoliday(request.params.workspaceId, request.body))),
  );

  app.delete(
    '/workspaces/:workspaceId/support/holidays/:holidayId',
    {
      config: { access: { permission: 'support.manage' }, audit: 'support.holiday.delete' },
      schema: {
        tags,
        summary: 'Remove a holiday',
        params: HolidayParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await settings.deleteHoliday(request.params.workspaceId, request.params.holidayId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/workspaces/:workspaceId/support/webhook-secret',
    {
      config: { access: { permission: 'support.manage' }, audit: 'support.webhook_secret' },
      schema: {
        tags,
        summary: 'Create a new signing secret for inbound webhooks (the old one stops working)',
        description: 'Shown only in this answer: give it to the provider. See docs/inbound-webhook.md.',
        params: WorkspaceParams,
        response: {
          201: Type.Object({
            secret: Type.String(),
            url: Type.String({ description: 'the path the provider posts to' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        secret: await settings.rotateWebhookSecret(request.params.workspaceId),
        url: `/api/v1/inbound/${request.params.workspaceId}/tickets`,
      }),
  );
}

function holidayView(h: Holiday) {
  return { id: h.id, branchId: h.branch_id, date: h.date, name: h.name };
}
