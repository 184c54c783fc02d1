/*
 * What to do at each stage of the journey map, chosen by what the numbers of that stage show.
 *
 * The advice comes from the two seed articles (DESIGN §0), each piece tied to a lever Jejak has or will
 * have: stage content, support with response targets, surveys, reviews, loyalty points, vouchers,
 * referrals and automations. A stage gets advice only for a problem its figures show (a large drop,
 * customers stuck, bad experiences, no feedback, customers at risk), the worst first, at most
 * MAX_ADVICE of them; a stage that shows none gets none. The words live in the dashboard's catalogues,
 * keyed by `key`; `facts` are the figures a sentence quotes.
 */

export const LEVERS = [
  'content',
  'support',
  'surveys',
  'reviews',
  'loyalty',
  'vouchers',
  'referrals',
  'automations',
] as const;
export type Lever = (typeof LEVERS)[number];

/** Every piece of advice there is; `<stage>.<what>` for the default stages, `any.<what>` for others. */
export const ADVICE_KEYS = [
  'awareness.first_impression',
  'awareness.referrals',
  'consideration.show_value',
  'consideration.follow_up',
  'consideration.first_voucher',
  'consideration.social_proof',
  'purchase.smooth_checkout',
  'experience.fast_support',
  'experience.ask_feedback',
  'experience.second_visit',
  'retention.win_back',
  'retention.loyalty',
  'retention.ask_review',
  'advocacy.referral_program',
  'advocacy.keep_close',
  'any.follow_up',
  'any.fast_support',
  'any.ask_feedback',
  'any.win_back',
] as const;
export type AdviceKey = (typeof ADVICE_KEYS)[number];

export interface Advice {
  key: AdviceKey;
  lever: Lever;
  /** Figures the sentence quotes: shares 0..1, counts, a stage, channel, touchpoint or branch id. */
  facts: Record<string, string | number>;
}

/** What the map knows of one stage, in the period chosen (entries, moves, signals) and now (customers). */
export interface StageFacts {
  stage: string;
  /** The stage after it in journey order, null for the last. */
  next: string | null;
  customersNow: number;
  /** Of them, at risk or churned (DESIGN §2.2). */
  atRiskNow: number;
  entered: number;
  /** Of the visits that began in the period, the share that moved on to a later stage; null if unknown. */
  movedOnShare: number | null;
  /** Customers in the stage now for longer than most stayed before moving on; null if unknown. */
  stuck: number | null;
  signals: { total: number; negative: number };
  /** Negative experiences (by the rules) and where most of them happened. */
  negatives: { total: number; topTouchpoint: string | null; topBranch: string | null };
  /** The channel that brought most customers into the stage, null if none did. */
  topChannel: string | null;
}

export const MAX_ADVICE = 2;
/** Fewer entries than this make a share too noisy to act on. */
export const MIN_ENTRIES = 20;
/** A stage where fewer than this share moved on loses more than it keeps. */
const LOW_MOVE_ON = 0.3;
/** Stuck or at-risk customers above this share of the stage deserve a lever of their own. */
const NOTABLE_SHARE = 0.2;
/** Feedback this negative, or negative experiences this frequent per entry, is a problem. */
const NEGATIVE_SHARE = 0.25;
const NEGATIVES_PER_ENTRY = 0.05;
/** Fewer negative experiences, or answers, than these are chance, whatever the share. */
const MIN_NEGATIVES = 3;
const MIN_SIGNALS = 5;

interface Candidate extends Advice {
  /** How bad the problem behind it is, 0..1; the worst is shown first. */
  weight: number;
}

const DEFAULT_STAGES = new Set([
  'awareness',
  'consideration',
  'purchase',
  'experience',
  'retention',
  'advocacy',
]);
/** Stages where a customer has bought: feedback is expected there. */
const AFTER_PURCHASE = new Set(['purchase', 'experience', 'retention', 'advocacy']);

/**
 * The advice for each stage, in the order given (the journey's).
 *
 * @example
 * adviseStages([{ stage: 'consideration', next: 'purchase', entered: 400, movedOnShare: 0.12, ... }]);
 * // [[{ key: 'consideration.show_value', lever: 'content', facts: { share: 0.12, next: 'purchase' } }, ...]]
 */
export function adviseStages(stages: readonly StageFacts[]): Advice[][] {
  const largestDrop = largestDropOf(stages);
  return stages.map((facts) =>
    candidatesFor(facts, facts.stage === largestDrop)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_ADVICE)
      .map(({ key, lever, facts: quoted }) => ({ key, lever, facts: quoted })),
  );
}

/** The stage that lets the largest share of its entries go, among those with enough entries to tell. */
function largestDropOf(stages: readonly StageFacts[]): string | null {
  let worst: StageFacts | null = null;
  for (const s of stages) {
    if (s.next === null || s.movedOnShare === null || s.entered < MIN_ENTRIES) continue;
    if (worst === null || s.movedOnShare < (worst.movedOnShare as number)) worst = s;
  }
  return worst?.stage ?? null;
}

function candidatesFor(s: StageFacts, isLargestDrop: boolean): Candidate[] {
  const out: Candidate[] = [];
  const known = DEFAULT_STAGES.has(s.stage);
  const add = (key: AdviceKey, lever: Lever, weight: number, facts: Advice['facts']) =>
    out.push({ key, lever, weight, facts });

  const drop = dropWeight(s, isLargestDrop);
  if (drop > 0) {
    const facts = { share: s.movedOnShare as number, next: s.next as string };
    switch (known ? s.stage : 'any') {
      case 'awareness':
        add('awareness.first_impression', 'content', drop, { ...facts, channel: s.topChannel ?? '' });
        add('awareness.referrals', 'referrals', drop * 0.8, facts);
        break;
      case 'consideration':
        add('consideration.show_value', 'content', drop, facts);
        add('consideration.follow_up', 'automations', drop * 0.9, facts);
        add('consideration.social_proof', 'reviews', drop * 0.85, facts);
        break;
      case 'experience':
        add('experience.second_visit', 'vouchers', drop, facts);
        break;
      case 'retention':
        add('retention.ask_review', 'reviews', drop * 0.9, facts);
        break;
      case 'purchase':
      case 'advocacy':
        break;
      default:
        add('any.follow_up', 'automations', drop, facts);
    }
  }

  const stuckShare = s.stuck !== null && s.customersNow > 0 ? s.stuck / s.customersNow : 0;
  if (s.stuck !== null && s.stuck > 0 && stuckShare >= NOTABLE_SHARE) {
    const facts = { stuck: s.stuck, share: stuckShare };
    if (s.stage === 'consideration') add('consideration.first_voucher', 'vouchers', stuckShare, facts);
  }

  const negative = negativeWeight(s);
  if (negative > 0) {
    const facts = {
      negatives: s.negatives.total,
      touchpoint: s.negatives.topTouchpoint ?? '',
      branch: s.negatives.topBranch ?? '',
    };
    if (s.stage === 'purchase') add('purchase.smooth_checkout', 'support', negative, facts);
    else if (s.stage === 'experience') add('experience.fast_support', 'support', negative, facts);
    else add('any.fast_support', 'support', negative, facts);
  }

  // Feedback moves a customer out of purchase (to experience), so purchase itself never holds any.
  if (AFTER_PURCHASE.has(s.stage) && s.stage !== 'purchase' && s.signals.total === 0 && s.entered > 0) {
    const key: AdviceKey = s.stage === 'experience' ? 'experience.ask_feedback' : 'any.ask_feedback';
    add(key, 'surveys', 0.5, { entered: s.entered });
  }

  const atRiskShare = s.customersNow > 0 ? s.atRiskNow / s.customersNow : 0;
  if (AFTER_PURCHASE.has(s.stage) && atRiskShare >= NOTABLE_SHARE) {
    const facts = { atRisk: s.atRiskNow, share: atRiskShare };
    if (s.stage === 'retention') {
      add('retention.win_back', 'automations', atRiskShare, facts);
      add('retention.loyalty', 'loyalty', atRiskShare * 0.8, facts);
    } else if (s.stage === 'advocacy') add('advocacy.keep_close', 'loyalty', atRiskShare, facts);
    else add('any.win_back', 'automations', atRiskShare, facts);
  }

  if (s.stage === 'advocacy' && s.customersNow > 0) {
    add('advocacy.referral_program', 'referrals', 0.3, { customers: s.customersNow });
  }
  return dedupe(out);
}

/** How badly a stage loses its customers: 0 unless it is the largest drop or keeps under LOW_MOVE_ON. */
function dropWeight(s: StageFacts, isLargestDrop: boolean): number {
  if (s.next === null || s.movedOnShare === null || s.entered < MIN_ENTRIES) return 0;
  if (!isLargestDrop && s.movedOnShare >= LOW_MOVE_ON) return 0;
  return Math.max(0.4, 1 - s.movedOnShare);
}

function negativeWeight(s: StageFacts): number {
  const share = s.signals.total >= MIN_SIGNALS ? s.signals.negative / s.signals.total : 0;
  const perEntry = s.entered > 0 ? s.negatives.total / s.entered : 0;
  const many = s.negatives.total >= MIN_NEGATIVES;
  if (share < NEGATIVE_SHARE && !(many && perEntry >= NEGATIVES_PER_ENTRY)) return 0;
  return Math.min(1, Math.max(share, perEntry * 5));
}

/** One piece of advice per key, the heaviest reason kept. */
function dedupe(candidates: Candidate[]): Candidate[] {
  const byKey = new Map<AdviceKey, Candidate>();
  for (const c of candidates) {
    const seen = byKey.get(c.key);
    if (seen === undefined || c.weight > seen.weight) byKey.set(c.key, c);
  }
  return [...byKey.values()];
}
