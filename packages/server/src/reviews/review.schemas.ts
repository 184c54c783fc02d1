import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../http/common.schemas.ts';

export const REVIEW_STATUSES = ['pending', 'approved', 'hidden'] as const;

export const ReviewSchema = Type.Object(
  {
    id: Type.String(),
    productId: Type.String(),
    productName: Nullable(Type.String()),
    customerId: Nullable(Type.String()),
    source: StringEnum(['link', 'staff'] as const, {
      description: 'link: the customer through a personal link; staff: entered in the dashboard',
    }),
    verified: Type.Boolean({ description: 'Written through a link sent for an order with this product' }),
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    body: Type.String(),
    authorName: Type.String(),
    status: StringEnum(REVIEW_STATUSES),
    reply: Nullable(Type.String()),
    repliedAt: Nullable(Type.Number()),
    moderatedAt: Nullable(Type.Number()),
    createdAt: Type.Number(),
  },
  { $id: 'Review' },
);

const Stars = Type.Integer({ minimum: 1, maximum: 5, description: 'Stars, 1 to 5' });
const Body = Type.String({ maxLength: 2000 });
const Author = Type.String({ minLength: 1, maxLength: 80 });

export const PublicReviewBody = Type.Object({ rating: Stars, body: Body, authorName: Author });
export type PublicReviewBody = Static<typeof PublicReviewBody>;

export const StaffReviewBody = Type.Object({
  productId: Type.String({ minLength: 1, maxLength: 64 }),
  customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  rating: Stars,
  body: Body,
  authorName: Author,
  approve: Type.Optional(Type.Boolean({ description: 'Publish at once (default: pending moderation)' })),
});

export const ModerationBody = Type.Object(
  {
    status: Type.Optional(StringEnum(['approved', 'hidden'] as const)),
    reply: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { minProperties: 1 },
);

export const RatingSummarySchema = Type.Object({
  productId: Type.String(),
  productName: Nullable(Type.String()),
  count: Type.Integer(),
  average: Nullable(Type.Number({ description: 'Mean stars, one decimal' })),
  distribution: Type.Array(Type.Integer(), { description: 'Counts of 1 to 5 stars, in that order' }),
});

export const PublicReviewFormSchema = Type.Object({
  business: Type.String(),
  productName: Type.String(),
  reviewed: Type.Boolean(),
});

export const WidgetReviewsSchema = Type.Object({
  business: Type.String(),
  timeZone: Type.String(),
  productName: Nullable(Type.String()),
  summary: Nullable(
    Type.Object({
      count: Type.Integer(),
      average: Nullable(Type.Number()),
      distribution: Type.Array(Type.Integer()),
    }),
  ),
  reviews: Type.Array(
    Type.Object({
      id: Type.String(),
      rating: Type.Integer(),
      body: Type.String(),
      authorName: Type.String(),
      verified: Type.Boolean(),
      createdAt: Type.Number(),
      reply: Nullable(Type.String()),
    }),
  ),
});

export const WidgetEventBody = Type.Object({
  action: StringEnum(['view', 'click'] as const),
  anonymousId: Type.String({ minLength: 1, maxLength: 200 }),
  productId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  reviewId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  url: Type.Optional(Type.String({ maxLength: 2000 })),
});
