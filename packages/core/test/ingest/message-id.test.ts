import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, normalizeMessage } from '../../src/ingest/index.ts';
import { utf8ByteLength } from '../../src/ingest/canonical-json.ts';
import { hash128 } from '../../src/ingest/hash128.ts';
import { RECEIVED_AT, aContext, aTrack, accepted, iso } from './message.factory.ts';

const idOf = (raw: Record<string, unknown>) => accepted(normalizeMessage(raw, aContext())).messageId;

describe('messageId', () => {
  it('keeps the messageId the client sent', () => {
    expect(idOf(aTrack({ messageId: 'node-next-1-abc' }))).toBe('node-next-1-abc');
  });

  it('derives a jejak- id from the content when there is none', () => {
    expect(idOf(aTrack({ messageId: undefined }))).toMatch(/^jejak-[0-9a-f]{32}$/);
  });

  it('derives the same id whatever the order of the keys', () => {
    const one = {
      type: 'track',
      event: 'Order Completed',
      userId: 'u1',
      properties: { a: 1, b: { c: 2, d: 3 } },
    };
    const other = {
      properties: { b: { d: 3, c: 2 }, a: 1 },
      userId: 'u1',
      event: 'Order Completed',
      type: 'track',
    };
    expect(idOf(one)).toBe(idOf(other));
  });

  it('derives different ids for different content', () => {
    expect(idOf(aTrack({ messageId: undefined, userId: 'u1' }))).not.toBe(
      idOf(aTrack({ messageId: undefined, userId: 'u2' })),
    );
  });

  it('derives the same id when a retry only changes sentAt', () => {
    const first = aTrack({ messageId: undefined, sentAt: iso(RECEIVED_AT) });
    const retry = aTrack({ messageId: undefined, sentAt: iso(RECEIVED_AT + 5000) });
    expect(idOf(first)).toBe(idOf(retry));
  });

  it('derives the same id whether a single-call body names its type or the endpoint does', () => {
    const { type: _, ...body } = aTrack({ messageId: undefined });
    const forced = accepted(normalizeMessage(body, aContext({ type: 'track' }))).messageId;
    expect(forced).toBe(idOf(aTrack({ messageId: undefined })));
  });

  it('counts the size of a message without an id as JSON.stringify would', () => {
    const raw = aTrack({
      messageId: undefined,
      sentAt: iso(RECEIVED_AT),
      properties: { note: 'ramah 🙂 é' },
    });
    const bytes = new TextEncoder().encode(JSON.stringify(raw)).length;
    expect(accepted(normalizeMessage(raw, aContext())).sizeBytes).toBe(bytes);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ z: 1, y: 2 }, 3] })).toBe('{"a":[{"y":2,"z":1},3],"b":1}');
  });

  it('has the length of JSON.stringify for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value).length).toBe(JSON.stringify(value).length);
      }),
    );
  });

  it('measures UTF-8 bytes as TextEncoder does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
  });

  it('measures a text longer than its scratch buffer', () => {
    const text = 'é'.repeat(40_000) + 'a🙂';
    expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('hash128', () => {
  it('gives 32 hex digits, the same for the same text', () => {
    expect(hash128('kopi susu')).toMatch(/^[0-9a-f]{32}$/);
    expect(hash128('kopi susu')).toBe(hash128('kopi susu'));
  });

  it('gives no collision over 100,000 similar texts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(hash128(`{"event":"Order Completed","userId":"user-${i}"}`));
    expect(seen.size).toBe(100_000);
  });
});
