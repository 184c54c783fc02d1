import type { Insertable, Selectable } from 'kysely';

/*
 * Product reviews: written by a customer through a personal link after a purchase (a verified buyer),
 * or entered by staff; shown on the business's site only once approved.
 */

/** A personal link to review one product of one order: it takes one review. */
export interface ReviewLinkTable {
  token: string;
  workspace_id: string;
  customer_id: string;
  order_id: string;
  product_id: string;
  created_at: number;
  viewed_at: number | null;
  reviewed_at: number | null;
}

export type ReviewStatus = 'pending' | 'approved' | 'hidden';

export interface ReviewTable {
  id: string;
  workspace_id: string;
  product_id: string;
  customer_id: string | null;
  /** Unique: a second review through one link is refused by the database, even in a race. */
  link_token: string | null;
  /** `link` (the customer, through a personal link) or `staff` (entered in the dashboard). */
  source: 'link' | 'staff';
  /** 1 when the review came from a link sent for an order with this product. */
  verified: number;
  rating: number;
  body: string;
  /** The name shown under the review, as the writer gave it. */
  author_name: string;
  status: ReviewStatus;
  reply: string | null;
  replied_at: number | null;
  moderated_by: string | null;
  moderated_at: number | null;
  created_at: number;
}

/** The public token of a workspace's reviews widget (the `data-widget` of its script tag). */
export interface ReviewWidgetTable {
  workspace_id: string;
  token: string;
  created_at: number;
}

export interface ReviewTables {
  review_links: ReviewLinkTable;
  reviews: ReviewTable;
  review_widgets: ReviewWidgetTable;
}

export type ReviewLink = Selectable<ReviewLinkTable>;
export type NewReviewLink = Insertable<ReviewLinkTable>;
export type Review = Selectable<ReviewTable>;
export type NewReview = Insertable<ReviewTable>;
export type ReviewWidget = Selectable<ReviewWidgetTable>;
