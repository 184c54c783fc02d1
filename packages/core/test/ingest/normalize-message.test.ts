import { describe, expect, it } from 'vitest';
import { normalizeMessage, toJourneyEvent } from '../../src/ingest/index.ts';
import {
  aContext,
  aGroup,
  aPage,
  aScreen,
  aTrack,
  accepted,
  anAlias,
  anIdentify,
  refusal,
} from './message.factory.ts';

const normalize = (raw: unknown, ctx = aContext()) => normalizeMessage(raw, ctx);

describe('normalizeMessage: names and shapes', () => {
  it('names a track by its event', () => {
    expect(accepted(normalize(aTrack({ event: 'Product Viewed' }))).name).toBe('Product Viewed');
  });

  it.each([
    ['page', aPage(), 'Page Viewed'],
    ['screen', aScreen(), 'Screen Viewed'],
    ['identify', anIdentify(), 'Identified'],
    ['group', aGroup(), 'Group Joined'],
    ['alias', anAlias(), 'Aliased'],
  ])('names a %s call %s', (_type, message, name) => {
    expect(accepted(normalize(message)).name).toBe(name);
  });

  it("adds a page's name and category to its properties", () => {
    expect(accepted(normalize(aPage())).properties).toEqual({
      path: '/produk/batik-tulis',
      name: 'Batik Tulis',
      category: 'Produk',
    });
  });

  it("adds a screen's name to its properties", () => {
    expect(accepted(normalize(aScreen({ properties: { step: 2 } }))).properties).toEqual({
      step: 2,
      name: 'Keranjang',
    });
  });

  it('gives an empty properties object when the message has none', () => {
    expect(accepted(normalize(aTrack({ properties: undefined }))).properties).toEqual({});
  });

  it("takes an identify's traits from the message", () => {
    expect(accepted(normalize(anIdentify({ traits: { name: 'Siti' } }))).traits).toEqual({ name: 'Siti' });
  });

  it('takes the traits of a track from context.traits', () => {
    const message = accepted(normalize(aTrack({ context: { traits: { name: 'Budi' } } })));
    expect(message.traits).toEqual({ name: 'Budi' });
  });

  it("lays the message's context over the batch's", () => {
    const ctx = aContext({ batchContext: { ip: '10.0.0.1', locale: 'id-ID' } });
    const message = accepted(normalize(aTrack({ context: { locale: 'en-US' } }), ctx));
    expect(message.context).toEqual({ ip: '10.0.0.1', locale: 'en-US' });
  });

  it('turns numeric ids into strings, as Segment does', () => {
    const message = accepted(normalize(aGroup({ userId: 42, groupId: 7 })));
    expect([message.userId, message.groupId]).toEqual(['42', '7']);
  });

  it('reads a null userId as absent when there is an anonymousId (analytics.js sends it so)', () => {
    const message = accepted(normalize(aTrack({ userId: null, anonymousId: 'anon-9' })));
    expect([message.userId, message.anonymousId]).toEqual([undefined, 'anon-9']);
  });

  it('keeps the previousId of an alias', () => {
    expect(accepted(normalize(anAlias({ previousId: 'anon-7' }))).previousId).toBe('anon-7');
  });

  it('fills in the type forced by the endpoint when the body has none', () => {
    const { type: _, ...body } = aTrack();
    expect(accepted(normalize(body, aContext({ type: 'track' }))).type).toBe('track');
  });

  it('keeps unknown fields out of the way instead of refusing them', () => {
    expect(normalize(aTrack({ _metadata: { jsRuntime: 'node' }, version: 2 })).ok).toBe(true);
  });

  it('reports the size of the message in UTF-8 bytes', () => {
    const message = aTrack({ properties: { note: 'kopi ☕' } });
    const bytes = new TextEncoder().encode(JSON.stringify(message)).length;
    expect(accepted(normalize(message)).sizeBytes).toBe(bytes);
  });

  it('gives the journey engine the touchpoint part of the message', () => {
    const message = accepted(normalize(aTrack()));
    expect(toJourneyEvent(message)).toEqual({
      messageId: 'msg-1',
      type: 'track',
      name: 'Order Completed',
      at: message.at,
      channel: message.channel,
      properties: { total: 150000, currency: 'IDR' },
      branchId: null,
    });
  });
});

describe('normalizeMessage: refusals', () => {
  const long = (n: number) => 'x'.repeat(n);

  it.each([
    ['a message that is not an object', ['track'], 'message must be a JSON object (got array)'],
    [
      'a missing type',
      aTrack({ type: undefined }),
      'type is required: one of track, identify, page, screen, group, alias',
    ],
    [
      'an unknown type',
      aTrack({ type: 'purchase' }),
      "type 'purchase' is not one of track, identify, page, screen, group, alias",
    ],
    [
      'a type that is not a string',
      aTrack({ type: 3 }),
      'type must be one of track, identify, page, screen, group, alias (got number)',
    ],
    ['a track without event', aTrack({ event: undefined }), 'event is required for track'],
    ['an event that is a number', aTrack({ event: 42 }), 'event must be a non-empty string (got number)'],
    ['an empty event', aTrack({ event: '' }), 'event must be a non-empty string (got an empty string)'],
    [
      'an event of 201 characters',
      aTrack({ event: long(201) }),
      'event must be at most 200 characters (got 201)',
    ],
    ['nobody to attach the event to', aTrack({ userId: undefined }), 'userId or anonymousId is required'],
    ['only null ids', aPage({ anonymousId: null, userId: null }), 'userId or anonymousId is required'],
    ['an alias without previousId', anAlias({ previousId: undefined }), 'previousId is required for alias'],
    [
      'an alias without userId',
      anAlias({ userId: undefined, anonymousId: 'a' }),
      'userId is required for alias',
    ],
    ['a group without groupId', aGroup({ groupId: undefined }), 'groupId is required for group'],
    [
      'a userId that is a boolean',
      aTrack({ userId: true }),
      'userId must be a string or a number (got boolean)',
    ],
    [
      'an empty anonymousId',
      aPage({ anonymousId: '' }),
      'anonymousId must be a non-empty string (got an empty string)',
    ],
    [
      'a userId of 256 characters',
      aTrack({ userId: long(256) }),
      'userId must be at most 255 characters (got 256)',
    ],
    ['a messageId that is a number', aTrack({ messageId: 12 }), 'messageId must be a string (got number)'],
    [
      'a messageId of 256 characters',
      aTrack({ messageId: long(256) }),
      'messageId must be at most 255 characters (got 256)',
    ],
    ['properties that are an array', aTrack({ properties: [1] }), 'properties must be an object (got array)'],
    ['traits that are null', anIdentify({ traits: null }), 'traits must be an object (got null)'],
    ['a context that is a string', aTrack({ context: 'web' }), 'context must be an object (got string)'],
    [
      'integrations that are an array',
      aTrack({ integrations: [] }),
      'integrations must be an object (got array)',
    ],
    ['a page name that is a number', aPage({ name: 5 }), 'name must be a string (got number)'],
    [
      'a timestamp that is a number',
      aTrack({ timestamp: 1700000000 }),
      'timestamp must be an ISO-8601 date string (got number)',
    ],
  ])('refuses %s, saying why', (_case, message, reason) => {
    expect(refusal(normalize(message))).toBe(reason);
  });

  it('refuses a type that does not match the endpoint', () => {
    const result = normalize(anIdentify(), aContext({ type: 'track' }));
    expect(refusal(result)).toBe("type 'identify' does not match this endpoint, which accepts only 'track'");
  });

  it('refuses a message over 32 KB, giving its size', () => {
    const message = aTrack({ properties: { blob: 'x'.repeat(40_000) } });
    const bytes = JSON.stringify(message).length;
    expect(refusal(normalize(message))).toBe(`message is ${bytes} bytes; the limit is 32768 bytes (32 KB)`);
  });

  it('accepts a message of exactly 32 KB', () => {
    const base = JSON.stringify(aTrack({ properties: { blob: '' } })).length;
    expect(normalize(aTrack({ properties: { blob: 'x'.repeat(32768 - base) } })).ok).toBe(true);
  });

  it('counts bytes, not characters, against the limit', () => {
    const message = aTrack({ properties: { blob: 'é'.repeat(17_000) } });
    expect(refusal(normalize(message))).toMatch(/^message is 34\d{3} bytes/);
  });

  it('refuses a batch context that is not an object', () => {
    expect(refusal(normalize(aTrack(), aContext({ batchContext: [] })))).toBe(
      'batch context must be an object (got array)',
    );
  });

  it('returns the messageId of a refused message, for quarantine', () => {
    expect(normalize(aTrack({ event: 1, messageId: 'abc' }))).toEqual({
      ok: false,
      reason: 'event must be a non-empty string (got number)',
      messageId: 'abc',
    });
  });
});
