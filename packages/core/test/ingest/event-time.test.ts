import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeMessage, parseIsoTimestamp } from '../../src/ingest/index.ts';
import { HOUR, MINUTE, RECEIVED_AT, aContext, aTrack, accepted, iso, refusal } from './message.factory.ts';

const DAY = 24 * HOUR;

describe('event time', () => {
  it('shifts an event back by the 10 minutes its device clock runs ahead', () => {
    const deviceNow = RECEIVED_AT + 10 * MINUTE;
    const message = aTrack({ timestamp: iso(deviceNow - MINUTE), sentAt: iso(deviceNow) });
    expect(accepted(normalizeMessage(message, aContext())).at).toBe(RECEIVED_AT - MINUTE);
  });

  it('shifts an event forward when the device clock runs behind', () => {
    const deviceNow = RECEIVED_AT - 2 * HOUR;
    const message = aTrack({ originalTimestamp: iso(deviceNow - 5 * MINUTE), sentAt: iso(deviceNow) });
    expect(accepted(normalizeMessage(message, aContext())).at).toBe(RECEIVED_AT - 5 * MINUTE);
  });

  it('keeps a historical timestamp historical when sentAt is now', () => {
    const lastYear = RECEIVED_AT - 365 * DAY;
    const message = aTrack({ timestamp: iso(lastYear), sentAt: iso(RECEIVED_AT) });
    expect(accepted(normalizeMessage(message, aContext())).at).toBe(lastYear);
  });

  it("uses the batch's sentAt when the message has none", () => {
    const deviceNow = RECEIVED_AT + 10 * MINUTE;
    const ctx = aContext({ batchSentAt: iso(deviceNow) });
    const message = accepted(normalizeMessage(aTrack({ timestamp: iso(deviceNow - MINUTE) }), ctx));
    expect([message.at, message.sentAt]).toEqual([RECEIVED_AT - MINUTE, deviceNow]);
  });

  it("prefers the message's own sentAt to the batch's", () => {
    const ctx = aContext({ batchSentAt: iso(RECEIVED_AT + HOUR) });
    const message = aTrack({ timestamp: iso(RECEIVED_AT - MINUTE), sentAt: iso(RECEIVED_AT) });
    expect(accepted(normalizeMessage(message, ctx)).at).toBe(RECEIVED_AT - MINUTE);
  });

  it('corrects originalTimestamp rather than timestamp when both are sent with sentAt', () => {
    const message = aTrack({
      originalTimestamp: iso(RECEIVED_AT + 9 * MINUTE),
      timestamp: iso(RECEIVED_AT - DAY),
      sentAt: iso(RECEIVED_AT + 10 * MINUTE),
    });
    expect(accepted(normalizeMessage(message, aContext())).at).toBe(RECEIVED_AT - MINUTE);
  });

  it('takes the timestamp as it is when there is no sentAt', () => {
    const message = aTrack({ timestamp: iso(RECEIVED_AT - 3 * HOUR), originalTimestamp: iso(RECEIVED_AT) });
    expect(accepted(normalizeMessage(message, aContext())).at).toBe(RECEIVED_AT - 3 * HOUR);
  });

  it('dates a message with no time at all at its arrival', () => {
    const message = accepted(normalizeMessage(aTrack({ timestamp: undefined }), aContext()));
    expect([message.at, message.receivedAt, message.sentAt]).toEqual([RECEIVED_AT, RECEIVED_AT, undefined]);
  });

  it('dates a message with only sentAt at its arrival', () => {
    const message = aTrack({ timestamp: undefined, sentAt: iso(RECEIVED_AT + HOUR) });
    expect(accepted(normalizeMessage(message, aContext())).at).toBe(RECEIVED_AT);
  });

  it('refuses an event more than 24 hours in the future', () => {
    const message = aTrack({ timestamp: '2026-11-25T08:00:00.001Z' });
    expect(refusal(normalizeMessage(message, aContext()))).toBe(
      "timestamp '2026-11-25T08:00:00.001Z' is in the future: more than 24 hours after the message was received",
    );
  });

  it('accepts an event exactly 24 hours ahead', () => {
    expect(normalizeMessage(aTrack({ timestamp: iso(RECEIVED_AT + DAY) }), aContext()).ok).toBe(true);
  });

  it('refuses an event that is in the future even after correcting the clock', () => {
    const message = aTrack({ originalTimestamp: iso(RECEIVED_AT + 2 * DAY), sentAt: iso(RECEIVED_AT) });
    expect(refusal(normalizeMessage(message, aContext()))).toMatch(
      /^originalTimestamp '.+' is in the future/,
    );
  });

  it('refuses a timestamp that is not a date, naming it', () => {
    expect(refusal(normalizeMessage(aTrack({ timestamp: 'yesterday' }), aContext()))).toBe(
      "timestamp 'yesterday' is not an ISO-8601 date",
    );
  });

  it('refuses an unparseable sentAt, naming it', () => {
    expect(refusal(normalizeMessage(aTrack({ sentAt: '24/11/2026' }), aContext()))).toBe(
      "sentAt '24/11/2026' is not an ISO-8601 date",
    );
  });

  it('refuses an unparseable batch sentAt, naming it as the batch one', () => {
    expect(refusal(normalizeMessage(aTrack(), aContext({ batchSentAt: 'now' })))).toBe(
      "batch sentAt 'now' is not an ISO-8601 date",
    );
  });
});

describe('parseIsoTimestamp', () => {
  it.each([
    ['2026-11-24T08:00:00.000Z', RECEIVED_AT],
    ['2026-11-24T15:00:00+07:00', RECEIVED_AT],
    ['2026-11-24T15:00:00+0700', RECEIVED_AT],
    ['2026-11-24T08:00:00', RECEIVED_AT],
    ['2026-11-24 08:00', RECEIVED_AT],
    ['2026-11-24T08:00:00.000123+00:00', RECEIVED_AT],
    ['2026-11-24', Date.parse('2026-11-24T00:00:00Z')],
    ['2024-02-29T00:00:00Z', Date.parse('2024-02-29T00:00:00Z')],
  ])('reads %s', (text, ms) => {
    expect(parseIsoTimestamp(text)).toBe(ms);
  });

  it('reads every Date#toISOString output back to its time', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(parseIsoTimestamp(date.toISOString())).toBe(date.getTime());
        },
      ),
    );
  });

  it.each([
    'yesterday',
    '2026-11-24T08:00:00 WIB',
    '2026-13-01',
    '2025-02-29',
    '2026-11-24T24:00:00Z',
    '1700000000',
    '',
    '2026-02-30T00:00:00.000Z',
    '2026-11-24T08:00:60.000Z',
    '2026-11-24T08:00:00.0a0Z',
  ])('refuses %j', (text) => {
    expect(parseIsoTimestamp(text)).toBeUndefined();
  });
});
