import { ADVICE_KEYS, FEEDBACK_MEASURES, LEVERS } from '@jejak/core';
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../http/common.schemas.ts';
import { AppliedFilter } from './journey.schemas.ts';

const Count = Type.Integer({ minimum: 0 });
const Share = Type.Number({ minimum: 0, maximum: 1 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a day, YYYY-MM-DD' });

const TouchpointSchema = Type.Object({
  name: Nullable(Type.String({ description: 'the event name; null: moved by the clock (a timer)' })),
  entries: Count,
});

const ChannelSchema = Type.Object({
  channel: Nullable(Type.String({ description: 'null: moved by the clock (a timer)' })),
  entries: Count,
});

const SentimentSchema = Type.Object({
  signals: Type.Integer({ minimum: 0, description: 'ratings, survey answers and negative experiences' }),
  positive: Count,
  neutral: Count,
  negative: Count,
  net: Nullable(Type.Number({ description: '% positive minus % negative, -100..100; null without signals' })),
  measures: Type.Array(
    Type.Object({
      measure: StringEnum(FEEDBACK_MEASURES),
      answers: Count,
      average: Type.Number(),
      positive: Type.Integer({
        minimum: 0,
        description: 'promoters for NPS; 4-5 of 5, 5-7 of 7 for the others',
      }),
      negative: Type.Integer({
        minimum: 0,
        description: 'detractors for NPS; 1-2 of 5, 1-3 of 7 for the others',
      }),
    }),
  ),
});

const PainsSchema = Type.Object({
  dropOff: Nullable(
    Type.Object({
      next: Type.String(),
      lost: Count,
      share: Share,
    }),
  ),
  stuck: Nullable(
    Type.Object({
      customers: Type.Integer({ minimum: 0, description: 'in the stage now for longer than longerThanMs' }),
      longerThanMs: Type.Number({ description: '9 in 10 visits of the period that ended were shorter' }),
    }),
  ),
  atRisk: Type.Integer({ minimum: 0, description: 'customers in the stage now, at risk or churned' }),
  negatives: Type.Object({
    total: Count,
    touchpoints: Type.Array(Type.Object({ name: Type.String(), count: Count })),
    branches: Type.Array(Type.Object({ branchId: Nullable(Type.String()), count: Count })),
  }),
});

const AdviceSchema = Type.Object({
  key: StringEnum(ADVICE_KEYS),
  lever: StringEnum(LEVERS),
  facts: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});

const MapStageSchema = Type.Object({
  key: Type.String(),
  label: Type.Object({ id: Type.String(), en: Type.String() }),
  next: Nullable(Type.String()),
  now: Type.Object({ customers: Count }),
  entered: Type.Object({
    count: Count,
    perWeek: Type.Number({ minimum: 0, description: 'entries per 7 days of the period' }),
  }),
  movedOn: Nullable(
    Type.Object({
      count: Count,
      share: Share,
    }),
  ),
  timeInStage: Nullable(
    Type.Object({
      medianMs: Type.Number({ description: 'median time in the stage of the visits that ended' }),
    }),
  ),
  touchpoints: Type.Array(TouchpointSchema),
  channels: Type.Array(ChannelSchema),
  content: Type.Object(
    { views: Count, customers: Count },
    {
      description:
        "views of the stage's content through tracked links in the period (not filtered by channel or branch)",
    },
  ),
  sentiment: SentimentSchema,
  pains: PainsSchema,
  advice: Type.Array(AdviceSchema),
});

export const JourneyMapSchema = Type.Object({
  from: Day,
  to: Day,
  days: Type.Integer({ minimum: 1 }),
  timeZone: Type.String(),
  filter: AppliedFilter,
  customers: Type.Integer({ minimum: 0, description: 'customers with a stage now' }),
  signals: Type.Integer({ minimum: 0, description: 'feedback and negative experiences in the period' }),
  branches: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), {
    description: 'names of the branches the map mentions',
  }),
  stages: Type.Array(MapStageSchema),
});

export type JourneyMap = Static<typeof JourneyMapSchema>;
export type MapStage = Static<typeof MapStageSchema>;
