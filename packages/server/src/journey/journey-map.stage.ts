import { FEEDBACK_MEASURES, type FeedbackMeasure, type Stage, type StageFacts } from '@jejak/core';
import type { NegativeCount, SignalCount, StageEntries, StageStatusCount } from '@jejak/storage';
import type { MapStage } from './journey-map.schemas.ts';

/** How many touchpoints, channels, and places of bad experiences a column lists. */
export const TOP = 4;
const WEEK_DAYS = 7;

/** How one stage fared in the period: entries, and of them, how many moved on and how long stays took. */
export interface StageFlow {
  entered: number;
  /** Null when not known. */
  movedOn: number | null;
  medianInStageMs: number | null;
  /** Customers in the stage now for longer than most visits that ended lasted, with that time. */
  stuck: { customers: number; longerThanMs: number } | null;
}

/** Everything the map reads, as the repositories return it. */
export interface MapReadings {
  days: number;
  flows: ReadonlyMap<string, StageFlow>;
  statuses: readonly StageStatusCount[];
  touchpoints: readonly StageEntries[];
  channels: readonly StageEntries[];
  signals: readonly SignalCount[];
  negatives: readonly NegativeCount[];
}

// Content views come from the content library, beside the journey's own readings (journey-map.service.ts).
type Column = Omit<MapStage, 'advice' | 'content'>;

/** One column of the map, without its advice (which compares the columns). */
export function mapColumn(stage: Stage, next: string | null, readings: MapReadings): Column {
  const flow = readings.flows.get(stage.key) ?? {
    entered: 0,
    movedOn: null,
    medianInStageMs: null,
    stuck: null,
  };
  const own = <T extends { stage: string | null }>(rows: readonly T[]) =>
    rows.filter((r) => r.stage === stage.key);
  const statuses = own(readings.statuses);
  const customers = sum(statuses.map((s) => s.count));
  const atRisk = sum(
    statuses.filter((s) => s.status === 'at_risk' || s.status === 'churned').map((s) => s.count),
  );
  const negatives = own(readings.negatives);
  const movedOn =
    flow.movedOn === null
      ? null
      : { count: flow.movedOn, share: flow.entered > 0 ? flow.movedOn / flow.entered : 0 };
  return {
    key: stage.key,
    label: stage.label,
    next,
    now: { customers },
    entered: { count: flow.entered, perWeek: (flow.entered / readings.days) * WEEK_DAYS },
    movedOn,
    timeInStage: flow.medianInStageMs === null ? null : { medianMs: flow.medianInStageMs },
    touchpoints: top(own(readings.touchpoints), TOP).map((r) => ({ name: r.value, entries: r.entries })),
    channels: top(own(readings.channels), TOP).map((r) => ({ channel: r.value, entries: r.entries })),
    sentiment: sentimentOf(own(readings.signals)),
    pains: {
      dropOff:
        next === null || movedOn === null || flow.entered === 0
          ? null
          : { next, lost: flow.entered - movedOn.count, share: 1 - movedOn.share },
      stuck: flow.stuck,
      atRisk,
      negatives: {
        total: sum(negatives.map((n) => n.count)),
        touchpoints: topBy(negatives, (n) => n.name).map(([name, count]) => ({ name, count })),
        branches: topBy(negatives, (n) => n.branchId).map(([branchId, count]) => ({ branchId, count })),
      },
    },
  };
}

/** What the advice reads of a column. */
export function factsOf(column: Column): StageFacts {
  const { pains, sentiment } = column;
  return {
    stage: column.key,
    next: column.next,
    customersNow: column.now.customers,
    atRiskNow: pains.atRisk,
    entered: column.entered.count,
    movedOnShare: column.movedOn?.share ?? null,
    stuck: pains.stuck?.customers ?? null,
    signals: { total: sentiment.signals, negative: sentiment.negative },
    negatives: {
      total: pains.negatives.total,
      topTouchpoint: pains.negatives.touchpoints[0]?.name ?? null,
      topBranch: pains.negatives.branches[0]?.branchId ?? null,
    },
    topChannel: column.channels.find((c) => c.channel !== null)?.channel ?? null,
  };
}

/**
 * The stage's sentiment: every signal counts once as positive, neutral or negative; `net` is the share
 * of positive minus the share of negative, in points, like an NPS over all of them.
 */
function sentimentOf(rows: readonly SignalCount[]): MapStage['sentiment'] {
  const count = (sentiment: SignalCount['sentiment']) =>
    sum(rows.filter((r) => r.sentiment === sentiment).map((r) => r.count));
  const positive = count('positive');
  const neutral = count('neutral');
  const negative = count('negative');
  const signals = positive + neutral + negative;
  const measures = FEEDBACK_MEASURES.flatMap((measure: FeedbackMeasure) => {
    const answered = rows.filter((r) => r.measure === measure);
    const answers = sum(answered.map((r) => r.count));
    if (answers === 0) return [];
    const of = (sentiment: SignalCount['sentiment']) =>
      sum(answered.filter((r) => r.sentiment === sentiment).map((r) => r.count));
    const average = sum(answered.map((r) => r.scoreSum)) / answers;
    return [{ measure, answers, average, positive: of('positive'), negative: of('negative') }];
  });
  return {
    signals,
    positive,
    neutral,
    negative,
    net: signals === 0 ? null : Math.round(((positive - negative) / signals) * 1000) / 10,
    measures,
  };
}

/** The largest `n` rows, ties in name order so the map reads the same every time. */
function top(rows: readonly StageEntries[], n: number): StageEntries[] {
  return [...rows]
    .sort((a, b) => b.entries - a.entries || String(a.value).localeCompare(String(b.value)))
    .slice(0, n);
}

function topBy<K extends string | null>(
  rows: readonly NegativeCount[],
  key: (n: NegativeCount) => K,
): [K, number][] {
  const totals = new Map<K, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.count);
  return [...totals].sort(([a, x], [b, y]) => y - x || String(a).localeCompare(String(b))).slice(0, TOP);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
