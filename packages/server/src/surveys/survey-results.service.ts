import {
  localDateOf,
  responseRate,
  summarizeScores,
  weekdayOf,
  type ScoreSummary,
  type SurveyKind,
  type SurveyQuestion,
} from '@jejak/core';
import {
  SurveyRepository,
  WorkspaceRepository,
  type Page,
  type PageOptions,
  type Store,
  type SurveyComment,
} from '@jejak/storage';
import { badRequest, notFound } from '../http/http-error.ts';

const DAY = 86_400_000;
/** Choice answers are counted over at most this many recent answers. */
const CHOICE_SAMPLE = 5_000;

export interface TrendPoint {
  /** The first local date of the bucket. */
  start: string;
  responses: number;
  score: number | null;
}

export interface SurveyResults {
  from: number;
  to: number;
  bucket: 'day' | 'week' | 'month';
  summary: ScoreSummary | null;
  trend: TrendPoint[];
  reach: {
    linksSent: number;
    linksViewed: number;
    personalResponses: number;
    generalViews: number;
    generalResponses: number;
    /** Answers through personal links over links sent. */
    personalRate: number | null;
    /** Answers through the general link, QR code and receipt over their page views. */
    generalRate: number | null;
  };
  /** Per choice question, how often each option was picked. */
  choices: { question: string; counts: number[] }[];
}

/** A survey's results over a period: score by its convention, trend, distribution, reach, choices, comments. */
export class SurveyResultsService {
  constructor(private readonly store: Store) {}

  async results(workspaceId: string, surveyId: string, from: number, to: number): Promise<SurveyResults> {
    if (!(to > from)) throw badRequest('to must be later than from');
    if (to - from > 3 * 366 * DAY) throw badRequest('the period may be at most three years');
    const surveys = new SurveyRepository(this.store.db);
    const survey = await surveys.get(workspaceId, surveyId);
    if (!survey) throw notFound(`Survey ${surveyId}`);
    const zone = (await new WorkspaceRepository(this.store.db).get(workspaceId))?.timezone ?? 'Asia/Jakarta';
    const kind = survey.kind as SurveyKind;
    const rows = await surveys.scores(workspaceId, surveyId, from, to);
    const bucket = to - from <= 31 * DAY ? 'day' : to - from <= 183 * DAY ? 'week' : 'month';
    const reach = await surveys.reach(workspaceId, surveyId);
    const count = (list: { via: string; count: number }[], personal: boolean) =>
      list.filter((v) => (v.via === 'personal') === personal).reduce((sum, v) => sum + v.count, 0);
    const personalResponses = count(reach.responses, true);
    const generalResponses = count(reach.responses, false);
    const generalViews = count(reach.views, false);
    const questions = JSON.parse(survey.questions_json) as SurveyQuestion[];
    return {
      from,
      to,
      bucket,
      summary: kind === 'custom' ? null : summarizeScores(kind, scoresOf(rows)),
      trend: kind === 'custom' ? [] : trendOf(kind, rows, bucket, zone),
      reach: {
        linksSent: reach.linksSent,
        linksViewed: reach.linksViewed,
        personalResponses,
        generalViews,
        generalResponses,
        personalRate: responseRate(personalResponses, reach.linksSent),
        generalRate: responseRate(generalResponses, generalViews),
      },
      choices: await this.choices(workspaceId, surveyId, questions),
    };
  }

  async comments(workspaceId: string, surveyId: string, page: PageOptions): Promise<Page<SurveyComment>> {
    const surveys = new SurveyRepository(this.store.db);
    if (!(await surveys.get(workspaceId, surveyId))) throw notFound(`Survey ${surveyId}`);
    return surveys.comments(workspaceId, surveyId, page);
  }

  private async choices(workspaceId: string, surveyId: string, questions: SurveyQuestion[]) {
    const choiceQuestions = questions.filter((q) => q.type === 'choice');
    if (choiceQuestions.length === 0) return [];
    const answers = await new SurveyRepository(this.store.db).answers(workspaceId, surveyId, CHOICE_SAMPLE);
    return choiceQuestions.map((q) => {
      const counts = new Array<number>(q.options?.length ?? 0).fill(0);
      for (const row of answers) {
        const value = (JSON.parse(row.answers_json) as Record<string, unknown>)[q.key];
        if (typeof value === 'number' && value >= 0 && value < counts.length) counts[value]! += 1;
      }
      return { question: q.key, counts };
    });
  }
}

function scoresOf(rows: { score: number | null }[]): number[] {
  return rows.flatMap((r) => (r.score === null ? [] : [r.score]));
}

/** The local date that starts the bucket of an instant: the day, its week's Monday, or its month's first. */
function bucketStart(at: number, bucket: 'day' | 'week' | 'month', zone: string): string {
  const date = localDateOf(at, zone);
  if (bucket === 'day') return date;
  if (bucket === 'month') return `${date.slice(0, 8)}01`;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - weekdayOf(date))).toISOString().slice(0, 10);
}

function trendOf(
  kind: Exclude<SurveyKind, 'custom'>,
  rows: { score: number | null; submitted_at: number }[],
  bucket: 'day' | 'week' | 'month',
  zone: string,
): TrendPoint[] {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    if (row.score === null) continue;
    const start = bucketStart(row.submitted_at, bucket, zone);
    const list = groups.get(start) ?? [];
    list.push(row.score);
    groups.set(start, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([start, scores]) => {
      const summary = summarizeScores(kind, scores);
      return { start, responses: summary.responses, score: summary.score };
    });
}
