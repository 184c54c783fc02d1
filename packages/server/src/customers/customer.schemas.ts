import { Nullable, StringEnum } from '../http/common.schemas.ts';
import { Type, type Static } from 'typebox';
import { CUSTOMER_STATUSES, IDENTITY_KINDS } from '@jejak/core';

const EpochMs = Type.Number({ description: 'Epoch milliseconds (UTC)' });
const Money = Type.Integer({
  description:
    "What the customer's orders were worth together (total, else revenue, else value of each order), in the minor unit of the workspace currency (IDR has none: 150000 is Rp 150.000)",
});
const Campaign = Nullable(
  Type.Record(Type.String(), Type.String(), {
    description: 'context.campaign of the message: the UTM parameters of the page it came from',
  }),
);

export const CustomerStatusSchema = StringEnum(CUSTOMER_STATUSES);

export const CustomerListItemSchema = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  stage: Nullable(Type.String()),
  status: Nullable(Type.String()),
  value: Money,
  firstSeenAt: EpochMs,
  lastSeenAt: EpochMs,
});

export const CustomerPageSchema = Type.Object({
  items: Type.Array(CustomerListItemSchema),
  nextCursor: Nullable(Type.String()),
});

const EventEntrySchema = Type.Object({
  kind: Type.Literal('event'),
  at: EpochMs,
  messageId: Type.String(),
  type: Type.String(),
  name: Type.String(),
  channel: Type.String(),
  properties: Type.Record(Type.String(), Type.Unknown()),
  campaign: Campaign,
});

const TransitionEntrySchema = Type.Object({
  kind: Type.Literal('transition'),
  at: EpochMs,
  transition: Type.Union([Type.Literal('stage'), Type.Literal('status')]),
  from: Nullable(Type.String()),
  to: Type.String(),
  cause: Type.String({ description: 'The message id that caused it, or clock' }),
  causeName: Nullable(Type.String({ description: 'The name of the event that caused it; null for clock' })),
});

export const TimelineEntrySchema = Type.Union([EventEntrySchema, TransitionEntrySchema]);
export type TimelineEntry = Static<typeof TimelineEntrySchema>;
export type TransitionEntry = Static<typeof TransitionEntrySchema>;
export type EventEntry = Static<typeof EventEntrySchema>;

export const TimelinePageSchema = Type.Object({
  items: Type.Array(TimelineEntrySchema, { description: 'Events and transitions, newest first' }),
  nextCursor: Nullable(Type.String()),
});

export const CustomerDetailSchema = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  traits: Type.Record(Type.String(), Type.Unknown()),
  firstSeenAt: EpochMs,
  lastSeenAt: EpochMs,
  mergedInto: Nullable(Type.String()),
  value: Money,
  firstTouch: Nullable(
    Type.Object(
      { at: EpochMs, name: Type.String(), channel: Type.String(), campaign: Campaign },
      { description: 'The first touchpoint: where the customer came from' },
    ),
  ),
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
  transitions: Type.Array(TransitionEntrySchema, {
    description: 'The stage and status moves, newest first (at most 200), each with its cause',
  }),
  timeline: Type.Array(TimelineEntrySchema, { description: 'Events and transitions, newest first' }),
  timelineNextCursor: Nullable(
    Type.String({ description: 'Pass to GET .../customers/{id}/timeline for the older entries' }),
  ),
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
