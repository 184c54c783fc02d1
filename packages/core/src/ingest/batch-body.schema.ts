import { Type, type Static } from 'typebox';
import { JsonObjectSchema } from './segment-message.schema.ts';

/**
 * The body of `POST /v1/batch`. Items stay `unknown` here on purpose: each one is validated on its own by
 * `normalizeMessage`, so one bad item is reported by its index while the others are kept (DESIGN §5).
 * `sentAt` and `context` apply to every item that has none of its own.
 */
export const BatchBodySchema = Type.Object({
  batch: Type.Array(Type.Unknown(), { description: 'Segment messages, each validated on its own.' }),
  sentAt: Type.Optional(
    Type.Union([Type.String({ description: 'ISO-8601 time the client sent the batch.' }), Type.Null()]),
  ),
  context: Type.Optional(JsonObjectSchema),
  integrations: Type.Optional(JsonObjectSchema),
  writeKey: Type.Optional(
    Type.String({ description: 'Write key, when not given as the HTTP Basic username.' }),
  ),
});

export type BatchBody = Static<typeof BatchBodySchema>;
