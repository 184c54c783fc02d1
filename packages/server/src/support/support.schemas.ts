import { Type, type Static } from 'typebox';
import { TARGET_CLOCKS, TARGET_KINDS, TARGET_STATES, TICKET_PRIORITIES, WEEKDAYS } from '@jejak/core';
import { Nullable, StringEnum } from '../http/common.schemas.ts';
import { TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_STATUSES } from './ticket.service.ts';

const Time = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$',
  description: 'wall-clock time HH:MM',
});

export const DayHoursSchema = Type.Object(
  {
    open: Time,
    close: Time,
    breakStart: Type.Optional(Nullable(Time)),
    breakEnd: Type.Optional(Nullable(Time)),
  },
  { additionalProperties: false },
);
export const WeekHoursSchema = Type.Object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, Type.Optional(Nullable(DayHoursSchema))])),
  {
    additionalProperties: false,
    description: 'Opening hours per weekday (mon..sun); a missing or null day is closed',
  },
);
export const HoursSchema = Type.Object({
  branchId: Type.String({ description: 'a branch id, or * for the whole business' }),
  timeZone: Type.String(),
  week: WeekHoursSchema,
});

const Policy = Nullable(
  Type.Object(
    {
      minutes: Type.Integer({ minimum: 1, maximum: 43_200 }),
      clock: StringEnum(TARGET_CLOCKS, {
        description: 'business: opening hours only; calendar: day and night',
      }),
    },
    { additionalProperties: false },
  ),
);
const PriorityTargets = Type.Object(Object.fromEntries(TARGET_KINDS.map((k) => [k, Policy])), {
  additionalProperties: false,
});
export const TargetPoliciesSchema = Type.Object(
  Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, PriorityTargets])),
  {
    additionalProperties: false,
    description: 'Response targets per priority: first_response and resolution',
  },
);

export const HolidaySchema = Type.Object({
  id: Type.String(),
  branchId: Nullable(Type.String()),
  date: Type.String({ description: 'local date YYYY-MM-DD' }),
  name: Type.String(),
});
export const HolidayBody = Type.Object(
  {
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'local date YYYY-MM-DD' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    branchId: Type.Optional(Nullable(Type.String({ maxLength: 64, description: 'null: every branch' }))),
  },
  { additionalProperties: false },
);

export const ContactSchema = Type.Object(
  {
    customerId: Type.Optional(Type.String({ maxLength: 64 })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
  },
  {
    additionalProperties: false,
    description: 'A known customer id, or a phone or email to find or create the customer by',
  },
);

const Tags = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 });

export const TicketBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    customer: ContactSchema,
    channel: StringEnum(TICKET_CHANNELS),
    message: Type.Optional(Type.String({ maxLength: 20_000, description: 'the customer’s first message' })),
    branchId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    priority: Type.Optional(StringEnum(TICKET_PRIORITIES)),
    category: Type.Optional(
      StringEnum(TICKET_CATEGORIES, { description: 'a complaint counts as a bad experience' }),
    ),
    tags: Type.Optional(Tags),
    assigneeId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  },
  { additionalProperties: false },
);
export type TicketBody = Static<typeof TicketBody>;

export const TicketPatch = Type.Object(
  {
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    status: Type.Optional(StringEnum(TICKET_STATUSES)),
    priority: Type.Optional(StringEnum(TICKET_PRIORITIES)),
    category: Type.Optional(StringEnum(TICKET_CATEGORIES)),
    branchId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    assigneeId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    tags: Type.Optional(Tags),
  },
  { additionalProperties: false },
);

export const MessageBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 20_000 }),
    kind: Type.Optional(
      StringEnum(['reply', 'note'] as const, {
        description: 'reply (default): to the customer; note: staff only',
      }),
    ),
  },
  { additionalProperties: false },
);

export const TargetSchema = Type.Object({
  kind: StringEnum(TARGET_KINDS),
  clock: StringEnum(TARGET_CLOCKS),
  state: StringEnum(TARGET_STATES),
  budgetMs: Type.Number(),
  dueAt: Nullable(Type.Number()),
  endedAt: Nullable(Type.Number()),
  leftMs: Nullable(Type.Number({ description: 'counted time left; negative once overdue' })),
});

export const TicketSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  subject: Type.String(),
  status: StringEnum(TICKET_STATUSES),
  priority: StringEnum(TICKET_PRIORITIES),
  category: StringEnum(TICKET_CATEGORIES),
  channel: StringEnum(TICKET_CHANNELS),
  customerId: Type.String(),
  customerName: Nullable(Type.String()),
  branchId: Nullable(Type.String()),
  assigneeId: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
  firstResponseAt: Nullable(Type.Number()),
  resolvedAt: Nullable(Type.Number()),
  csatScore: Nullable(Type.Integer()),
  targets: Type.Array(TargetSchema),
});

export const TicketMessageSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(['customer', 'reply', 'note'] as const),
  authorId: Nullable(Type.String()),
  authorLabel: Type.String(),
  body: Type.String(),
  createdAt: Type.Number(),
});

export const TicketDetailSchema = Type.Object({
  ticket: TicketSchema,
  customer: Type.Object({
    id: Type.String(),
    name: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
  }),
  messages: Type.Array(TicketMessageSchema),
  csat: Nullable(
    Type.Object({
      path: Type.String({ description: 'the public page of the CSAT question: /s/<token>' }),
      answeredAt: Nullable(Type.Number()),
    }),
  ),
});

/** The body an inbound webhook posts (see docs/inbound-webhook.md). */
export const InboundTicketSchema = Type.Object(
  {
    id: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'unique per delivery (the provider’s message id); a repeat is refused as a replay',
    }),
    channel: StringEnum(['whatsapp', 'email', 'chat', 'phone', 'web'] as const),
    from: Type.Object(
      {
        name: Type.Optional(Type.String({ maxLength: 200 })),
        phone: Type.Optional(Type.String({ maxLength: 40 })),
        email: Type.Optional(Type.String({ maxLength: 254 })),
      },
      { additionalProperties: false },
    ),
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    conversationId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'messages with the same id join the open ticket of that conversation',
      }),
    ),
    branchId: Type.Optional(Type.String({ maxLength: 64 })),
    priority: Type.Optional(StringEnum(TICKET_PRIORITIES)),
    category: Type.Optional(StringEnum(TICKET_CATEGORIES)),
  },
  { additionalProperties: false },
);
export type InboundTicket = Static<typeof InboundTicketSchema>;
