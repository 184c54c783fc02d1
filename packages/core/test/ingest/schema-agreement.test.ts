import fc from 'fast-check';
import { Compile, type Validator } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type EventType } from '../../src/event.ts';
import { MESSAGE_SCHEMAS, SegmentMessageSchema } from '../../src/ingest/index.ts';
import { explainRefusal } from '../../src/ingest/message-refusal.ts';
import { aGroup, aPage, aScreen, aTrack, anAlias, anIdentify } from './message.factory.ts';

// Values on both sides of every rule: absent, null, empty, at and past the length limits, wrong types.
const anyValue = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  'x',
  '🙂'.repeat(200),
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(255),
  'x'.repeat(256),
  0,
  42,
  true,
  [],
  {},
  { a: 1 },
  '2026-11-24T08:00:00Z',
);
const FIELDS = [
  'messageId',
  'userId',
  'anonymousId',
  'previousId',
  'groupId',
  'event',
  'name',
  'category',
  'properties',
  'traits',
  'context',
  'integrations',
  'timestamp',
  'originalTimestamp',
  'sentAt',
] as const;

const VALID = {
  track: aTrack(),
  identify: anIdentify(),
  page: aPage(),
  screen: aScreen(),
  group: aGroup(),
  alias: anAlias(),
};

// A valid message of each type with up to three fields changed (undefined removes the field).
const aMessage = fc
  .tuple(
    fc.constantFrom(...EVENT_TYPES),
    fc.array(fc.tuple(fc.constantFrom(...FIELDS), anyValue), { maxLength: 3 }),
  )
  .map(([type, changes]) => {
    const message: Record<string, unknown> = { ...VALID[type] };
    for (const [field, value] of changes) {
      if (value === undefined) delete message[field];
      else message[field] = value;
    }
    return { type, message };
  });

describe('the message schema and the refusal reasons', () => {
  it('agree on which messages are valid', () => {
    const validators = new Map<EventType, Validator>(
      EVENT_TYPES.map((t) => [t, Compile(MESSAGE_SCHEMAS[t])]),
    );
    fc.assert(
      fc.property(aMessage, ({ type, message }) => {
        const schemaAccepts = validators.get(type)?.Check(message);
        expect(explainRefusal(message, type) === undefined).toBe(schemaAccepts);
      }),
      { numRuns: 5000 },
    );
  });

  it('accept in the union what each type accepts', () => {
    const union = Compile(SegmentMessageSchema);
    fc.assert(
      fc.property(aMessage, ({ type, message }) => {
        if (explainRefusal(message, type) === undefined) expect(union.Check(message)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
