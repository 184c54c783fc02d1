import type { Channel } from '../channel.ts';
import { branchOf, type EventType, type IdentityKey, type JourneyEvent } from '../event.ts';

/** What the server knows about a message beyond its body. */
export interface NormalizeContext {
  /** When the server received the request, on the server's clock (epoch ms). */
  receivedAt: number;
  /** Forced by the endpoint (`/v1/track` ...); in a batch each item's own `type` is used. */
  type?: EventType;
  /** The batch's `sentAt`, used by items that have none. */
  batchSentAt?: unknown;
  /** The batch's `context`, under each item's own (the item's keys win). */
  batchContext?: unknown;
  /** The channel of the write key's source. */
  defaultChannel?: Channel;
}

/** A valid Segment message, in the shape the rest of Jejak uses. */
export interface NormalizedMessage {
  /** As sent, or `jejak-` and a hash of the content when the client sent none. */
  messageId: string;
  type: EventType;
  /** The track event; `Page Viewed`, `Screen Viewed`, `Identified`, `Group Joined` or `Aliased` otherwise. */
  name: string;
  /** When it happened, corrected for the device's clock (epoch ms). */
  at: number;
  receivedAt: number;
  /** When the client says it sent the message, on its own clock (epoch ms). */
  sentAt?: number;
  userId?: string;
  anonymousId?: string;
  previousId?: string;
  groupId?: string;
  /** For page and screen, with the page's `name` and `category` added. */
  properties: Record<string, unknown>;
  /** An identify's or group's traits; for other calls, `context.traits`. */
  traits: Record<string, unknown>;
  /** The batch's context with the message's own over it. */
  context: Record<string, unknown>;
  channel: Channel;
  /** In priority order: user_id, anonymous_id, phone, email. */
  identityKeys: IdentityKey[];
  /** UTF-8 bytes of the message's JSON. */
  sizeBytes: number;
}

export type NormalizeResult =
  { ok: true; message: NormalizedMessage } | { ok: false; reason: string; messageId?: string };

/**
 * The touchpoint the journey engine sees.
 *
 * @example toJourneyEvent(normalized) // { messageId, type: 'track', name: 'Order Completed', at, channel: 'web', properties }
 */
export function toJourneyEvent(m: NormalizedMessage): JourneyEvent {
  return {
    messageId: m.messageId,
    type: m.type,
    name: m.name,
    at: m.at,
    channel: m.channel,
    properties: m.properties,
    branchId: branchOf(m.properties),
  };
}
