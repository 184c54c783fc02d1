import Type from 'typebox';
import { CHANNELS } from '../channel.ts';
import { EVENT_TYPES } from '../event.ts';

/** The operators a `where` condition may use. */
export const WHERE_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'exists'] as const;
export type WhereOp = (typeof WHERE_OPS)[number];

/** The `from` value that stands for "not in the journey yet". It can therefore not be a stage key. */
export const NO_STAGE = 'none';

const STAGE_KEY_PATTERN = '^[a-z][a-z0-9_]{0,31}$';
const StageKey = Type.String({
  pattern: STAGE_KEY_PATTERN,
  description: 'a stage key: a lower case letter, then up to 31 lower case letters, digits or _',
});
const NonEmptyString = Type.String({ minLength: 1 });
// Upper bounds keep every derived time (days and hours in milliseconds) far inside safe integers.
const Days = Type.Number({ exclusiveMinimum: 0, maximum: 3650 });
const Hours = Type.Number({ exclusiveMinimum: 0, maximum: 87_600 });
const Factor = Type.Number({ exclusiveMinimum: 0, maximum: 100 });
const Count = Type.Integer({ minimum: 0 });
const Probability = Type.Number({ minimum: 0, maximum: 1 });

export const WhereConditionSchema = Type.Object(
  {
    property: NonEmptyString,
    op: Type.Enum(WHERE_OPS),
    value: Type.Optional(
      Type.Union(
        [
          Type.String(),
          Type.Number(),
          Type.Boolean(),
          Type.Array(Type.Union([Type.String(), Type.Number()])),
        ],
        { description: 'a string, a number, a boolean or a list of strings and numbers' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const EventMatchSchema = Type.Object(
  {
    event: Type.Union([NonEmptyString, Type.Array(NonEmptyString, { minItems: 1 })], {
      description: "an event name or a non-empty list of event names ('*' matches any event)",
    }),
    type: Type.Optional(Type.Array(Type.Enum(EVENT_TYPES), { minItems: 1 })),
    channel: Type.Optional(Type.Array(Type.Enum(CHANNELS), { minItems: 1 })),
    where: Type.Optional(Type.Array(WhereConditionSchema)),
  },
  { additionalProperties: false },
);

/** Conditions on the orders placed BEFORE the event being evaluated. */
export const StateConditionSchema = Type.Object(
  {
    minOrders: Type.Optional(Count),
    maxOrders: Type.Optional(Count),
    lastOrderWithinDays: Type.Optional(Days),
    noOrderWithinDays: Type.Optional(Days),
  },
  { additionalProperties: false },
);

export const StageSchema = Type.Object(
  {
    key: StageKey,
    label: Type.Object({ id: NonEmptyString, en: NonEmptyString }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const TransitionRuleSchema = Type.Object(
  {
    to: StageKey,
    from: Type.Optional(Type.Array(StageKey, { minItems: 1 })),
    when: EventMatchSchema,
    if: Type.Optional(StateConditionSchema),
  },
  { additionalProperties: false },
);

export const TimerRuleSchema = Type.Object(
  { to: StageKey, from: Type.Array(StageKey, { minItems: 1 }), afterHours: Hours },
  { additionalProperties: false },
);

export const StatusSettingsSchema = Type.Object(
  {
    /** Expected gap between touchpoints of a customer who never bought. */
    prospectRhythmDays: Days,
    /** Expected gap between orders of a customer who bought once. */
    defaultRhythmDays: Days,
    /** Floor of a customer's own rhythm, so a burst of orders does not flag him at risk within hours. */
    minRhythmDays: Days,
    atRiskFactor: Factor,
    churnFactor: Factor,
    negativeWindowDays: Days,
    wonBackDays: Days,
    /**
     * Optional: at risk and churned from the purchase model's probability that the customer is still
     * active (BG/NBD, refitted nightly), in place of the silence factors, for customers it predicted.
     */
    model: Type.Optional(
      Type.Object(
        {
          /** At risk below this probability alive, e.g. 0.5. */
          atRiskBelow: Probability,
          /** Churned below this probability alive, e.g. 0.2; must be below atRiskBelow. */
          churnedBelow: Probability,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/**
 * A workspace's journey configuration: its stages (in funnel order), the rules that move customers
 * between them, and the settings of the health status. Validate with `validateRules`.
 */
export const JourneyRulesSchema = Type.Object(
  {
    stages: Type.Array(StageSchema, { minItems: 1 }),
    transitions: Type.Array(TransitionRuleSchema, { minItems: 1 }),
    timers: Type.Array(TimerRuleSchema),
    orders: EventMatchSchema,
    negative: Type.Array(EventMatchSchema),
    status: StatusSettingsSchema,
  },
  { additionalProperties: false },
);

export type WhereCondition = Type.Static<typeof WhereConditionSchema>;
export type EventMatch = Type.Static<typeof EventMatchSchema>;
export type StateCondition = Type.Static<typeof StateConditionSchema>;
export type Stage = Type.Static<typeof StageSchema>;
export type TransitionRule = Type.Static<typeof TransitionRuleSchema>;
export type TimerRule = Type.Static<typeof TimerRuleSchema>;
export type StatusSettings = Type.Static<typeof StatusSettingsSchema>;
export type JourneyRules = Type.Static<typeof JourneyRulesSchema>;
