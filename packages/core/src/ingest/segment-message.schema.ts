import { Type, type Static, type TSchema } from 'typebox';
import type { EventType } from '../event.ts';
import { MAX_EVENT_NAME_LENGTH, MAX_ID_LENGTH } from './ingest.limits.ts';

/*
 * The Segment message as Jejak accepts it (Segment "Spec: Common Fields" plus each call's own fields).
 * Unknown fields (`_metadata`, `version`, `channel`, ...) are allowed and kept, as Segment does.
 * `normalizeMessage` is the only caller that validates with these; `message-refusal.ts` mirrors them
 * rule for rule to say, in one sentence, what is wrong.
 */

/** A free-form JSON object: not an array, not null. Unsafe only to get `Record<string, unknown>` as its type. */
export const JsonObjectSchema = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  additionalProperties: true,
});

/** An id as Segment accepts it: a string, or a number that Jejak turns into a string. */
export const IdSchema = Type.Union([Type.String({ minLength: 1, maxLength: MAX_ID_LENGTH }), Type.Number()], {
  description: `A non-empty string of at most ${MAX_ID_LENGTH} characters; a number is accepted and turned into a string.`,
});

// analytics.js sends `"userId": null` for a visitor who is not identified yet: null means absent.
const OptionalId = Type.Optional(Type.Union([IdSchema, Type.Null()]));

const IsoTimestamp = Type.Optional(
  Type.Union([
    Type.String({ description: 'ISO-8601 date and time, e.g. 2026-11-24T08:30:00.000Z' }),
    Type.Null(),
  ]),
);

const CommonFields = {
  messageId: Type.Optional(
    Type.Union([
      Type.String({
        minLength: 1,
        maxLength: MAX_ID_LENGTH,
        description: 'Deduplication key; derived from the content when absent.',
      }),
      Type.Null(),
    ]),
  ),
  userId: OptionalId,
  anonymousId: OptionalId,
  timestamp: IsoTimestamp,
  originalTimestamp: IsoTimestamp,
  sentAt: IsoTimestamp,
  properties: Type.Optional(JsonObjectSchema),
  traits: Type.Optional(JsonObjectSchema),
  context: Type.Optional(JsonObjectSchema),
  integrations: Type.Optional(JsonObjectSchema),
};

/** Every call but alias needs someone to attach the event to. */
const IdentifiedSchema = Type.Union([
  Type.Object({ userId: IdSchema }),
  Type.Object({ anonymousId: IdSchema }),
]);

const OptionalLabel = Type.Optional(Type.Union([Type.String(), Type.Null()]));

export const TrackMessageSchema = Type.Intersect([
  Type.Object({
    ...CommonFields,
    type: Type.Literal('track'),
    event: Type.String({ minLength: 1, maxLength: MAX_EVENT_NAME_LENGTH }),
  }),
  IdentifiedSchema,
]);

export const IdentifyMessageSchema = Type.Intersect([
  Type.Object({ ...CommonFields, type: Type.Literal('identify') }),
  IdentifiedSchema,
]);

export const PageMessageSchema = Type.Intersect([
  Type.Object({
    ...CommonFields,
    type: Type.Literal('page'),
    name: OptionalLabel,
    category: OptionalLabel,
  }),
  IdentifiedSchema,
]);

export const ScreenMessageSchema = Type.Intersect([
  Type.Object({
    ...CommonFields,
    type: Type.Literal('screen'),
    name: OptionalLabel,
    category: OptionalLabel,
  }),
  IdentifiedSchema,
]);

export const GroupMessageSchema = Type.Intersect([
  Type.Object({
    ...CommonFields,
    type: Type.Literal('group'),
    groupId: IdSchema,
  }),
  IdentifiedSchema,
]);

export const AliasMessageSchema = Type.Object({
  ...CommonFields,
  type: Type.Literal('alias'),
  previousId: IdSchema,
  userId: IdSchema,
});

/** One schema per type, keyed so that adding an event type fails to compile until it has a schema. */
export const MESSAGE_SCHEMAS = {
  track: TrackMessageSchema,
  identify: IdentifyMessageSchema,
  page: PageMessageSchema,
  screen: ScreenMessageSchema,
  group: GroupMessageSchema,
  alias: AliasMessageSchema,
} as const satisfies Record<EventType, TSchema>;

/** A message in a batch or the body of `/v1/<type>` (with `type` filled in from the path). */
export const SegmentMessageSchema = Type.Union([
  TrackMessageSchema,
  IdentifyMessageSchema,
  PageMessageSchema,
  ScreenMessageSchema,
  GroupMessageSchema,
  AliasMessageSchema,
]);

export type TrackMessage = Static<typeof TrackMessageSchema>;
export type IdentifyMessage = Static<typeof IdentifyMessageSchema>;
export type PageMessage = Static<typeof PageMessageSchema>;
export type ScreenMessage = Static<typeof ScreenMessageSchema>;
export type GroupMessage = Static<typeof GroupMessageSchema>;
export type AliasMessage = Static<typeof AliasMessageSchema>;
export type SegmentMessage = Static<typeof SegmentMessageSchema>;
