import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Review, ReviewListItem } from '@jejak/storage';
import {
  ErrorSchema,
  PageQuery,
  StringEnum,
  WorkspaceParams,
  errorResponses,
  pageOf,
} from '../http/common.schemas.ts';
import type { Services } from '../services.ts';
import { authorOf } from '../support/ticket.routes.ts';
import {
  ModerationBody,
  REVIEW_STATUSES,
  RatingSummarySchema,
  ReviewSchema,
  StaffReviewBody,
} from './review.schemas.ts';

const tags = ['reviews'];
const ReviewParams = Type.Intersect([
  WorkspaceParams,
  Type.Object({ reviewId: Type.String({ maxLength: 64 }) }),
]);
const Filter = Type.Object({
  status: Type.Optional(StringEnum(REVIEW_STATUSES)),
  productId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

export function reviewView(review: Review | ReviewListItem) {
  return {
    id: review.id,
    productId: review.product_id,
    productName: 'product_name' in review ? review.product_name : null,
    customerId: review.customer_id,
    source: review.source,
    verified: review.verified === 1,
    rating: review.rating,
    body: review.body,
    authorName: review.author_name,
    status: review.status,
    reply: review.reply,
    repliedAt: review.replied_at,
    moderatedAt: review.moderated_at,
    createdAt: review.created_at,
  };
}

/** Review moderation, reviews entered by staff, personal review links, ratings and the widget's token. */
export function registerReviewRoutes(scope: FastifyInstance, services: Services): void {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/workspaces/:workspaceId/reviews',
    {
      config: { access: { permission: 'reviews.read' } },
      schema: {
        tags,
        summary: 'Reviews newest first, of one status or product when asked',
        params: WorkspaceParams,
        querystring: Type.Intersect([Filter, PageQuery]),
        response: { 200: pageOf(ReviewSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { status, productId, limit, cursor } = request.query;
      const page = await services.reviews.list(request.params.workspaceId, {
        limit: limit ?? 50,
        ...(status ? { status } : {}),
        ...(productId ? { productId } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return { items: page.items.map(reviewView), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/workspaces/:workspaceId/reviews',
    {
      config: { access: { permission: 'reviews.moderate' } },
      schema: {
        tags,
        summary: 'Enter a review by hand (not a verified buyer); pending unless approve is true',
        params: WorkspaceParams,
        body: StaffReviewBody,
        response: { 201: ReviewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { customerId, approve, ...rest } = request.body;
      const review = await services.reviews.enter(
        request.params.workspaceId,
        { ...rest, ...(customerId ? { customerId } : {}), ...(approve ? { approve } : {}) },
        authorOf(request).id,
      );
      return reply.status(201).send(reviewView(review));
    },
  );

  app.patch(
    '/workspaces/:workspaceId/reviews/:reviewId',
    {
      config: { access: { permission: 'reviews.moderate' } },
      schema: {
        tags,
        summary: 'Approve or hide a review, or write its public reply (null removes it)',
        params: ReviewParams,
        body: ModerationBody,
        response: { 200: ReviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { workspaceId, reviewId } = request.params;
      const review = await services.reviews.moderate(
        workspaceId,
        reviewId,
        {
          ...(request.body.status ? { status: request.body.status } : {}),
          ...(request.body.reply !== undefined ? { reply: request.body.reply } : {}),
        },
        authorOf(request).id,
      );
      return reviewView(review);
    },
  );

  app.get(
    '/workspaces/:workspaceId/reviews/ratings',
    {
      config: { access: { permission: 'reviews.read' } },
      schema: {
        tags,
        summary: 'Average and distribution of stars per product (all reviews, or one status)',
        params: WorkspaceParams,
        querystring: Filter,
        response: { 200: Type.Object({ items: Type.Array(RatingSummarySchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { status, productId } = request.query;
      return {
        items: await services.reviews.ratings(request.params.workspaceId, {
          ...(status ? { status } : {}),
          ...(productId ? { productId } : {}),
        }),
      };
    },
  );

  app.post(
    '/workspaces/:workspaceId/reviews/links',
    {
      config: { access: { permission: 'reviews.moderate' } },
      schema: {
        tags,
        summary: "A personal link to review one product of an order, for the order's customer (one review)",
        params: WorkspaceParams,
        body: Type.Object({
          orderId: Type.String({ minLength: 1, maxLength: 64 }),
          productId: Type.String({ minLength: 1, maxLength: 64 }),
        }),
        response: {
          201: Type.Object({ token: Type.String(), path: Type.String(), customerId: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const link = await services.reviews.createLink(
        request.params.workspaceId,
        request.body.orderId,
        request.body.productId,
      );
      return reply
        .status(201)
        .send({ token: link.token, path: `/r/${link.token}`, customerId: link.customer_id });
    },
  );

  app.get(
    '/workspaces/:workspaceId/reviews/widget',
    {
      config: { access: { permission: 'reviews.read' } },
      schema: {
        tags,
        summary: "The reviews widget's public token, for its script tag (data-widget)",
        params: WorkspaceParams,
        response: { 200: Type.Object({ token: Type.String() }), ...errorResponses, 409: ErrorSchema },
      },
    },
    async (request) => ({ token: await services.reviews.widget(request.params.workspaceId) }),
  );
}
