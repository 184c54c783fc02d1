import { randomUUID } from 'node:crypto';
import { ProductRepository, ReviewRepository, WorkspaceRepository, type Store } from '@jejak/storage';
import { notFound } from '../http/http-error.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import { widgetTouchpoint, type WidgetAction } from './review-events.ts';
import { summarize, type RatingSummary } from './rating-summary.ts';

export const WIDGET_REVIEWS = 20;

/** What the widget shows: approved reviews only, with the business's replies, and their numbers. */
export interface WidgetReviews {
  business: string;
  /** The workspace's zone, so the widget dates reviews as the business does. */
  timeZone: string;
  productName: string | null;
  summary: Omit<RatingSummary, 'productId' | 'productName'> | null;
  reviews: {
    id: string;
    rating: number;
    body: string;
    authorName: string;
    verified: boolean;
    createdAt: number;
    reply: string | null;
  }[];
}

/**
 * The reviews widget's public side: a business puts one script tag on its own site; the script reads
 * approved reviews by the workspace's widget token, and reports views and clicks, which are stored as
 * touchpoints of the visitor through ingestion.
 */
export class ReviewWidgetService {
  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    private readonly now: () => number,
  ) {}

  async reviews(token: string, productId: string | undefined): Promise<WidgetReviews> {
    const workspaceId = await this.workspaceOf(token);
    const reviews = new ReviewRepository(this.store.db);
    const page = await reviews.list(workspaceId, {
      status: 'approved',
      ...(productId ? { productId } : {}),
      limit: WIDGET_REVIEWS,
    });
    const counts = await reviews.ratings(workspaceId, {
      status: 'approved',
      ...(productId ? { productId } : {}),
    });
    // Across products the widget shows one summary of all approved reviews.
    const all = summarize(counts.map((c) => ({ ...c, product_id: '' })))[0];
    const product = productId
      ? await new ProductRepository(this.store.db).get(workspaceId, productId)
      : undefined;
    const workspace = await new WorkspaceRepository(this.store.db).get(workspaceId);
    return {
      business: workspace?.name ?? '',
      timeZone: workspace?.timezone ?? 'UTC',
      productName: product?.name ?? null,
      summary: all ? { count: all.count, average: all.average, distribution: all.distribution } : null,
      reviews: page.items.map((r) => ({
        id: r.id,
        rating: r.rating,
        body: r.body,
        authorName: r.author_name,
        verified: r.verified === 1,
        createdAt: r.created_at,
        reply: r.reply,
      })),
    };
  }

  /** Records a view of the widget or a click on one review as the visitor's touchpoint. */
  async touch(
    token: string,
    input: { action: WidgetAction; anonymousId: string; productId?: string; reviewId?: string; url?: string },
  ): Promise<void> {
    const workspaceId = await this.workspaceOf(token);
    await this.ingest.transact((trx) =>
      this.ingest.emit(trx, workspaceId, [
        widgetTouchpoint({
          messageId: randomUUID(),
          anonymousId: input.anonymousId,
          action: input.action,
          at: this.now(),
          productId: input.productId ?? null,
          reviewId: input.reviewId ?? null,
          url: input.url ?? null,
        }),
      ]),
    );
  }

  private async workspaceOf(token: string): Promise<string> {
    const widget = await new ReviewRepository(this.store.db).widgetByToken(token);
    if (!widget) throw notFound('This reviews widget');
    return widget.workspace_id;
  }
}
