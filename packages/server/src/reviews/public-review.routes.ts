import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema, errorResponses } from '../http/common.schemas.ts';
import type { Limiters } from '../http/security.ts';
import type { Services } from '../services.ts';
import {
  PublicReviewBody,
  PublicReviewFormSchema,
  WidgetEventBody,
  WidgetReviewsSchema,
} from './review.schemas.ts';

const TokenParams = Type.Object({ token: Type.String({ minLength: 8, maxLength: 64 }) });

/** The widget runs on the business's own site: its calls come from any origin and carry no credentials. */
function crossOrigin(reply: FastifyReply): void {
  void reply
    .header('access-control-allow-origin', '*')
    .header('access-control-allow-methods', 'GET, POST, OPTIONS')
    .header('access-control-allow-headers', 'content-type')
    .header('access-control-max-age', '86400');
}

/**
 * Public by design, and setting no cookie: the review page behind a personal link, and the reviews
 * widget's reads and touchpoints (reached by the workspace's widget token). Writes are rate-limited.
 */
export function registerPublicReviewRoutes(
  scope: FastifyInstance,
  services: Services,
  limiters: Pick<Limiters, 'reviewsByAddress' | 'widgetEventsByAddress'>,
): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/public/reviews/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public review'],
        summary: 'The product behind a review link (records its first view)',
        params: TokenParams,
        response: { 200: PublicReviewFormSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return services.reviews.open(request.params.token);
    },
  );

  app.post(
    '/public/reviews/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public review'],
        summary: 'Write the review; a link takes one (409 already_reviewed after that)',
        params: TokenParams,
        body: PublicReviewBody,
        response: { 201: Type.Object({ ok: Type.Boolean() }), ...errorResponses, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      await limiters.reviewsByAddress(request);
      await services.reviews.submit(request.params.token, request.body);
      return reply.status(201).send({ ok: true });
    },
  );

  app.get(
    '/public/review-widget/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reviews widget'],
        summary: 'Approved reviews for the widget, of one product when asked, with their numbers',
        params: TokenParams,
        querystring: Type.Object({ productId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }),
        response: { 200: WidgetReviewsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      crossOrigin(reply);
      // Short: a review approved in the dashboard shows on the site within a minute.
      void reply.header('cache-control', 'public, max-age=60');
      return services.reviewWidget.reviews(request.params.token, request.query.productId);
    },
  );

  app.options(
    '/public/review-widget/:token/events',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_request, reply) => {
      crossOrigin(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/public/review-widget/:token/events',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reviews widget'],
        summary: "A view of the widget or a click on a review, stored as the visitor's touchpoint",
        params: TokenParams,
        body: WidgetEventBody,
        response: { 202: Type.Object({ ok: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      crossOrigin(reply);
      await limiters.widgetEventsByAddress(request);
      const { action, anonymousId, productId, reviewId, url } = request.body;
      await services.reviewWidget.touch(request.params.token, {
        action,
        anonymousId,
        ...(productId ? { productId } : {}),
        ...(reviewId ? { reviewId } : {}),
        ...(url ? { url } : {}),
      });
      return reply.status(202).send({ ok: true });
    },
  );
}
