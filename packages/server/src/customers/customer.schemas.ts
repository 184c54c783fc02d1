import { Nullable, StringEnum } from '../http/common.schemas.ts';
import { Type, type Static } from 'typebox';
import { CUSTOMER_STATUSES, IDENTITY_KINDS } from '@jejak/core';

const EpochMs = Type.Number({ description: 'Epoch milliseconds (UTC)' });

export const CustomerStatusSchema = StringEnum(CUSTOMER_STATUSES);

export const CustomerListItemSchema = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  stage: Nullable(Type.String()),
  status: Nullable(Type.String()),
  firstSeenAt: EpochMs,
  lastSeenAt: EpochMs,
});

export const CustomerPageSchema = Type.Object({
  items: Type.Array(CustomerListItemSchema),
  nextCursor: Nullable(Type.String()),
});

export const TimelineEntrySchema = Type.Union([
  Type.Object({
    kind: Type.Literal('event'),
    at: EpochMs,
    messageId: Type.String(),
    type: Type.String(),
    name: Type.String(),
    channel: Type.String(),
    properties: Type.Record(Type.String(), Type.Unknown()),
  }),
  Type.Object({
    kind: Type.Literal('transition'),
    at: EpochMs,
    transition: Type.Union([Type.Literal('stage'), Type.Literal('status')]),
    from: Nullable(Type.String()),
    to: Type.String(),
    cause: Type.String({ description: 'The message id that caused it, or clock' }),
  }),
]);
export type TimelineEntry = Static<typeof TimelineEntrySchema>;

export const CustomerDetailSchema = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  traits: Type.Record(Type.String(), Type.Unknown()),
  firstSeenAt: EpochMs,
  lastSeenAt: EpochMs,
  mergedInto: Nullable(Type.String()),
  identityKeys: Type.Array(Type.Object({ kind: StringEnum(IDENTITY_KINDS), value: Type.String() })),
  journey: Nullable(
    Type.Object({
      stage: Nullable(Type.String()),
      stageEnteredAt: Nullable(EpochMs),
      status: CustomerStatusSchema,
      statusSince: Nullable(EpochMs),
      risk: Type.Union([Type.Literal('none'), Type.Literal('raised'), Type.Literal('high')]),
      orderCount: Type.Integer(),
      dueAt: Nullable(EpochMs),
    }),
  ),
  timeline: Type.Array(TimelineEntrySchema, { description: 'Events and transitions, newest first' }),
});
export type CustomerDetail = Static<typeof CustomerDetailSchema>;

export const MergeSchema = Type.Object({
  id: Type.String(),
  survivorId: Type.String(),
  mergedId: Type.String(),
  keys: Type.Array(Type.Object({ kind: Type.String(), value: Type.String() }), {
    description: 'Identity keys that moved from the merged customer to the survivor',
  }),
  causeMessageId: Nullable(Type.String()),
  createdAt: EpochMs,
  undoneAt: Nullable(EpochMs),
});

export const MergePageSchema = Type.Object({
  items: Type.Array(MergeSchema),
  nextCursor: Nullable(Type.String()),
});
