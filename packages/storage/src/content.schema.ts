import type { Generated, Insertable, Selectable } from 'kysely';

/* Stage content: material a business shares at one stage of the journey, by tracked links. */

export interface ContentItemTable {
  id: string;
  workspace_id: string;
  /** comparison, price_list, case_study, testimonial, demo_video, sales_deck. */
  kind: string;
  title: string;
  /** The journey stage the item serves (a stage key of the workspace's rules). */
  stage: string;
  /** Where the tracked link leads (the material itself: a document, a video, a page). */
  url: string;
  /** The general link's token: views through it are counted, not tied to a customer. */
  token: string;
  created_at: number;
  archived_at: number | null;
}

/** A link for one customer: each view through it is his touchpoint. */
export interface ContentLinkTable {
  token: string;
  workspace_id: string;
  item_id: string;
  customer_id: string;
  created_at: number;
}

export interface ContentViewTable {
  id: Generated<number>;
  workspace_id: string;
  item_id: string;
  /** Null for a view through the general link. */
  customer_id: string | null;
  /** The item's stage when viewed. */
  stage: string;
  at: number;
}

export interface ContentTables {
  content_items: ContentItemTable;
  content_links: ContentLinkTable;
  content_views: ContentViewTable;
}

export type ContentItem = Selectable<ContentItemTable>;
export type NewContentItem = Insertable<ContentItemTable>;
export type ContentLink = Selectable<ContentLinkTable>;
