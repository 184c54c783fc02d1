import { Type } from 'typebox';
import { QUESTION_TYPES, SURVEY_KINDS } from '@jejak/core';
import { Nullable, StringEnum } from '../http/common.schemas.ts';
import { GENERAL_VIAS } from './survey.service.ts';

export const LocalizedSchema = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 500 }), en: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false, description: 'Bahasa Indonesia and English' },
);

export const QuestionSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$', description: 'short key, unique in the survey' }),
    type: StringEnum(QUESTION_TYPES, {
      description: 'nps 0-10, csat 1-5, ces 1-7, rating 1-5, choice, text',
    }),
    label: LocalizedSchema,
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(LocalizedSchema, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const SurveyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: StringEnum(SURVEY_KINDS),
    questions: Type.Array(QuestionSchema, { minItems: 1, maxItems: 30 }),
    intro: Type.Optional(Nullable(LocalizedSchema)),
  },
  { additionalProperties: false },
);

export const SurveyPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    questions: Type.Optional(Type.Array(QuestionSchema, { minItems: 1, maxItems: 30 })),
    intro: Type.Optional(Nullable(LocalizedSchema)),
    status: Type.Optional(StringEnum(['active', 'closed'] as const)),
  },
  { additionalProperties: false },
);

export const SurveySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: StringEnum(SURVEY_KINDS),
  status: StringEnum(['active', 'closed'] as const),
  purpose: Nullable(
    Type.String({ description: 'ticket_csat for the question sent when a ticket is resolved' }),
  ),
  questions: Type.Array(QuestionSchema),
  intro: Nullable(LocalizedSchema),
  generalPath: Type.String({
    description: 'the general link: /s/<token>; add ?via=qr or ?via=receipt for the QR code and the receipt',
  }),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
});

export const PublicSurveySchema = Type.Object({
  business: Type.String({ description: 'the name of the business asking' }),
  name: Type.String(),
  kind: StringEnum(SURVEY_KINDS),
  intro: Nullable(LocalizedSchema),
  questions: Type.Array(QuestionSchema),
  personal: Type.Boolean({ description: 'reached by a personal link' }),
  answered: Type.Boolean({ description: 'this personal link has already been used' }),
  closed: Type.Boolean(),
});

export const AnswerBody = Type.Object(
  {
    answers: Type.Record(
      Type.String({ maxLength: 32 }),
      Type.Union([Type.Number(), Type.String({ maxLength: 2000 })]),
    ),
    language: Type.Optional(StringEnum(['id', 'en'] as const)),
    via: Type.Optional(StringEnum(GENERAL_VIAS)),
  },
  { additionalProperties: false },
);

export const ViaQuery = Type.Object({ via: Type.Optional(StringEnum(GENERAL_VIAS)) });
