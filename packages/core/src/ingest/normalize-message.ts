import { assertUnreachable } from '../assert.ts';
import { canonicalJson, utf8ByteLength } from './canonical-json.ts';
import { deriveChannel } from './channel.derive.ts';
import { resolveEventTime } from './event-time.ts';
import { hash128 } from './hash128.ts';
import { collectIdentityKeys } from './identity-keys.ts';
import { MAX_MESSAGE_BYTES } from './ingest.limits.ts';
import { isJsonObject } from './json-object.ts';
import { describeType, resolveType } from './message-refusal.ts';
import { validateMessage } from './message.validator.ts';
import type { NormalizeContext, NormalizeResult } from './normalized-message.ts';
import type { SegmentMessage } from './segment-message.schema.ts';

/**
 * Validates one Segment message and puts it in the shape the rest of Jejak uses, or says in one sentence
 * why it is refused. The only place that decides what a valid message is: the server does not re-check.
 *
 * @example
 * normalizeMessage({ type: 'track', event: 'Order Completed', userId: 'u1' }, { receivedAt: Date.now() })
 * // { ok: true, message: { name: 'Order Completed', identityKeys: [{ kind: 'user_id', value: 'u1' }], ... } }
 * normalizeMessage({ type: 'track', event: 'Order Completed' }, { receivedAt: Date.now() })
 * // { ok: false, reason: 'userId or anonymousId is required' }
 */
export function normalizeMessage(raw: unknown, ctx: NormalizeContext): NormalizeResult {
  if (!isJsonObject(raw)) {
    return { ok: false, reason: `message must be a JSON object (got ${describeType(raw)})` };
  }
  const type = resolveType(raw, ctx.type);
  if (typeof type !== 'string') return refuse(type.reason, raw);
  // A body posted to /v1/track may leave `type` out: filled in, so its id and size do not depend on that.
  const body = raw.type === type ? raw : { ...raw, type };
  const message = validateMessage(body, type);
  if ('reason' in message) return refuse(message.reason, raw);

  const { sizeBytes, derivedId } = measure(body, message.messageId);
  if (sizeBytes > MAX_MESSAGE_BYTES) {
    return refuse(`message is ${sizeBytes} bytes; the limit is ${MAX_MESSAGE_BYTES} bytes (32 KB)`, raw);
  }
  const time = resolveEventTime(message, ctx);
  if ('reason' in time) return refuse(time.reason, raw);
  if (ctx.batchContext != null && !isJsonObject(ctx.batchContext)) {
    return refuse(`batch context must be an object (got ${describeType(ctx.batchContext)})`, raw);
  }

  const context = mergeContext(ctx.batchContext, message.context);
  const { name, properties } = describeEvent(message);
  const userId = toId(message.userId);
  const anonymousId = toId(message.anonymousId);
  const previousId = message.type === 'alias' ? toId(message.previousId) : undefined;
  const contextTraits = isJsonObject(context.traits) ? context.traits : undefined;
  const ownTraits = message.type === 'identify' || message.type === 'group';
  return {
    ok: true,
    message: {
      messageId: message.messageId ?? derivedId,
      type,
      name,
      at: time.at,
      receivedAt: ctx.receivedAt,
      sentAt: time.sentAt,
      userId,
      anonymousId,
      previousId,
      groupId: message.type === 'group' ? toId(message.groupId) : undefined,
      properties,
      traits: (ownTraits ? message.traits : contextTraits) ?? {},
      context,
      channel: deriveChannel({ type, properties, context, defaultChannel: ctx.defaultChannel }),
      identityKeys: collectIdentityKeys({
        type,
        userId,
        anonymousId,
        previousId,
        traits: message.traits,
        contextTraits,
      }),
      sizeBytes,
    },
  };
}

function refuse(reason: string, raw: Record<string, unknown>): NormalizeResult {
  const { messageId } = raw;
  return typeof messageId === 'string' && messageId !== ''
    ? { ok: false, reason, messageId }
    : { ok: false, reason };
}

/**
 * Size, and an id for a message that came without one, from a single serialisation: the canonical JSON has
 * the length JSON.stringify would give. `sentAt` is left out of the id (a client may stamp each retry
 * anew) and its bytes are added back to the size.
 */
function measure(
  body: Record<string, unknown>,
  messageId: string | null | undefined,
): { sizeBytes: number; derivedId: string } {
  if (typeof messageId === 'string') {
    return { sizeBytes: utf8ByteLength(JSON.stringify(body)), derivedId: messageId };
  }
  const canonical = canonicalJson(body, 'sentAt');
  let sizeBytes = utf8ByteLength(canonical);
  if (body.sentAt !== undefined) {
    const separator = canonical === '{}' ? 0 : 1;
    sizeBytes += separator + '"sentAt":'.length + utf8ByteLength(JSON.stringify(body.sentAt));
  }
  return { sizeBytes, derivedId: `jejak-${hash128(canonical)}` };
}

function describeEvent(m: SegmentMessage): { name: string; properties: Record<string, unknown> } {
  const properties = m.properties ?? {};
  switch (m.type) {
    case 'track':
      return { name: m.event, properties };
    case 'page':
      return { name: 'Page Viewed', properties: withLabels(properties, m.name, m.category) };
    case 'screen':
      return { name: 'Screen Viewed', properties: withLabels(properties, m.name, m.category) };
    case 'identify':
      return { name: 'Identified', properties };
    case 'group':
      return { name: 'Group Joined', properties };
    case 'alias':
      return { name: 'Aliased', properties };
    default:
      return assertUnreachable(m);
  }
}

/** A page's or screen's top-level `name` and `category` belong with its properties, where rules look. */
function withLabels(
  properties: Record<string, unknown>,
  name: string | null | undefined,
  category: string | null | undefined,
): Record<string, unknown> {
  if (name == null && category == null) return properties;
  const labelled = { ...properties };
  if (name != null) labelled.name = name;
  if (category != null) labelled.category = category;
  return labelled;
}

function mergeContext(
  batchContext: unknown,
  own: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (!isJsonObject(batchContext)) return own ?? {};
  return own === undefined ? batchContext : { ...batchContext, ...own };
}

// Segment accepts numeric ids and stores them as strings.
function toId(id: string | number | null | undefined): string | undefined {
  if (id === null || id === undefined) return undefined;
  return typeof id === 'string' ? id : String(id);
}
