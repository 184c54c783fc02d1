import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema, errorResponses } from '../http/common.schemas.ts';
import type { Limiter } from '../http/security.ts';
import type { Services } from '../services.ts';
import { AnswerBody, PublicSurveySchema, ViaQuery } from './survey.schemas.ts';

const tags = ['public survey'];
const TokenParams = Type.Object({ token: Type.String({ minLength: 8, maxLength: 64 }) });

/**
 * The survey answer page's API: public by design (a customer answers without an account), reached only
 * with a link token, setting no cookie. Answers are rate-limited per address.
 */
export function registerPublicSurveyRoutes(
  scope: FastifyInstance,
  services: Services,
  limitAnswers: Limiter,
): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/public/surveys/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The questions behind a survey link (records a view)',
        params: TokenParams,
        querystring: ViaQuery,
        response: { 200: PublicSurveySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return services.surveys.open(request.params.token, request.query.via ?? 'general');
    },
  );

  app.post(
    '/public/surveys/:token/responses',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Answer a survey; a personal link takes one answer (409 already_answered after that)',
        params: TokenParams,
        body: AnswerBody,
        response: {
          201: Type.Object({ ok: Type.Boolean() }),
          ...errorResponses,
          409: ErrorSchema,
          410: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      await limitAnswers(request);
      await services.surveys.answer(request.params.token, {
        answers: request.body.answers,
        language: request.body.language ?? 'id',
        ...(request.body.via ? { via: request.body.via } : {}),
      });
      return reply.status(201).send({ ok: true });
    },
  );
}
