import { assertUnreachable } from '../assert.ts';

/** The scored survey kinds and their scales; custom surveys ask choice, rating and text questions only. */
export const SURVEY_KINDS = ['nps', 'csat', 'ces', 'custom'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export type ScoredKind = Exclude<SurveyKind, 'custom'>;

export const SCALES: Readonly<Record<ScoredKind, { min: number; max: number }>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

/** Which side of the scale an answer falls on, the way each convention names it. */
export type ScoreClass = 'promoter' | 'passive' | 'detractor' | 'positive' | 'neutral' | 'negative';

/**
 * NPS: 9-10 promoter, 7-8 passive, 0-6 detractor. CSAT: 4-5 satisfied (positive), 3 neutral, 1-2 negative.
 * CES (1 very hard ... 7 very easy): 5-7 easy (positive), 4 neutral, 1-3 hard (negative).
 *
 * @example classifyScore('nps', 6) // 'detractor'
 */
export function classifyScore(kind: ScoredKind, score: number): ScoreClass {
  switch (kind) {
    case 'nps':
      return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    case 'csat':
      return score >= 4 ? 'positive' : score === 3 ? 'neutral' : 'negative';
    case 'ces':
      return score >= 5 ? 'positive' : score === 4 ? 'neutral' : 'negative';
    default:
      return assertUnreachable(kind);
  }
}

export interface ScoreSummary {
  kind: ScoredKind;
  responses: number;
  /**
   * NPS: % promoters minus % detractors, -100..100. CSAT: % of 4s and 5s, 0..100. CES: the mean score,
   * 1..7. Null without answers. Rounded to one decimal.
   */
  score: number | null;
  /** Answers per scale value, from the lowest to the highest. */
  distribution: { value: number; count: number }[];
  /** Promoters/positive, passives/neutral, detractors/negative. */
  groups: { positive: number; neutral: number; negative: number };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The score of a set of answers by the kind's convention, its distribution and its groups.
 *
 * @example summarizeScores('nps', [10, 9, 8, 6, 0]).score // 0: 40% promoters - 40% detractors
 * @example summarizeScores('csat', [5, 4, 3, 1]).score // 50: two of four are 4 or 5
 */
export function summarizeScores(kind: ScoredKind, scores: readonly number[]): ScoreSummary {
  const { min, max } = SCALES[kind];
  const counts = new Map<number, number>();
  const groups = { positive: 0, neutral: 0, negative: 0 };
  let sum = 0;
  for (const score of scores) {
    counts.set(score, (counts.get(score) ?? 0) + 1);
    sum += score;
    const cls = classifyScore(kind, score);
    if (cls === 'promoter' || cls === 'positive') groups.positive += 1;
    else if (cls === 'passive' || cls === 'neutral') groups.neutral += 1;
    else groups.negative += 1;
  }
  const distribution = [];
  for (let value = min; value <= max; value++) distribution.push({ value, count: counts.get(value) ?? 0 });
  const n = scores.length;
  let score: number | null = null;
  if (n > 0) {
    score =
      kind === 'nps'
        ? round1(((groups.positive - groups.negative) / n) * 100)
        : kind === 'csat'
          ? round1((groups.positive / n) * 100)
          : round1(sum / n);
  }
  return { kind, responses: n, score, distribution, groups };
}

/**
 * Answers over invitations, as a share 0..1 (null with no invitations): personal links count as sent,
 * general links and QR codes as viewed, since nobody knows who walked past the counter.
 *
 * @example responseRate(12, 40) // 0.3
 */
export function responseRate(responses: number, reached: number): number | null {
  return reached > 0 ? Math.min(1, responses / reached) : null;
}
