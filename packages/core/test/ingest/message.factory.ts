import type { NormalizeContext, NormalizedMessage, NormalizeResult } from '../../src/ingest/index.ts';

/** The server's clock when the test messages arrive. */
export const RECEIVED_AT = Date.parse('2026-11-24T08:00:00.000Z');

export const iso = (ms: number): string => new Date(ms).toISOString();
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

type Overrides = Record<string, unknown>;

export function aTrack(overrides: Overrides = {}): Record<string, unknown> {
  return {
    type: 'track',
    messageId: 'msg-1',
    event: 'Order Completed',
    userId: 'user-1',
    properties: { total: 150000, currency: 'IDR' },
    timestamp: iso(RECEIVED_AT),
    ...overrides,
  };
}

export function anIdentify(overrides: Overrides = {}): Record<string, unknown> {
  return {
    type: 'identify',
    messageId: 'msg-2',
    userId: 'user-1',
    traits: { name: 'Siti', phone: '0812-3456-7890', email: 'Siti@Toko.co.id' },
    ...overrides,
  };
}

export function aPage(overrides: Overrides = {}): Record<string, unknown> {
  return {
    type: 'page',
    messageId: 'msg-3',
    anonymousId: 'anon-1',
    name: 'Batik Tulis',
    category: 'Produk',
    properties: { path: '/produk/batik-tulis' },
    ...overrides,
  };
}

export function aScreen(overrides: Overrides = {}): Record<string, unknown> {
  return { type: 'screen', messageId: 'msg-4', anonymousId: 'anon-1', name: 'Keranjang', ...overrides };
}

export function aGroup(overrides: Overrides = {}): Record<string, unknown> {
  return {
    type: 'group',
    messageId: 'msg-5',
    userId: 'user-1',
    groupId: 'toko-1',
    traits: { name: 'Toko Batik' },
    ...overrides,
  };
}

export function anAlias(overrides: Overrides = {}): Record<string, unknown> {
  return { type: 'alias', messageId: 'msg-6', userId: 'user-1', previousId: 'anon-1', ...overrides };
}

export function aContext(overrides: Partial<NormalizeContext> = {}): NormalizeContext {
  return { receivedAt: RECEIVED_AT, ...overrides };
}

/** The normalised message, or a failure that shows the refusal reason. */
export function accepted(result: NormalizeResult): NormalizedMessage {
  if (!result.ok) throw new Error(`expected the message to be accepted, but: ${result.reason}`);
  return result.message;
}

/** The refusal reason, or a failure when the message was accepted. */
export function refusal(result: NormalizeResult): string {
  if (result.ok) {
    throw new Error(`expected a refusal, but the message was accepted as ${result.message.name}`);
  }
  return result.reason;
}
