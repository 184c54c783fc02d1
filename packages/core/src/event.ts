import type { Channel } from './channel.ts';

/** The Segment message types Jejak accepts. */
export const EVENT_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Kinds of identity key that point at one customer (DESIGN §2.4). */
export const IDENTITY_KINDS = ['user_id', 'anonymous_id', 'phone', 'email'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export interface IdentityKey {
  kind: IdentityKind;
  /** Normalised: phone in E.164, email lower-cased, ids as sent. */
  value: string;
}

/**
 * What the journey engine sees of an event: a touchpoint with its time, name, channel and properties.
 * `at` is epoch milliseconds (UTC). Events are ordered by (at, messageId), which makes every replay
 * deterministic whatever the arrival order.
 */
export interface JourneyEvent {
  messageId: string;
  type: EventType;
  /** The track event name; `Page Viewed`, `Screen Viewed`, `Identified`, `Group Joined`, `Aliased` otherwise. */
  name: string;
  at: number;
  channel: Channel;
  properties: Readonly<Record<string, unknown>>;
  /** The outlet it happened at, from `properties.branch_id` (see `branchOf`); absent or null when none. */
  branchId?: string | null;
}

/** Longest branch id kept; a longer value is not an id a business would give its outlets. */
const MAX_BRANCH_ID = 64;

/**
 * The outlet an event happened at: its `branch_id` property when that is a short non-empty string.
 *
 * @example
 * branchOf({ order_id: 'KMG-1', branch_id: 'br_kemang' }); // 'br_kemang'
 */
export function branchOf(properties: Readonly<Record<string, unknown>>): string | null {
  const value = properties.branch_id;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_BRANCH_ID ? trimmed : null;
}

/** Total order of events: time first, then message id. */
export function compareEvents(
  a: Pick<JourneyEvent, 'at' | 'messageId'>,
  b: Pick<JourneyEvent, 'at' | 'messageId'>,
): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0;
}
