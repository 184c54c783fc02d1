import { SCALES, type ScoredKind, type SurveyKind } from './survey-score.ts';

/** nps/csat/ces: the scored question of such a survey; choice, rating (1-5) and text: custom questions. */
export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'choice', 'rating', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface Localized {
  id: string;
  en: string;
}

export interface SurveyQuestion {
  /** Short key, unique in the survey: `q1`, `alasan`. */
  key: string;
  type: QuestionType;
  label: Localized;
  required: boolean;
  /** Choices, for a choice question. */
  options?: Localized[];
}

export type AnswerValue = number | string;

export interface AnswerProblem {
  question: string;
  message: string;
}

const RATING = { min: 1, max: 5 };
const MAX_TEXT = 2000;

function scaleOf(type: QuestionType): { min: number; max: number } | null {
  if (type === 'nps' || type === 'csat' || type === 'ces') return SCALES[type];
  return type === 'rating' ? RATING : null;
}

/**
 * What is wrong with a survey's questions: the first question of an NPS, CSAT or CES survey must be of
 * that type (it gives the score), and no other question may be scored. Empty when the survey is usable.
 */
export function checkQuestions(kind: SurveyKind, questions: readonly SurveyQuestion[]): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  if (questions.length === 0)
    problems.push({ question: '', message: 'a survey needs at least one question' });
  const first = questions[0];
  if (kind !== 'custom' && first && first.type !== kind) {
    problems.push({
      question: first.key,
      message: `the first question of a ${kind} survey must be of type ${kind}`,
    });
  }
  const keys = new Set<string>();
  questions.forEach((q, i) => {
    if (keys.has(q.key)) problems.push({ question: q.key, message: 'question keys must be unique' });
    keys.add(q.key);
    const scored = q.type === 'nps' || q.type === 'csat' || q.type === 'ces';
    if (scored && (kind === 'custom' || i > 0)) {
      problems.push({
        question: q.key,
        message: `only the first question of a ${q.type} survey may be ${q.type}`,
      });
    }
    if (q.type === 'choice' && (q.options?.length ?? 0) < 2) {
      problems.push({ question: q.key, message: 'a choice question needs at least two options' });
    }
  });
  return problems;
}

/** The problem with one answer, or null when it fits its question. */
function checkAnswer(q: SurveyQuestion, value: AnswerValue | undefined): string | null {
  if (value === undefined || value === '') return q.required ? 'an answer is required' : null;
  const scale = scaleOf(q.type);
  if (scale) {
    return typeof value === 'number' && Number.isInteger(value) && value >= scale.min && value <= scale.max
      ? null
      : `must be a whole number from ${scale.min} to ${scale.max}`;
  }
  if (q.type === 'choice') {
    const count = q.options?.length ?? 0;
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count
      ? null
      : `must be the number of one of the ${count} options (0 to ${count - 1})`;
  }
  if (typeof value !== 'string') return 'must be text';
  return value.length > MAX_TEXT ? `must be at most ${MAX_TEXT} characters` : null;
}

/**
 * The answers of a submission checked against the questions: every problem named by its question,
 * answers to unknown questions refused. Text answers are trimmed; empty optional answers dropped.
 *
 * @example checkAnswers(questions, { q1: 11 }) // { ok: false, problems: [{ question: 'q1', message: 'must be a whole number from 0 to 10' }] }
 */
export function checkAnswers(
  questions: readonly SurveyQuestion[],
  answers: Readonly<Record<string, AnswerValue>>,
): { ok: true; answers: Record<string, AnswerValue> } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      problems.push({ question: key, message: 'there is no such question in this survey' });
  }
  const clean: Record<string, AnswerValue> = {};
  for (const q of questions) {
    const raw = answers[q.key];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const problem = checkAnswer(q, value);
    if (problem) problems.push({ question: q.key, message: problem });
    else if (value !== undefined && value !== '') clean[q.key] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers: clean };
}

/** The score a submission gives a scored survey (its first question), or null for a custom survey. */
export function scoreOf(
  kind: SurveyKind,
  questions: readonly SurveyQuestion[],
  answers: Readonly<Record<string, AnswerValue>>,
): { kind: ScoredKind; score: number } | null {
  if (kind === 'custom') return null;
  const first = questions[0];
  const value = first ? answers[first.key] : undefined;
  return typeof value === 'number' ? { kind, score: value } : null;
}

/** The first text answer: what the results page lists as the comment. */
export function commentOf(
  questions: readonly SurveyQuestion[],
  answers: Readonly<Record<string, AnswerValue>>,
): string | null {
  for (const q of questions) {
    const value = answers[q.key];
    if (q.type === 'text' && typeof value === 'string' && value !== '') return value;
  }
  return null;
}
