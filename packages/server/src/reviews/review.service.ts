import { randomBytes, randomUUID } from 'node:crypto';
import {
  OrderRepository,
  ProductRepository,
  ReviewRepository,
  WorkspaceRepository,
  type Page,
  type Review,
  type ReviewLink,
  type ReviewListItem,
  type ReviewStatus,
  type Store,
} from '@jejak/storage';
import { HttpError, badRequest, notFound } from '../http/http-error.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import { messageIdsOf } from '../support/customer-contact.ts';
import { reviewPosted } from './review-events.ts';
import { summarize, type RatingSummary } from './rating-summary.ts';

export const MAX_REVIEW_CHARS = 2000;

/** A link or widget token: 128 random bits, URL-safe. */
const newToken = () => randomBytes(16).toString('base64url');

export interface ReviewInput {
  rating: number;
  body: string;
  authorName: string;
}

/** What the public review page needs, and nothing about the workspace beyond it. */
export interface PublicReviewForm {
  business: string;
  productName: string;
  reviewed: boolean;
}

/**
 * Product reviews: personal links after a purchase (a verified buyer), reviews entered by staff,
 * moderation (approve, hide, reply) and ratings per product. A review through a link is stored and
 * emitted as `Review Posted` in one transaction; a link takes one review.
 */
export class ReviewService {
  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    private readonly now: () => number,
  ) {}

  /**
   * A personal link to review one product of a completed order that names its customer: whoever
   * writes through it bought the product, so the review shows as a verified buyer's.
   */
  async createLink(workspaceId: string, orderId: string, productId: string): Promise<ReviewLink> {
    const orders = new OrderRepository(this.store.db);
    const order = await orders.get(workspaceId, orderId);
    if (!order) throw notFound(`Order ${orderId}`);
    if (order.status === 'refunded' || order.status === 'voided')
      throw badRequest(`Order ${orderId} is ${order.status}; only a completed order can be reviewed`);
    if (!order.customer_id)
      throw badRequest(
        `Order ${orderId} has no customer; a review link is personal`,
        undefined,
        'no_customer',
      );
    const record = await orders.record(order);
    if (!record.lines.some((line) => line.product_id === productId))
      throw badRequest(`productId ${productId} is not in order ${orderId}`);
    return new ReviewRepository(this.store.db).createLink({
      token: newToken(),
      workspace_id: workspaceId,
      customer_id: order.customer_id,
      order_id: order.id,
      product_id: productId,
      created_at: this.now(),
      viewed_at: null,
      reviewed_at: null,
    });
  }

  /** The public page's view of a link, recording its first view. */
  async open(token: string): Promise<PublicReviewForm> {
    const reviews = new ReviewRepository(this.store.db);
    const link = await reviews.link(token);
    if (!link) throw notFound('This review link');
    await reviews.markViewed(token, this.now());
    const product = await new ProductRepository(this.store.db).get(link.workspace_id, link.product_id);
    const workspace = await new WorkspaceRepository(this.store.db).get(link.workspace_id);
    return {
      business: workspace?.name ?? '',
      productName: product?.name ?? '',
      reviewed: link.reviewed_at !== null,
    };
  }

  /** A review through a personal link: once per link (409 `already_reviewed`), pending until approved. */
  async submit(token: string, input: ReviewInput): Promise<Review> {
    const checked = checkReview(input);
    const link = await new ReviewRepository(this.store.db).link(token);
    if (!link) throw notFound('This review link');
    const at = this.now();
    return this.ingest.transact(async (trx) => {
      const reviews = new ReviewRepository(trx);
      if (!(await reviews.markReviewed(token, at))) throw alreadyReviewed();
      const review = await reviews
        .create({
          id: randomUUID(),
          workspace_id: link.workspace_id,
          product_id: link.product_id,
          customer_id: link.customer_id,
          link_token: token,
          source: 'link',
          verified: 1,
          ...checked,
          status: 'pending',
          reply: null,
          replied_at: null,
          moderated_by: null,
          moderated_at: null,
          created_at: at,
        })
        .catch(() => {
          // The unique link_token: another review through this link committed first.
          throw alreadyReviewed();
        });
      const ids = await messageIdsOf(trx, link.workspace_id, link.customer_id);
      await this.ingest.emit(trx, link.workspace_id, [reviewPosted(ids, review)]);
      return review;
    });
  }

  /**
   * A review staff enter by hand (told at the counter, copied from a marketplace): not a verified
   * buyer's; it moves a named customer's journey like any other review.
   */
  async enter(
    workspaceId: string,
    input: ReviewInput & { productId: string; customerId?: string; approve?: boolean },
    userId: string | null,
  ): Promise<Review> {
    const checked = checkReview(input);
    const product = await new ProductRepository(this.store.db).get(workspaceId, input.productId);
    if (!product) throw notFound(`Product ${input.productId}`);
    const at = this.now();
    return this.ingest.transact(async (trx) => {
      const ids = input.customerId ? await messageIdsOf(trx, workspaceId, input.customerId) : null;
      const review = await new ReviewRepository(trx).create({
        id: randomUUID(),
        workspace_id: workspaceId,
        product_id: product.id,
        customer_id: input.customerId ?? null,
        link_token: null,
        source: 'staff',
        verified: 0,
        ...checked,
        status: input.approve ? 'approved' : 'pending',
        reply: null,
        replied_at: null,
        moderated_by: input.approve ? userId : null,
        moderated_at: input.approve ? at : null,
        created_at: at,
      });
      if (ids) await this.ingest.emit(trx, workspaceId, [reviewPosted(ids, review)]);
      return review;
    });
  }

  list(
    workspaceId: string,
    options: { status?: ReviewStatus; productId?: string; limit: number; cursor?: string },
  ): Promise<Page<ReviewListItem>> {
    return new ReviewRepository(this.store.db).list(workspaceId, options);
  }

  /** Approve or hide a review, and write, change or remove the business's public reply. */
  async moderate(
    workspaceId: string,
    id: string,
    change: { status?: 'approved' | 'hidden'; reply?: string | null },
    userId: string | null,
  ): Promise<Review> {
    const reviews = new ReviewRepository(this.store.db);
    const review = await reviews.get(workspaceId, id);
    if (!review) throw notFound(`Review ${id}`);
    const at = this.now();
    const reply = change.reply === undefined ? undefined : change.reply?.trim() || null;
    if (reply && reply.length > MAX_REVIEW_CHARS)
      throw badRequest(`reply must be at most ${MAX_REVIEW_CHARS} characters`);
    const updated = await reviews.update(workspaceId, id, {
      ...(change.status ? { status: change.status } : {}),
      ...(reply !== undefined ? { reply, replied_at: reply ? at : null } : {}),
      moderated_by: userId,
      moderated_at: at,
    });
    return updated!;
  }

  /** Average and distribution per product, of every review received or of the approved ones. */
  async ratings(
    workspaceId: string,
    options: { status?: ReviewStatus; productId?: string } = {},
  ): Promise<RatingSummary[]> {
    const counts = await new ReviewRepository(this.store.db).ratings(workspaceId, options);
    const products = await new ProductRepository(this.store.db).getMany(workspaceId, [
      ...new Set(counts.map((c) => c.product_id)),
    ]);
    const names = new Map(products.map((p) => [p.id, p.name]));
    return summarize(counts).map((s) => ({ ...s, productName: names.get(s.productId) ?? null }));
  }

  /** The workspace's widget token, made the first time it is asked for. */
  async widget(workspaceId: string): Promise<string> {
    return (await new ReviewRepository(this.store.db).ensureWidget(workspaceId, newToken(), this.now()))
      .token;
  }
}

function checkReview(input: ReviewInput): Pick<Review, 'rating' | 'body' | 'author_name'> {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
    throw badRequest('rating must be a whole number of stars from 1 to 5');
  const body = input.body.trim();
  if (body.length > MAX_REVIEW_CHARS) throw badRequest(`body must be at most ${MAX_REVIEW_CHARS} characters`);
  const author = input.authorName.trim();
  if (author === '') throw badRequest('authorName must not be empty');
  if (author.length > 80) throw badRequest('authorName must be at most 80 characters');
  return { rating: input.rating, body, author_name: author };
}

function alreadyReviewed() {
  return new HttpError(
    409,
    'already_reviewed',
    'This link has already been used to write a review; each personal link takes one review',
  );
}
