import type { Review } from '@jejak/storage';
import type { MessageIds } from '../support/customer-contact.ts';

/*
 * The events reviews emit. `Review Posted` carries `rating`, which the default rules read (4-5 stars:
 * advocacy; 1-2: a bad experience) and the journey map counts as feedback in the customer's stage.
 */

const iso = (at: number) => new Date(at).toISOString();

export function reviewPosted(ids: MessageIds, review: Review) {
  return {
    type: 'track',
    messageId: `review-${review.id}-posted`,
    ...ids,
    event: 'Review Posted',
    timestamp: iso(review.created_at),
    properties: {
      review_id: review.id,
      product_id: review.product_id,
      rating: review.rating,
      verified: review.verified === 1,
      source: review.source,
    },
    context: { channel: review.source === 'link' ? 'web' : 'store' },
  };
}

export type WidgetAction = 'view' | 'click';

/** A visitor saw the widget, or opened one of its reviews: a touchpoint of whoever the browser is. */
export function widgetTouchpoint(input: {
  messageId: string;
  anonymousId: string;
  action: WidgetAction;
  at: number;
  productId: string | null;
  reviewId: string | null;
  url: string | null;
}) {
  return {
    type: 'track',
    messageId: input.messageId,
    anonymousId: input.anonymousId,
    event: input.action === 'view' ? 'Reviews Viewed' : 'Review Clicked',
    timestamp: iso(input.at),
    properties: {
      ...(input.productId ? { product_id: input.productId } : {}),
      ...(input.reviewId ? { review_id: input.reviewId } : {}),
      source: 'reviews_widget',
    },
    context: { channel: 'web', ...(input.url ? { page: { url: input.url } } : {}) },
  };
}
