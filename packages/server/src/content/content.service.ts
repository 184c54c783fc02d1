import { randomBytes, randomUUID } from 'node:crypto';
import {
  ContentRepository,
  type ContentItem,
  type ContentItemViews,
  type CustomerContentViews,
  type StageViews,
  type Store,
} from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';
import type { IngestService } from '../ingest/ingest.service.ts';
import type { JourneyService } from '../journey/journey.service.ts';
import { messageIdsOf } from '../support/customer-contact.ts';

export const CONTENT_KINDS = [
  'comparison',
  'price_list',
  'case_study',
  'testimonial',
  'demo_video',
  'sales_deck',
] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export interface ContentInput {
  kind: ContentKind;
  title: string;
  stage: string;
  url: string;
}

export interface ContentStats {
  byItem: ContentItemViews[];
  byStage: StageViews[];
  byCustomer: CustomerContentViews[];
}

const newToken = () => randomBytes(12).toString('base64url');

/**
 * Stage content: items tagged with the stage they serve, shared by tracked links. A view through a
 * customer's personal link is stored and emitted as his `Content Viewed` touchpoint (with the item's
 * stage, which the default rules read) in one transaction; a view through the general link is counted.
 */
export class ContentService {
  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    private readonly journey: JourneyService,
    private readonly now: () => number,
  ) {}

  list(workspaceId: string): Promise<ContentItem[]> {
    return new ContentRepository(this.store.db).list(workspaceId);
  }

  async create(workspaceId: string, input: ContentInput): Promise<ContentItem> {
    const checked = await this.check(workspaceId, input);
    return new ContentRepository(this.store.db).create({
      id: randomUUID(),
      workspace_id: workspaceId,
      ...checked,
      token: newToken(),
      created_at: this.now(),
      archived_at: null,
    });
  }

  async update(
    workspaceId: string,
    id: string,
    input: Partial<ContentInput> & { archived?: boolean },
  ): Promise<ContentItem> {
    const contents = new ContentRepository(this.store.db);
    const item = await contents.get(workspaceId, id);
    if (!item) throw notFound(`Content ${id}`);
    const checked = await this.check(workspaceId, {
      kind: input.kind ?? (item.kind as ContentKind),
      title: input.title ?? item.title,
      stage: input.stage ?? item.stage,
      url: input.url ?? item.url,
    });
    const archived_at =
      input.archived === undefined
        ? item.archived_at
        : input.archived
          ? (item.archived_at ?? this.now())
          : null;
    return (await contents.update(workspaceId, id, { ...checked, archived_at }))!;
  }

  /** A tracked link for one customer: each view through it is his touchpoint. */
  async linkFor(workspaceId: string, id: string, customerId: string): Promise<string> {
    const contents = new ContentRepository(this.store.db);
    const item = await contents.get(workspaceId, id);
    if (!item) throw notFound(`Content ${id}`);
    await messageIdsOf(this.store.db, workspaceId, customerId);
    const link = await contents.createLink({
      token: newToken(),
      workspace_id: workspaceId,
      item_id: item.id,
      customer_id: customerId,
      created_at: this.now(),
    });
    return link.token;
  }

  /** Records a view through a link and answers where it leads; an archived item's links lead nowhere. */
  async open(token: string): Promise<string> {
    const contents = new ContentRepository(this.store.db);
    const link = await contents.link(token);
    const item = link ? await contents.get(link.workspace_id, link.item_id) : await contents.byToken(token);
    if (!item || item.archived_at !== null) throw notFound('This content link');
    const at = this.now();
    await this.ingest.transact(async (trx) => {
      await new ContentRepository(trx).addView({
        workspace_id: item.workspace_id,
        item_id: item.id,
        customer_id: link?.customer_id ?? null,
        stage: item.stage,
        at,
      });
      if (!link) return;
      const ids = await messageIdsOf(trx, item.workspace_id, link.customer_id);
      await this.ingest.emit(trx, item.workspace_id, [
        {
          type: 'track',
          messageId: randomUUID(),
          ...ids,
          event: 'Content Viewed',
          timestamp: new Date(at).toISOString(),
          properties: { content_id: item.id, kind: item.kind, title: item.title, stage: item.stage },
          context: { channel: 'web' },
        },
      ]);
    });
    return item.url;
  }

  async stats(workspaceId: string, from: number, to: number): Promise<ContentStats> {
    const contents = new ContentRepository(this.store.db);
    return {
      byItem: await contents.viewsByItem(workspaceId, from, to),
      byStage: await contents.viewsByStage(workspaceId, from, to),
      byCustomer: await contents.viewsByCustomer(workspaceId, from, to, 20),
    };
  }

  private async check(workspaceId: string, input: ContentInput): Promise<ContentInput> {
    if (!CONTENT_KINDS.includes(input.kind))
      throw badRequest(`kind must be one of ${CONTENT_KINDS.join(', ')}`);
    const title = input.title.trim();
    if (title === '') throw badRequest('title must not be empty');
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw badRequest(`url ${input.url} is not a web address`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw badRequest('url must start with https:// or http://');
    const { rules } = await this.journey.rulesFor(this.store.db, workspaceId);
    const stages = rules.stages.map((s) => s.key);
    if (!stages.includes(input.stage)) throw badRequest(`stage must be one of ${stages.join(', ')}`);
    return { kind: input.kind, title, stage: input.stage, url: url.toString() };
  }
}
