import type {
  NewReview,
  NewReviewLink,
  Review,
  ReviewLink,
  ReviewStatus,
  ReviewWidget,
} from '../review.schema.ts';
import type { Executor } from './executor.ts';
import { decodeCursor, toPage, type Page, type PageOptions } from './page.ts';

export type ReviewChanges = Partial<
  Pick<Review, 'status' | 'reply' | 'replied_at' | 'moderated_by' | 'moderated_at'>
>;

export interface ReviewListOptions extends PageOptions {
  status?: ReviewStatus;
  productId?: string;
}

/** A review as lists show it, with its product's name. */
export type ReviewListItem = Review & { product_name: string | null };

/** How many reviews gave each rating, per product. */
export interface RatingCount {
  product_id: string;
  rating: number;
  count: number;
}

export class ReviewRepository {
  constructor(private readonly db: Executor) {}

  createLink(row: NewReviewLink): Promise<ReviewLink> {
    return this.db.insertInto('review_links').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** By its token: the public page's lookup, across workspaces. */
  link(token: string): Promise<ReviewLink | undefined> {
    return this.db.selectFrom('review_links').selectAll().where('token', '=', token).executeTakeFirst();
  }

  async markViewed(token: string, at: number): Promise<void> {
    await this.db
      .updateTable('review_links')
      .set({ viewed_at: at })
      .where('token', '=', token)
      .where('viewed_at', 'is', null)
      .execute();
  }

  /** Marks a link used; false when it already was (of two racing reviews exactly one sees true). */
  async markReviewed(token: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('review_links')
      .set({ reviewed_at: at })
      .where('token', '=', token)
      .where('reviewed_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  create(row: NewReview): Promise<Review> {
    return this.db.insertInto('reviews').values(row).returningAll().executeTakeFirstOrThrow();
  }

  get(workspaceId: string, id: string): Promise<Review | undefined> {
    return this.db
      .selectFrom('reviews')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  update(workspaceId: string, id: string, changes: ReviewChanges): Promise<Review | undefined> {
    return this.db
      .updateTable('reviews')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** Newest first, of one status and one product when asked. */
  async list(workspaceId: string, options: ReviewListOptions): Promise<Page<ReviewListItem>> {
    let query = this.db
      .selectFrom('reviews as r')
      .leftJoin('products as p', (join) =>
        join.onRef('p.workspace_id', '=', 'r.workspace_id').onRef('p.id', '=', 'r.product_id'),
      )
      .selectAll('r')
      .select('p.name as product_name')
      .where('r.workspace_id', '=', workspaceId);
    if (options.status) query = query.where('r.status', '=', options.status);
    if (options.productId) query = query.where('r.product_id', '=', options.productId);
    if (options.cursor) {
      const after = decodeCursor(options.cursor, 'string');
      query = query.where((eb) => eb(eb.refTuple('r.created_at', 'r.id'), '<', eb.tuple(after.at, after.id)));
    }
    const rows = await query
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(options.limit + 1)
      .execute();
    return toPage(rows, options.limit, (row) => ({ at: row.created_at, id: row.id }));
  }

  /** Ratings counted per product and star, of every status or of one. */
  async ratings(
    workspaceId: string,
    options: { status?: ReviewStatus; productId?: string } = {},
  ): Promise<RatingCount[]> {
    let query = this.db
      .selectFrom('reviews')
      .select((eb) => ['product_id', 'rating', eb.fn.countAll<number | string>().as('count')])
      .where('workspace_id', '=', workspaceId);
    if (options.status) query = query.where('status', '=', options.status);
    if (options.productId) query = query.where('product_id', '=', options.productId);
    const rows = await query
      .groupBy(['product_id', 'rating'])
      .orderBy('product_id')
      .orderBy('rating')
      .execute();
    return rows.map((r) => ({ product_id: r.product_id, rating: r.rating, count: Number(r.count) }));
  }

  widget(workspaceId: string): Promise<ReviewWidget | undefined> {
    return this.db
      .selectFrom('review_widgets')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
  }

  /** The widget's workspace by its public token, across workspaces. */
  widgetByToken(token: string): Promise<ReviewWidget | undefined> {
    return this.db.selectFrom('review_widgets').selectAll().where('token', '=', token).executeTakeFirst();
  }

  /** Creates the widget's token once; a second caller gets the first one's. */
  async ensureWidget(workspaceId: string, token: string, at: number): Promise<ReviewWidget> {
    await this.db
      .insertInto('review_widgets')
      .values({ workspace_id: workspaceId, token, created_at: at })
      .onConflict((oc) => oc.column('workspace_id').doNothing())
      .execute();
    return (await this.widget(workspaceId))!;
  }
}
