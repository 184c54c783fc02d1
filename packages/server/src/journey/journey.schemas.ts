import { Nullable, StringEnum } from '../http/common.schemas.ts';
import { Type } from 'typebox';
import { CHANNELS, CUSTOMER_STATUSES, JourneyRulesSchema } from '@jejak/core';

/** The filter a journey answer was computed with (a manager's branches even when he asked for none). */
export const AppliedFilter = Type.Object({
  channel: Nullable(StringEnum(CHANNELS)),
  branches: Nullable(Type.Array(Type.String(), { description: 'null: every branch and none' })),
});

export const OverviewSchema = Type.Object({
  rulesVersion: Type.Integer({ description: '0 while the workspace runs on the default rules' }),
  customers: Type.Integer(),
  stages: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.Object({ id: Type.String(), en: Type.String() }),
      customers: Type.Integer(),
    }),
  ),
  withoutStage: Type.Integer({
    description: 'Customers known only from identify/alias calls, with no touchpoint yet',
  }),
  statuses: Type.Array(Type.Object({ status: StringEnum(CUSTOMER_STATUSES), customers: Type.Integer() })),
  filter: AppliedFilter,
});

export const TransitionSummarySchema = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  kind: Type.Union([Type.Literal('stage'), Type.Literal('status')]),
  items: Type.Array(Type.Object({ from: Nullable(Type.String()), to: Type.String(), count: Type.Integer() })),
  filter: AppliedFilter,
});

export const RulesSchema = Type.Object({
  version: Type.Integer(),
  isDefault: Type.Boolean(),
  rules: JourneyRulesSchema,
});

export const RulesReplacedSchema = Type.Object({
  version: Type.Integer(),
  rules: JourneyRulesSchema,
  rebuilt: Type.Object({
    workspaces: Type.Integer(),
    customers: Type.Integer(),
    events: Type.Integer(),
    transitions: Type.Integer(),
    ms: Type.Number(),
  }),
});

export const RuleErrorSchema = Type.Object({
  path: Type.String({ description: 'JSON pointer to the field, e.g. /transitions/2/to' }),
  message: Type.String(),
  code: Type.String({
    description: 'The kind of problem (unknown_stage, required, ...), for a translated message',
  }),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});

export const RulesValidationSchema = Type.Object({
  valid: Type.Boolean(),
  errors: Type.Array(RuleErrorSchema),
});

const NowAfter = { now: Type.Integer(), after: Type.Integer() };

export const RulesPreviewSchema = Type.Object({
  rulesVersion: Type.Integer({ description: 'The version in force, compared against' }),
  sample: Type.Object({
    customers: Type.Integer({ description: 'Customers replayed' }),
    totalCustomers: Type.Integer(),
    sampled: Type.Boolean({
      description:
        'True when only a uniform sample was replayed (a large workspace): counts are of the sample',
    }),
  }),
  stages: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.Object({ id: Type.String(), en: Type.String() }),
      ...NowAfter,
      in: StringEnum(['both', 'current', 'proposed'] as const, {
        description:
          'Which rule sets name the stage: a removed stage is current only, a new one proposed only',
      }),
    }),
  ),
  withoutStage: Type.Object(NowAfter),
  statuses: Type.Array(Type.Object({ status: Type.String(), ...NowAfter })),
  moves: Type.Array(
    Type.Object({ from: Nullable(Type.String()), to: Nullable(Type.String()), customers: Type.Integer() }),
    { description: 'Customers whose stage would change, most first' },
  ),
  changed: Type.Integer({ description: 'Customers whose stage or status would change' }),
  ms: Type.Number(),
});

export const QuarantinePageSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      receivedAt: Type.Number(),
      endpoint: Type.String(),
      batchIndex: Nullable(Type.Integer()),
      messageId: Nullable(Type.String()),
      reason: Type.String(),
      payload: Type.Unknown({ description: 'The message as it was received' }),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});

/** Who a journey question is about; every section of the journey pages takes the same two. */
const filterFields = {
  channel: Type.Optional(
    StringEnum(CHANNELS, { description: 'Only customers whose first touchpoint came through this channel' }),
  ),
  branch: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'Only customers of this branch (id): for "now", the branch of their latest event that named one; ' +
        'for a period, the branch they had when they entered the stage',
    }),
  ),
};
export const JourneyFilterQuery = Type.Object(filterFields);

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A day, YYYY-MM-DD' });

/** A period of whole days in the workspace's time zone, both ends included (default: the last 30 days). */
export const JourneyDaysQuery = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  ...filterFields,
});

const StageLabel = Type.Object({ id: Type.String(), en: Type.String() });

const PeriodFields = {
  from: Type.String({ format: 'date', description: 'First day, in the time zone below' }),
  to: Type.String({ format: 'date', description: 'Last day, included' }),
  timeZone: Type.String(),
  filter: AppliedFilter,
};

export const FunnelSchema = Type.Object({
  ...PeriodFields,
  stages: Type.Array(
    Type.Object({
      key: Type.String(),
      label: StageLabel,
      entered: Type.Integer({
        description: 'Entries into the stage in the period; a second entry counts again',
      }),
      movedOn: Type.Integer({
        description: 'Of those visits, how many moved on to a later stage by now (skipping stages counts)',
      }),
      movedOnShare: Nullable(
        Type.Number({ description: 'movedOn / entered; null when nobody entered, and for the last stage' }),
      ),
      left: Type.Integer({ description: 'Of those visits, how many ended by now in any direction' }),
      medianToMoveOnMs: Nullable(
        Type.Number({
          description: 'Median time from entering to moving on (within 5%); null when none did',
        }),
      ),
      medianInStageMs: Nullable(
        Type.Number({ description: 'Median time in the stage of the visits that ended' }),
      ),
      next: Type.Array(Type.Object({ stage: Type.String(), count: Type.Integer() }), {
        description: 'Where the ended visits went, most first',
      }),
    }),
  ),
});

export const TrendSchema = Type.Object({
  ...PeriodFields,
  stages: Type.Array(Type.Object({ key: Type.String(), label: StageLabel })),
  weeks: Type.Array(
    Type.Object({
      week: Type.String({ description: 'ISO week, e.g. 2026-W48' }),
      start: Type.String({ format: 'date', description: 'Its Monday' }),
      partial: Type.Boolean({ description: 'True when the period covers only some of its days' }),
      entries: Type.Array(Type.Integer(), { description: 'Entries per stage, in the order of `stages`' }),
    }),
  ),
});
