import type { ContentItem, ContentLink, NewContentItem } from '../content.schema.ts';
import type { Executor } from './executor.ts';

/** Views of one item: all of them, and how many customers they came from. */
export interface ContentItemViews {
  item_id: string;
  views: number;
  customers: number;
}

export interface StageViews {
  stage: string;
  views: number;
  customers: number;
}

export interface CustomerContentViews {
  customer_id: string;
  customer_name: string | null;
  views: number;
  last_at: number;
}

export class ContentRepository {
  constructor(private readonly db: Executor) {}

  create(row: NewContentItem): Promise<ContentItem> {
    return this.db.insertInto('content_items').values(row).returningAll().executeTakeFirstOrThrow();
  }

  get(workspaceId: string, id: string): Promise<ContentItem | undefined> {
    return this.db
      .selectFrom('content_items')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Newest first, archived ones after the rest. */
  list(workspaceId: string): Promise<ContentItem[]> {
    return this.db
      .selectFrom('content_items')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  }

  update(
    workspaceId: string,
    id: string,
    changes: Partial<Pick<ContentItem, 'title' | 'stage' | 'url' | 'kind' | 'archived_at'>>,
  ): Promise<ContentItem | undefined> {
    return this.db
      .updateTable('content_items')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  /** By a general link's token: the public redirect's lookup, across workspaces. */
  byToken(token: string): Promise<ContentItem | undefined> {
    return this.db.selectFrom('content_items').selectAll().where('token', '=', token).executeTakeFirst();
  }

  createLink(row: ContentLink): Promise<ContentLink> {
    return this.db.insertInto('content_links').values(row).returningAll().executeTakeFirstOrThrow();
  }

  link(token: string): Promise<ContentLink | undefined> {
    return this.db.selectFrom('content_links').selectAll().where('token', '=', token).executeTakeFirst();
  }

  async addView(row: {
    workspace_id: string;
    item_id: string;
    customer_id: string | null;
    stage: string;
    at: number;
  }): Promise<void> {
    await this.db.insertInto('content_views').values(row).execute();
  }

  /** Views per item in [from, to). */
  async viewsByItem(workspaceId: string, from: number, to: number): Promise<ContentItemViews[]> {
    const rows = await this.db
      .selectFrom('content_views')
      .select((eb) => [
        'item_id',
        eb.fn.countAll<number | string>().as('views'),
        eb.fn.count<number | string>('customer_id').distinct().as('customers'),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('at', '>=', from)
      .where('at', '<', to)
      .groupBy('item_id')
      .execute();
    return rows.map((r) => ({ item_id: r.item_id, views: Number(r.views), customers: Number(r.customers) }));
  }

  /** Views per stage in [from, to). */
  async viewsByStage(workspaceId: string, from: number, to: number): Promise<StageViews[]> {
    const rows = await this.db
      .selectFrom('content_views')
      .select((eb) => [
        'stage',
        eb.fn.countAll<number | string>().as('views'),
        eb.fn.count<number | string>('customer_id').distinct().as('customers'),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('at', '>=', from)
      .where('at', '<', to)
      .groupBy('stage')
      .orderBy('stage')
      .execute();
    return rows.map((r) => ({ stage: r.stage, views: Number(r.views), customers: Number(r.customers) }));
  }

  /** The customers who viewed most in [from, to), at most `limit`. */
  async viewsByCustomer(
    workspaceId: string,
    from: number,
    to: number,
    limit: number,
  ): Promise<CustomerContentViews[]> {
    const rows = await this.db
      .selectFrom('content_views as v')
      .innerJoin('customers as c', (join) =>
        join.onRef('c.workspace_id', '=', 'v.workspace_id').onRef('c.id', '=', 'v.customer_id'),
      )
      .select((eb) => [
        'v.customer_id',
        'c.name as customer_name',
        eb.fn.countAll<number | string>().as('views'),
        eb.fn.max('v.at').as('last_at'),
      ])
      .where('v.workspace_id', '=', workspaceId)
      .where('v.at', '>=', from)
      .where('v.at', '<', to)
      .groupBy(['v.customer_id', 'c.name'])
      .orderBy('views', 'desc')
      .orderBy('v.customer_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      customer_id: r.customer_id!,
      customer_name: r.customer_name,
      views: Number(r.views),
      last_at: Number(r.last_at),
    }));
  }
}
