import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IsoInstant, PageQuery, WorkspaceParams, errorResponses } from '../http/common.schemas.ts';
import { badRequest } from '../http/http-error.ts';
import type { Services } from '../services.ts';
import { dayRange, journeyScope } from './journey-scope.ts';
import { JourneyMapSchema } from './journey-map.schemas.ts';
import {
  FunnelSchema,
  JourneyDaysQuery,
  JourneyFilterQuery,
  OverviewSchema,
  QuarantinePageSchema,
  RulesPreviewSchema,
  RulesReplacedSchema,
  RulesSchema,
  RulesValidationSchema,
  TransitionSummarySchema,
  TrendSchema,
} from './journey.schemas.ts';

const tags = ['journey'];
const DAY_MS = 86_400_000;

export function registerJourneyRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/journey/overview',
    {
      config: { access: { permission: 'journey.read' } },
      schema: {
        tags,
        summary: 'Customers per stage and per status now, optionally of one channel and branch',
        params: WorkspaceParams,
        querystring: JourneyFilterQuery,
        response: { 200: OverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { workspaceId } = request.params;
      const scope = await journeyScope(services.store, request.grant, workspaceId, request.query);
      return services.journeyQueries.overview(workspaceId, scope);
    },
  );

  app.get(
    '/workspaces/:workspaceId/journey/funnel',
    {
      config: { access: { permission: 'journey.read' } },
      schema: {
        tags,
        summary:
          'The stage funnel of a period: entries per stage, the share of those that moved on by now, ' +
          'and the median time it took',
        params: WorkspaceParams,
        querystring: JourneyDaysQuery,
        response: { 200: FunnelSchema, ...errorResponses },
      },
    },
    async (request) => {
      const workspace = await services.journeyFunnel.workspace(request.params.workspaceId);
      const range = dayRange(request.query, services.now(), workspace.timezone);
      const scope = await journeyScope(services.store, request.grant, workspace.id, request.query);
      return services.journeyFunnel.funnel(workspace, range, scope);
    },
  );

  app.get(
    '/workspaces/:workspaceId/journey/trend',
    {
      config: { access: { permission: 'journey.read' } },
      schema: {
        tags,
        summary:
          'Entries into each stage per ISO week (Monday to Sunday, the workspace time zone) of a period',
        params: WorkspaceParams,
        querystring: JourneyDaysQuery,
        response: { 200: TrendSchema, ...errorResponses },
      },
    },
    async (request) => {
      const workspace = await services.journeyFunnel.workspace(request.params.workspaceId);
      const range = dayRange(request.query, services.now(), workspace.timezone);
      const scope = await journeyScope(services.store, request.grant, workspace.id, request.query);
      return services.journeyFunnel.trend(workspace, range, scope);
    },
  );

  app.get(
    '/workspaces/:workspaceId/journey/map',
    {
      config: { access: { permission: 'journey.read' } },
      schema: {
        tags,
        summary:
          'The journey map of a period: per stage, customers now, entries, moving on, time in the stage, ' +
          'the touchpoints and channels that brought them, sentiment, pain points and advice',
        params: WorkspaceParams,
        querystring: JourneyDaysQuery,
        response: { 200: JourneyMapSchema, ...errorResponses },
      },
    },
    async (request) => {
      const workspace = await services.journeyFunnel.workspace(request.params.workspaceId);
      const range = dayRange(request.query, services.now(), workspace.timezone);
      const scope = await journeyScope(services.store, request.grant, workspace.id, request.query);
      return services.journeyMap.map(workspace, range, scope);
    },
  );

  app.get(
    '/workspaces/:workspaceId/journey/transitions',
    {
      config: { access: { permission: 'journey.read' } },
      schema: {
        tags,
        summary: 'Moves between stages (or statuses) in a period, backward and repeated moves included',
        params: WorkspaceParams,
        querystring: Type.Object({
          from: Type.Optional(IsoInstant),
          to: Type.Optional(IsoInstant),
          kind: Type.Optional(Type.Union([Type.Literal('stage'), Type.Literal('status')])),
          ...JourneyFilterQuery.properties,
        }),
        response: { 200: TransitionSummarySchema, ...errorResponses },
      },
    },
    async (request) => {
      const to = request.query.to ? Date.parse(request.query.to) : services.now();
      const from = request.query.from ? Date.parse(request.query.from) : to - 30 * DAY_MS;
      if (from >= to)
        throw badRequest(`from (${request.query.from}) must be before to (${request.query.to ?? 'now'})`);
      const { workspaceId } = request.params;
      const scope = await journeyScope(services.store, request.grant, workspaceId, request.query);
      return services.journeyQueries.transitions(workspaceId, from, to, request.query.kind ?? 'stage', scope);
    },
  );

  app.get(
    '/workspaces/:workspaceId/journey/rules',
    {
      config: { access: { permission: 'journey.read' } },
      schema: {
        tags,
        summary: 'The journey rules in force and their version',
        params: WorkspaceParams,
        response: { 200: RulesSchema, ...errorResponses },
      },
    },
    async (request) => {
      await services.workspaces.get(request.params.workspaceId);
      const current = await services.journey.rulesFor(services.store.db, request.params.workspaceId);
      return { version: current.version, isDefault: current.version === 0, rules: current.rules };
    },
  );

  app.put(
    '/workspaces/:workspaceId/journey/rules',
    {
      config: { access: { permission: 'journey.manage' }, audit: 'journey.rules_replace' },
      schema: {
        tags,
        summary: 'Replace the journey rules; every customer is recomputed with the new version',
        params: WorkspaceParams,
        body: Type.Object({ rules: Type.Unknown() }),
        response: { 200: RulesReplacedSchema, ...errorResponses },
      },
    },
    async (request) => {
      await services.workspaces.get(request.params.workspaceId);
      const saved = await services.journey.replaceRules(request.params.workspaceId, request.body.rules);
      const rebuilt = await services.rebuild.run({ workspaceId: request.params.workspaceId });
      // Stages, statuses and negative experiences may all have moved: segments are recomputed too.
      await services.segments.recomputeWorkspace(request.params.workspaceId);
      return { version: saved.version, rules: saved.rules, rebuilt };
    },
  );

  app.post(
    '/workspaces/:workspaceId/journey/rules/validate',
    {
      config: { access: { permission: 'journey.read' }, audit: false },
      schema: {
        tags,
        summary: 'Check a rule set without saving it; errors name the field',
        params: WorkspaceParams,
        body: Type.Object({ rules: Type.Unknown() }),
        response: { 200: RulesValidationSchema, ...errorResponses },
      },
    },
    (request) => {
      const result = services.journey.validate(request.body.rules);
      return result.ok ? { valid: true, errors: [] } : { valid: false, errors: result.errors };
    },
  );

  app.post(
    '/workspaces/:workspaceId/journey/rules/preview',
    {
      config: { access: { permission: 'journey.manage' }, audit: false },
      schema: {
        tags,
        summary:
          'See what a rule set would do before saving it: customers per stage and status now and under the new rules, ' +
          'replayed in memory (nothing is saved); a large workspace is previewed on a uniform sample of customers',
        params: WorkspaceParams,
        body: Type.Object({ rules: Type.Unknown() }),
        response: { 200: RulesPreviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      await services.workspaces.get(request.params.workspaceId);
      return services.rulesPreview.preview(request.params.workspaceId, request.body.rules);
    },
  );

  app.get(
    '/workspaces/:workspaceId/quarantine',
    {
      config: { access: { permission: 'journey.read' } },
      schema: {
        tags: ['ingest'],
        summary: 'Events refused at ingestion, newest first, with the reason and the payload as received',
        params: WorkspaceParams,
        querystring: PageQuery,
        response: { 200: QuarantinePageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 50, cursor } = request.query;
      return services.journeyQueries.quarantine(request.params.workspaceId, {
        limit,
        ...(cursor ? { cursor } : {}),
      });
    },
  );
}
