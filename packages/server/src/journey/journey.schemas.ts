import { Nullable, StringEnum } from '../http/common.schemas.ts';
import { Type } from 'typebox';
import { CUSTOMER_STATUSES, JourneyRulesSchema } from '@jejak/core';

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
});

export const TransitionSummarySchema = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  kind: Type.Union([Type.Literal('stage'), Type.Literal('status')]),
  items: Type.Array(Type.Object({ from: Nullable(Type.String()), to: Type.String(), count: Type.Integer() })),
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
