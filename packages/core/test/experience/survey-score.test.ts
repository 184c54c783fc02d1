import { describe, expect, it } from 'vitest';
import { classifyScore, responseRate, summarizeScores } from '../../src/experience/survey-score.ts';
import {
  checkAnswers,
  checkQuestions,
  commentOf,
  scoreOf,
  type SurveyQuestion,
} from '../../src/experience/survey-question.ts';

describe('NPS', () => {
  it('is % promoters minus % detractors of those who answered', () => {
    // 3 promoters (10, 10, 9), 2 passives (8, 7), 5 detractors (6, 5, 3, 0, 6): 30% - 50% = -20
    const summary = summarizeScores('nps', [10, 10, 9, 8, 7, 6, 5, 3, 0, 6]);
    expect(summary.score).toBe(-20);
    expect(summary.groups).toEqual({ positive: 3, neutral: 2, negative: 5 });
    expect(summary.distribution).toHaveLength(11);
    expect(summary.distribution[6]).toEqual({ value: 6, count: 2 });
  });

  it('rounds to one decimal', () => {
    // 2 promoters of 3: 66.666... - 0
    expect(summarizeScores('nps', [9, 10, 7]).score).toBe(66.7);
    expect(summarizeScores('nps', [10]).score).toBe(100);
    expect(summarizeScores('nps', [0, 6]).score).toBe(-100);
  });

  it('has no score without answers', () => {
    expect(summarizeScores('nps', []).score).toBeNull();
  });

  it('classifies 9-10, 7-8 and 0-6', () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => classifyScore('nps', s))).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });
});

describe('CSAT', () => {
  it('is the share of 4s and 5s', () => {
    // 5, 5, 4 satisfied of 8: 37.5%
    const summary = summarizeScores('csat', [5, 5, 4, 3, 3, 2, 1, 1]);
    expect(summary.score).toBe(37.5);
    expect(summary.distribution).toEqual([
      { value: 1, count: 2 },
      { value: 2, count: 1 },
      { value: 3, count: 2 },
      { value: 4, count: 1 },
      { value: 5, count: 2 },
    ]);
    expect(summary.groups).toEqual({ positive: 3, neutral: 2, negative: 3 });
  });
});

describe('CES', () => {
  it('is the mean score on 1-7, with 5-7 easy and 1-3 hard', () => {
    // (7 + 6 + 5 + 4 + 1) / 5 = 4.6
    const summary = summarizeScores('ces', [7, 6, 5, 4, 1]);
    expect(summary.score).toBe(4.6);
    expect(summary.groups).toEqual({ positive: 3, neutral: 1, negative: 1 });
  });
});

describe('response rate', () => {
  it('is answers over those reached, never above 1', () => {
    expect(responseRate(12, 40)).toBe(0.3);
    expect(responseRate(5, 0)).toBeNull();
    expect(responseRate(5, 4)).toBe(1);
  });
});

const nps: SurveyQuestion[] = [
  { key: 'score', type: 'nps', required: true, label: { id: 'Seberapa mungkin...', en: 'How likely...' } },
  {
    key: 'visit',
    type: 'choice',
    required: false,
    label: { id: 'Datang untuk', en: 'Came for' },
    options: [
      { id: 'Kopi', en: 'Coffee' },
      { id: 'Kerja', en: 'Work' },
    ],
  },
  { key: 'why', type: 'text', required: false, label: { id: 'Alasannya?', en: 'Why?' } },
];

describe('survey questions and answers', () => {
  it('needs the scored question first and only there', () => {
    expect(checkQuestions('nps', nps)).toEqual([]);
    expect(checkQuestions('csat', nps).map((p) => p.message)).toEqual([
      'the first question of a csat survey must be of type csat',
    ]);
    expect(checkQuestions('custom', nps).map((p) => p.message)).toEqual([
      'only the first question of a nps survey may be nps',
    ]);
    expect(checkQuestions('custom', [])[0]!.message).toBe('a survey needs at least one question');
  });

  it('accepts answers that fit, trims text and drops empty optional answers', () => {
    expect(checkAnswers(nps, { score: 9, visit: 1, why: '  enak  ' })).toEqual({
      ok: true,
      answers: { score: 9, visit: 1, why: 'enak' },
    });
    expect(checkAnswers(nps, { score: 0, why: ' ' })).toEqual({ ok: true, answers: { score: 0 } });
  });

  it('names every problem by its question', () => {
    expect(checkAnswers(nps, { score: 11, visit: 2, other: 'x' })).toEqual({
      ok: false,
      problems: [
        { question: 'other', message: 'there is no such question in this survey' },
        { question: 'score', message: 'must be a whole number from 0 to 10' },
        { question: 'visit', message: 'must be the number of one of the 2 options (0 to 1)' },
      ],
    });
    expect(checkAnswers(nps, {})).toMatchObject({
      ok: false,
      problems: [{ question: 'score', message: 'an answer is required' }],
    });
  });

  it('takes the score from the first question and the comment from the first text', () => {
    expect(scoreOf('nps', nps, { score: 4, why: 'lama' })).toEqual({ kind: 'nps', score: 4 });
    expect(scoreOf('custom', nps, { score: 4 })).toBeNull();
    expect(commentOf(nps, { score: 4, why: 'lama' })).toBe('lama');
  });
});
