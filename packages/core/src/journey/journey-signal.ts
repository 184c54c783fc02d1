import { assertUnreachable } from '../assert.ts';
import type { JourneyEvent } from '../event.ts';
import { SCALES, classifyScore } from '../experience/survey-score.ts';
import type { CompiledRules } from './rules.compile.ts';

/** How a customer rated the business: a product review's stars, or a survey's score. */
export const FEEDBACK_MEASURES = ['rating', 'nps', 'csat', 'ces'] as const;
export type FeedbackMeasure = (typeof FEEDBACK_MEASURES)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** A product review's stars: 1-2 unhappy, 3 neutral, 4-5 happy. Surveys follow `classifyScore`. */
export const RATING_SCALE = Object.freeze({ min: 1, max: 5 });

/** The events that carry feedback, whatever a workspace's rules say: their properties are always read. */
export const FEEDBACK_EVENT_NAMES: readonly string[] = Object.freeze(['Review Posted', 'Survey Responded']);

/** What an event tells about how the customer feels; null for an event that tells nothing. */
export interface Signal {
  measure: FeedbackMeasure | null;
  score: number | null;
  sentiment: Sentiment;
  /** The rules count it as a negative experience (DESIGN §2.2). */
  negative: boolean;
}

/**
 * The feedback an event carries (`Review Posted` with `rating`, `Survey Responded` with `survey_type`
 * nps, csat or ces and `score`) and whether the rules count it as a negative experience. A negative
 * experience is negative whatever its score; one without a score (a refund, a complaint ticket, a missed
 * response target) is a signal too.
 *
 * @example
 * signalOf(surveyResponded({ survey_type: 'nps', score: 10 }), compileRules(DEFAULT_RULES));
 * // { measure: 'nps', score: 10, sentiment: 'positive', negative: false }
 */
export function signalOf(event: JourneyEvent, rules: CompiledRules): Signal | null {
  const feedback = feedbackOf(event);
  const negative = rules.isNegative(event);
  if (feedback === null && !negative) return null;
  const sentiment = negative || feedback === null ? 'negative' : bandOf(feedback);
  return {
    measure: feedback?.measure ?? null,
    score: feedback?.score ?? null,
    sentiment,
    negative,
  };
}

interface Feedback {
  measure: FeedbackMeasure;
  score: number;
}

function feedbackOf(event: JourneyEvent): Feedback | null {
  const p = event.properties;
  if (event.name === 'Review Posted') return scored('rating', p.rating);
  if (event.name !== 'Survey Responded') return null;
  const type = typeof p.survey_type === 'string' ? p.survey_type.toLowerCase() : '';
  return type === 'nps' || type === 'csat' || type === 'ces' ? scored(type, p.score) : null;
}

/** A score outside its measure's scale is a client's mistake, not an opinion: it is left out. */
function scored(measure: FeedbackMeasure, value: unknown): Feedback | null {
  const score = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof score !== 'number' || !Number.isFinite(score)) return null;
  const scale = measure === 'rating' ? RATING_SCALE : SCALES[measure];
  return score >= scale.min && score <= scale.max ? { measure, score } : null;
}

function bandOf({ measure, score }: Feedback): Sentiment {
  if (measure === 'rating') return score <= 2 ? 'negative' : score < 4 ? 'neutral' : 'positive';
  const band = classifyScore(measure, score);
  switch (band) {
    case 'promoter':
    case 'positive':
      return 'positive';
    case 'passive':
    case 'neutral':
      return 'neutral';
    case 'detractor':
    case 'negative':
      return 'negative';
    default:
      return assertUnreachable(band);
  }
}
