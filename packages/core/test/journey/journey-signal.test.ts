import { describe, expect, it } from 'vitest';
import { branchOf } from '../../src/event.ts';
import { signalOf } from '../../src/journey/journey-signal.ts';
import { replay } from '../../src/journey/journey.engine.ts';
import { compileRules } from '../../src/journey/rules.compile.ts';
import { DEFAULT_RULES } from '../../src/journey/rules.default.ts';
import { namesReadingProperties } from '../../src/journey/rules.properties.ts';
import { DAY, T0, anEvent, anOrder, rulesWith } from './journey.factory.ts';

const rules = compileRules(DEFAULT_RULES);
const survey = (properties: Record<string, unknown>) => anEvent({ name: 'Survey Responded', properties });
const review = (rating: unknown) => anEvent({ name: 'Review Posted', properties: { rating } });

describe('signalOf', () => {
  it('reads a review by its stars: 1-2 unhappy, 3 neutral, 4-5 happy', () => {
    expect([1, 2, 3, 4, 5].map((stars) => signalOf(review(stars), rules)?.sentiment)).toEqual([
      'negative',
      'negative',
      'neutral',
      'positive',
      'positive',
    ]);
    expect(signalOf(review(5), rules)).toEqual({
      measure: 'rating',
      score: 5,
      sentiment: 'positive',
      negative: false,
    });
  });

  it('reads NPS by detractors and promoters, CSAT and CES by their own bands', () => {
    const sentiment = (survey_type: string, score: number) =>
      signalOf(survey({ survey_type, score }), rules)?.sentiment;
    expect([0, 6, 7, 8, 9, 10].map((score) => sentiment('nps', score))).toEqual([
      'negative',
      'negative',
      'neutral',
      'neutral',
      'positive',
      'positive',
    ]);
    expect([1, 2, 3, 4, 5].map((score) => sentiment('csat', score))).toEqual([
      'negative',
      'negative',
      'neutral',
      'positive',
      'positive',
    ]);
    expect([1, 3, 4, 5, 7].map((score) => sentiment('CES', score))).toEqual([
      'negative',
      'negative',
      'neutral',
      'positive',
      'positive',
    ]);
  });

  it('marks what the rules call a negative experience, with or without a score', () => {
    expect(signalOf(anEvent({ name: 'Order Refunded' }), rules)).toEqual({
      measure: null,
      score: null,
      sentiment: 'negative',
      negative: true,
    });
    expect(signalOf(survey({ survey_type: 'nps', score: 3 }), rules)).toMatchObject({ negative: true });
    expect(
      signalOf(anEvent({ name: 'Ticket Opened', properties: { category: 'complaint' } }), rules),
    ).toMatchObject({ sentiment: 'negative', negative: true });
    // A rule set that counts a neutral survey answer as a bad experience wins over the score's band.
    const strict = compileRules(
      rulesWith({
        negative: [{ event: 'Survey Responded', where: [{ property: 'score', op: 'lte', value: 8 }] }],
      }),
    );
    expect(signalOf(survey({ survey_type: 'nps', score: 8 }), strict)?.sentiment).toBe('negative');
  });

  it('finds nothing in ordinary touchpoints, in questions, nor in scores off their scale', () => {
    expect(signalOf(anEvent({ name: 'Product Viewed' }), rules)).toBeNull();
    expect(
      signalOf(anEvent({ name: 'Ticket Opened', properties: { category: 'question' } }), rules),
    ).toBeNull();
    expect(signalOf(review(6), rules)).toBeNull();
    expect(signalOf(review('lima'), rules)).toBeNull();
    expect(signalOf(survey({ survey_type: 'nps', score: 11 }), rules)).toBeNull();
    expect(signalOf(survey({ survey_type: 'custom', score: 3 }), rules)).toBeNull();
    expect(signalOf(review('4'), rules)?.score).toBe(4);
  });

  it('has the feedback events read by a rebuild whatever the rules read', () => {
    const names = namesReadingProperties(rulesWith({ negative: [] }));
    expect(names).not.toBe('all');
    expect([...(names as Set<string>)]).toEqual(
      expect.arrayContaining(['Review Posted', 'Survey Responded']),
    );
  });
});

describe('replay with an observer', () => {
  it('shows each event with the stage it left the customer in', () => {
    const seen: [string, string | null][] = [];
    replay(
      [anEvent({ at: T0 }), anOrder(T0 + DAY), review(5)].map((e, i) => ({ ...e, at: T0 + i * DAY })),
      DEFAULT_RULES,
      undefined,
      (event, state) => seen.push([event.name, state.stage]),
    );
    expect(seen).toEqual([
      ['Product Viewed', 'consideration'],
      ['Order Completed', 'purchase'],
      ['Review Posted', 'advocacy'],
    ]);
  });
});

describe('branchOf', () => {
  it('takes a short branch_id string and nothing else', () => {
    expect(branchOf({ branch_id: ' br_kemang ' })).toBe('br_kemang');
    expect(branchOf({ branch_id: '' })).toBeNull();
    expect(branchOf({ branch_id: 12 })).toBeNull();
    expect(branchOf({ branch_id: 'x'.repeat(65) })).toBeNull();
    expect(branchOf({})).toBeNull();
  });
});
