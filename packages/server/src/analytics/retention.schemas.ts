import { PERIOD_UNITS } from '@jejak/core';
import { Type, type Static } from 'typebox';
import { Nullable, StringEnum } from '../http/common.schemas.ts';
import { CsvQuery } from '../reports/sales-report.schemas.ts';
import { MAX_PERIODS } from './retention.service.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A local date, YYYY-MM-DD' });
const Choice = (what: string) =>
  StringEnum(['purchase', 'any', 'event'] as const, {
    description: `${what}: purchase (Order Completed, the default), any event, or the event named in the next field`,
  });
const EventName = Type.String({ minLength: 1, maxLength: 200 });

export const RetentionQuery = Type.Object({
  unit: Type.Optional(
    StringEnum(PERIOD_UNITS, { description: 'Cohorts per ISO week or calendar month; default month' }),
  ),
  cohortBy: Type.Optional(Choice('What puts a customer in a cohort (its first occurrence)')),
  cohortEvent: Type.Optional(EventName),
  returnBy: Type.Optional(Choice('What counts as coming back (and as active in the lifecycle)')),
  returnEvent: Type.Optional(EventName),
  from: Type.Optional({
    ...Day,
    description: `First cohort: the period holding this day (workspace zone); default ${11} periods before to`,
  }),
  to: Type.Optional({
    ...Day,
    description: `Last day read, included; default today. At most ${MAX_PERIODS} periods`,
  }),
  branchId: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'Only events at this branch' }),
  ),
  channel: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, description: 'Only events in this channel' }),
  ),
  withinDays: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 365,
      description: 'The N of "bought again within N days"; default 30',
    }),
  ),
});
export type RetentionQuery = Static<typeof RetentionQuery>;

export const RetentionCsvQuery = Type.Intersect([
  RetentionQuery,
  CsvQuery,
  Type.Object({
    lang: Type.Optional(StringEnum(['id', 'en'] as const, { description: 'Header language; default id' })),
  }),
]);

const Share = Nullable(Type.Number({ description: 'A fraction (0.25 = 25%); null when the whole is 0' }));
const RepeatFigures = {
  buyers: Type.Integer({ description: 'Customers whose first purchase fell in the period' }),
  repeatBuyers: Type.Integer({ description: 'Of them, those who bought twice or more by `to`' }),
  repeatRate: Share,
  eligible: Type.Integer({ description: 'Buyers whose first purchase lies withinDays or more before `to`' }),
  repeatWithin: Type.Integer({ description: 'Of the eligible, those who bought again within withinDays' }),
  repeatWithinRate: Share,
};

export const RetentionReportSchema = Type.Object(
  {
    unit: StringEnum(PERIOD_UNITS),
    from: Day,
    to: Day,
    timezone: Type.String(),
    cohortEvent: Nullable(Type.String({ description: 'null: any event' })),
    returnEvent: Nullable(Type.String({ description: 'null: any event' })),
    filter: Type.Object({ branchId: Nullable(Type.String()), channel: Nullable(Type.String()) }),
    cohorts: Type.Array(
      Type.Object({
        start: Day,
        size: Type.Integer(),
        retained: Type.Array(Type.Integer(), {
          description: 'Customers who came back in period +0, +1, ...',
        }),
        share: Type.Array(Share),
        revenue: Type.Array(Type.Number(), { description: 'What the cohort spent in period +k, Rupiah' }),
        revenueShare: Type.Array(Share, { description: 'revenue[k] / revenue[0]' }),
      }),
    ),
    repeat: Type.Object({
      withinDays: Type.Integer(),
      total: Type.Object(RepeatFigures),
      cohorts: Type.Array(Type.Object({ start: Day, ...RepeatFigures })),
    }),
    lifecycle: Type.Array(
      Type.Object({
        start: Day,
        new: Type.Integer(),
        returning: Type.Integer(),
        resurrecting: Type.Integer(),
        dormant: Type.Integer({ description: 'Active in the period before, not in this one' }),
      }),
    ),
    eventNames: Type.Array(Type.String()),
    channels: Type.Array(Type.String()),
  },
  { $id: 'RetentionReport' },
);
