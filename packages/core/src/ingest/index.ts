export { BatchBodySchema, type BatchBody } from './batch-body.schema.ts';
export { canonicalJson } from './canonical-json.ts';
export { deriveChannel, type ChannelSignals } from './channel.derive.ts';
export { resolveEventTime, type EventTime } from './event-time.ts';
export { collectIdentityKeys, normalizeEmail, normalizePhone } from './identity-keys.ts';
export {
  MAX_BATCH_BYTES,
  MAX_EVENT_NAME_LENGTH,
  MAX_FUTURE_MS,
  MAX_ID_LENGTH,
  MAX_MESSAGE_BYTES,
} from './ingest.limits.ts';
export { parseIsoTimestamp } from './iso-timestamp.ts';
export { normalizeMessage } from './normalize-message.ts';
export {
  toJourneyEvent,
  type NormalizeContext,
  type NormalizedMessage,
  type NormalizeResult,
} from './normalized-message.ts';
export * from './segment-message.schema.ts';
