import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Localized, SurveyKind, SurveyQuestion } from '@jejak/core';
import type { Survey } from '@jejak/storage';
import {
  IsoInstant,
  Nullable,
  PageQuery,
  WorkspaceParams,
  errorResponses,
  pageOf,
} from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import { SurveyBody, SurveyPatch, SurveySchema } from './survey.schemas.ts';

const tags = ['surveys'];
const SurveyParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({ surveyId: Type.String({ maxLength: 64 }) }),
]);
const DAY = 86_400_000;

const Bucket = Type.Object({ value: Type.Integer(), count: Type.Integer() });
const ResultsSchema = Type.Object({
  from: Type.Number(),
  to: Type.Number(),
  bucket: Type.String(),
  summary: Nullable(
    Type.Object({
      kind: Type.String(),
      responses: Type.Integer(),
      score: Nullable(Type.Number({ description: 'NPS -100..100; CSAT % of 4-5; CES mean 1-7' })),
      distribution: Type.Array(Bucket),
      groups: Type.Object({ positive: Type.Integer(), neutral: Type.Integer(), negative: Type.Integer() }),
    }),
  ),
  trend: Type.Array(
    Type.Object({ start: Type.String(), responses: Type.Integer(), score: Nullable(Type.Number()) }),
  ),
  reach: Type.Object({
    linksSent: Type.Integer(),
    linksViewed: Type.Integer(),
    personalResponses: Type.Integer(),
    generalViews: Type.Integer(),
    generalResponses: Type.Integer(),
    personalRate: Nullable(Type.Number()),
    generalRate: Nullable(Type.Number()),
  }),
  choices: Type.Array(Type.Object({ question: Type.String(), counts: Type.Array(Type.Integer()) })),
});
const CommentSchema = Type.Object({
  id: Type.String(),
  score: Nullable(Type.Integer()),
  comment: Type.String(),
  via: Type.String(),
  submittedAt: Type.Number(),
  customerId: Nullable(Type.String()),
  customerName: Nullable(Type.String()),
});

/** The survey builder, personal links, and results. */
export function registerSurveyRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/surveys',
    {
      config: { access: { permission: 'surveys.read' } },
      schema: {
        tags,
        summary: 'Surveys, newest first',
        params: WorkspaceParams,
        response: { 200: Type.Object({ items: Type.Array(SurveySchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await services.surveys.list(request.params.workspaceId)).map(surveyView) }),
  );

  app.post(
    '/workspaces/:workspaceId/surveys',
    {
      config: { access: { permission: 'surveys.manage' }, audit: 'survey.create' },
      schema: {
        tags,
        summary: 'Create a survey: NPS, CSAT or CES (first question scored) or custom',
        params: WorkspaceParams,
        body: SurveyBody,
        response: { 201: SurveySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(surveyView(await services.surveys.create(request.params.workspaceId, request.body))),
  );

  app.get(
    '/workspaces/:workspaceId/surveys/:surveyId',
    {
      config: { access: { permission: 'surveys.read' } },
      schema: {
        tags,
        summary: 'One survey',
        params: SurveyParams,
        response: { 200: SurveySchema, ...errorResponses },
      },
    },
    async (request) =>
      surveyView(await services.surveys.get(request.params.workspaceId, request.params.surveyId)),
  );

  app.patch(
    '/workspaces/:workspaceId/surveys/:surveyId',
    {
      config: { access: { permission: 'surveys.manage' }, audit: 'survey.update' },
      schema: {
        tags,
        summary: 'Change name, questions, intro, or close/reopen it',
        params: SurveyParams,
        body: SurveyPatch,
        response: { 200: SurveySchema, ...errorResponses },
      },
    },
    async (request) =>
      surveyView(
        await services.surveys.update(request.params.workspaceId, request.params.surveyId, request.body),
      ),
  );

  app.post(
    '/workspaces/:workspaceId/surveys/:surveyId/links',
    {
      config: { access: { permission: 'surveys.manage' }, audit: 'survey.send' },
      schema: {
        tags,
        summary: 'A personal link for one customer (counted as sent; takes one answer)',
        params: SurveyParams,
        body: Type.Object(
          { customerId: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ path: Type.String(), customerId: Type.String(), createdAt: Type.Number() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const link = await services.surveys.sendTo(
        request.params.workspaceId,
        request.params.surveyId,
        request.body.customerId,
      );
      return reply
        .status(201)
        .send({ path: `/s/${link.token}`, customerId: link.customer_id, createdAt: link.created_at });
    },
  );

  app.get(
    '/workspaces/:workspaceId/surveys/:surveyId/results',
    {
      config: { access: { permission: 'surveys.read' } },
      schema: {
        tags,
        summary: 'Score by its convention, trend, distribution, response rate and choices over a period',
        params: SurveyParams,
        querystring: Type.Object({ from: Type.Optional(IsoInstant), to: Type.Optional(IsoInstant) }),
        response: { 200: ResultsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const to = request.query.to ? Date.parse(request.query.to) : services.now();
      const from = request.query.from ? Date.parse(request.query.from) : to - 90 * DAY;
      return services.surveyResults.results(request.params.workspaceId, request.params.surveyId, from, to);
    },
  );

  app.get(
    '/workspaces/:workspaceId/surveys/:surveyId/comments',
    {
      config: { access: { permission: 'surveys.read' } },
      schema: {
        tags,
        summary: 'Answers with a comment, newest first',
        params: SurveyParams,
        querystring: PageQuery,
        response: { 200: pageOf(CommentSchema), ...errorResponses },
      },
    },
    async (request) => {
      const page = await services.surveyResults.comments(
        request.params.workspaceId,
        request.params.surveyId,
        {
          limit: request.query.limit ?? 50,
          ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
        },
      );
      return {
        items: page.items.map((c) => ({
          id: c.id,
          score: c.score,
          comment: c.comment ?? '',
          via: c.via,
          submittedAt: c.submitted_at,
          customerId: c.customer_id,
          customerName: c.customer_name,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
}

function surveyView(s: Survey) {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind as SurveyKind,
    status: s.status,
    purpose: s.purpose,
    questions: JSON.parse(s.questions_json) as SurveyQuestion[],
    intro: s.intro_json ? (JSON.parse(s.intro_json) as Localized) : null,
    generalPath: `/s/${s.general_token}`,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}
