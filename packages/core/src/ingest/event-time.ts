import { MAX_FUTURE_MS } from './ingest.limits.ts';
import { parseIsoTimestamp } from './iso-timestamp.ts';
import { describeType, quote } from './message-refusal.ts';

export interface EventTime {
  /** When the event happened, on the server's clock (epoch ms). */
  at: number;
  /** When the client sent it, on the client's clock (epoch ms), when the client said so. */
  sentAt?: number;
}

export interface TimestampFields {
  timestamp?: string | null;
  originalTimestamp?: string | null;
  sentAt?: string | null;
}

interface Reading {
  field: string;
  text: string;
  ms: number;
}

/**
 * When the event happened, by Segment's rules. With `sentAt`, the gap between the event and its sending is
 * measured on the device's clock and subtracted from the server's arrival time: that cancels the device's
 * clock skew and still keeps a historical timestamp historical. Without `sentAt` the timestamp is taken as
 * it is. A time more than 24 hours after arrival is refused.
 *
 * @example
 * // A phone whose clock runs 10 minutes fast sends an event 1 minute after it happened:
 * resolveEventTime({ timestamp: '2026-11-24T10:09:00Z', sentAt: '2026-11-24T10:10:00Z' },
 *   { receivedAt: Date.parse('2026-11-24T10:00:00Z') }) // at = 09:59:00Z
 */
export function resolveEventTime(
  message: TimestampFields,
  ctx: { receivedAt: number; batchSentAt?: unknown },
): EventTime | { reason: string } {
  const original = read('originalTimestamp', message.originalTimestamp);
  if (typeof original === 'string') return { reason: original };
  const timestamp = read('timestamp', message.timestamp);
  if (typeof timestamp === 'string') return { reason: timestamp };
  const sentAt =
    message.sentAt === undefined || message.sentAt === null
      ? read('batch sentAt', ctx.batchSentAt)
      : read('sentAt', message.sentAt);
  if (typeof sentAt === 'string') return { reason: sentAt };

  // originalTimestamp is the device's own clock, which is what the correction is for; a `timestamp`
  // without sentAt is trusted as sent (a server library, or a historical import).
  const happened = sentAt === undefined ? (timestamp ?? original) : (original ?? timestamp);
  const at =
    sentAt === undefined
      ? (happened?.ms ?? ctx.receivedAt)
      : ctx.receivedAt - (sentAt.ms - (happened?.ms ?? sentAt.ms));
  if (happened !== undefined && at - ctx.receivedAt > MAX_FUTURE_MS) {
    return {
      reason: `${happened.field} ${quote(happened.text)} is in the future: more than 24 hours after the message was received`,
    };
  }
  return sentAt === undefined ? { at } : { at, sentAt: sentAt.ms };
}

/** The parsed timestamp, undefined when absent, or the refusal (a string) when it is not an ISO-8601 date. */
function read(field: string, value: unknown): Reading | undefined | string {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    return `${field} must be an ISO-8601 date string (got ${describeType(value)})`;
  }
  const ms = parseIsoTimestamp(value);
  return ms === undefined ? `${field} ${quote(value)} is not an ISO-8601 date` : { field, text: value, ms };
}
