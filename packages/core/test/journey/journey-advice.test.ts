import { describe, expect, it } from 'vitest';
import { MAX_ADVICE, adviseStages, type StageFacts } from '../../src/journey/journey-advice.ts';

const ORDER = ['awareness', 'consideration', 'purchase', 'experience', 'retention', 'advocacy'];

/** A calm stage: plenty of entries, most move on, nobody stuck, happy feedback. */
function aStage(stage: string, overrides: Partial<StageFacts> = {}): StageFacts {
  const i = ORDER.indexOf(stage);
  return {
    stage,
    next: i >= 0 && i < ORDER.length - 1 ? ORDER[i + 1]! : null,
    customersNow: 100,
    atRiskNow: 0,
    entered: 200,
    movedOnShare: 0.6,
    stuck: 0,
    signals: { total: 40, negative: 2 },
    negatives: { total: 2, topTouchpoint: null, topBranch: null },
    topChannel: 'web',
    ...overrides,
  };
}

const calmJourney = () => ORDER.map((stage) => aStage(stage));
const keysOf = (stages: StageFacts[]) => adviseStages(stages).map((advice) => advice.map((a) => a.key));

describe('adviseStages', () => {
  it('answers the largest drop where it happens: consideration gets stage content and a follow-up', () => {
    const stages = calmJourney();
    stages[1] = aStage('consideration', { movedOnShare: 0.12 });
    const advice = adviseStages(stages);
    expect(advice[1]!.map((a) => [a.key, a.lever])).toEqual([
      ['consideration.show_value', 'content'],
      ['consideration.follow_up', 'automations'],
    ]);
    expect(advice[1]![0]!.facts).toEqual({ share: 0.12, next: 'purchase' });
    // The same journey with the drop at awareness moves the advice there.
    const elsewhere = calmJourney();
    elsewhere[0] = aStage('awareness', { movedOnShare: 0.1, topChannel: 'social' });
    expect(keysOf(elsewhere)[0]).toEqual(['awareness.first_impression', 'awareness.referrals']);
    expect(keysOf(elsewhere)[1]).toEqual([]);
  });

  it('gives a calm stage nothing to do, and never more than the maximum', () => {
    const advice = adviseStages(calmJourney());
    // Only the largest drop (all equal: the first) and the advocates' referral program remain.
    expect(advice.map((a) => a.length)).toEqual([2, 0, 0, 0, 0, 1]);
    const troubled = ORDER.map((stage) =>
      aStage(stage, {
        movedOnShare: 0.05,
        atRiskNow: 80,
        stuck: 60,
        signals: { total: 0, negative: 0 },
        negatives: { total: 50, topTouchpoint: 'Order Refunded', topBranch: 'br_kemang' },
      }),
    );
    for (const list of adviseStages(troubled)) expect(list.length).toBeLessThanOrEqual(MAX_ADVICE);
  });

  it('sends support where bad experiences pile up, naming the touchpoint and branch', () => {
    const stages = calmJourney();
    stages[3] = aStage('experience', {
      signals: { total: 30, negative: 18 },
      negatives: { total: 20, topTouchpoint: 'Ticket Opened', topBranch: 'br_dago' },
    });
    const [first] = adviseStages(stages)[3]!;
    expect(first).toEqual({
      key: 'experience.fast_support',
      lever: 'support',
      facts: { negatives: 20, touchpoint: 'Ticket Opened', branch: 'br_dago' },
    });
  });

  it('asks for feedback after a purchase when none came, and wins back retained customers at risk', () => {
    const stages = calmJourney();
    stages[3] = aStage('experience', {
      signals: { total: 0, negative: 0 },
      negatives: { total: 0, topTouchpoint: null, topBranch: null },
    });
    stages[4] = aStage('retention', { atRiskNow: 45 });
    const keys = keysOf(stages);
    expect(keys[3]).toEqual(['experience.ask_feedback']);
    expect(keys[4]).toEqual(['retention.win_back', 'retention.loyalty']);
  });

  it('does not act on a share drawn from too few entries', () => {
    const stages = calmJourney();
    stages[1] = aStage('consideration', { entered: 5, movedOnShare: 0 });
    expect(keysOf(stages)[1]).toEqual([]);
  });

  it('gives a stage of a business’s own rules the general advice', () => {
    const advice = adviseStages([
      { ...aStage('trial'), next: 'member', movedOnShare: 0.1, customersNow: 100 },
      { ...aStage('member'), next: null },
    ]);
    expect(advice[0]!.map((a) => a.key)).toEqual(['any.follow_up']);
  });
});
