import type { CompiledStatus } from './rules.compile.ts';
import { MAX_ORDER_TIMES, type CustomerStatus, type JourneyState, type RiskLevel } from './journey-state.ts';

/*
 * The status rules (DESIGN §2.2), evaluated at a time `now`:
 *
 *   rhythm g   = median gap between the customer's recent orders when he has two or more (never below
 *                minRhythmDays), defaultRhythmDays after one order, prospectRhythmDays before any.
 *   silence    = now - last order (buyers) or now - last touchpoint (prospects).
 *   risk       = none; raised with one negative experience inside negativeWindowDays; high with two or more.
 *   churned    when silence >= churnFactor * g;
 *   at_risk    when silence >= atRiskFactor * g, or risk is high, or risk is raised and silence >= g;
 *   won_back   for wonBackDays after a churned customer orders again (ends early at his next order);
 *   new        otherwise, with at most one order; active otherwise, with two or more.
 *
 * Churned and at_risk win over won_back: a won-back customer who complains twice needs attention now.
 * A threshold counts as crossed at the exact moment silence reaches it, so each one is a deadline the
 * clock job can fire at that millisecond. Why negatives weigh this much: PwC asked 15,000 consumers,
 * and 1 in 3 would leave a brand they love after one bad experience, 92% after two or three.
 */

/** The customer's own buying rhythm g, in ms. */
export function rhythmMs(state: JourneyState, settings: CompiledStatus): number {
  if (state.medianOrderGapMs !== null) return Math.max(state.medianOrderGapMs, settings.minRhythmMs);
  return state.orderCount > 0 ? settings.defaultRhythmMs : settings.prospectRhythmMs;
}

export function riskOf(negatives: number): RiskLevel {
  return negatives === 0 ? 'none' : negatives === 1 ? 'raised' : 'high';
}

/** Where silence is measured from: the last order, or the last touchpoint for a prospect. */
function silenceBase(state: JourneyState): number | null {
  return state.orderTimes[state.orderTimes.length - 1] ?? state.lastSeenAt;
}

/**
 * The model's probability alive when the rules let it decide for this customer, else null. Only for
 * customers who bought again: BG/NBD gives one who never did a probability of 1 by construction, so
 * the silence rules keep deciding for him.
 */
function modelAlive(state: JourneyState, settings: CompiledStatus): number | null {
  const p = state.predictedAlive ?? null;
  return settings.model !== null && p !== null && state.orderCount >= 2 ? p : null;
}

/** The status of a customer at `now`, from the facts in the state (risk must be current at `now`). */
export function statusAt(state: JourneyState, now: number, settings: CompiledStatus): CustomerStatus {
  const base = silenceBase(state);
  const p = modelAlive(state, settings);
  if (p !== null && settings.model !== null) {
    // The model weighed his silence against his own rhythm already; negatives still count on top.
    if (p < settings.model.churnedBelow) return 'churned';
    if (p < settings.model.atRiskBelow) return 'at_risk';
    if (state.risk === 'raised' && base !== null && now >= base + Math.round(rhythmMs(state, settings)))
      return 'at_risk';
  } else if (base !== null) {
    const g = rhythmMs(state, settings);
    if (now >= base + Math.round(settings.churnFactor * g)) return 'churned';
    if (now >= base + Math.round(settings.atRiskFactor * g)) return 'at_risk';
    if (state.risk === 'raised' && now >= base + Math.round(g)) return 'at_risk';
  }
  if (state.risk === 'high') return 'at_risk';
  if (state.wonBackAt !== null) return 'won_back';
  return state.orderCount >= 2 ? 'active' : 'new';
}

/** The next moment after `after` at which silence alone can change the status, or Infinity. */
export function nextStatusThreshold(state: JourneyState, after: number, settings: CompiledStatus): number {
  const base = silenceBase(state);
  if (base === null) return Infinity;
  const g = rhythmMs(state, settings);
  if (modelAlive(state, settings) !== null) {
    return state.risk === 'raised' ? earliestAfter(Infinity, base + Math.round(g), after) : Infinity;
  }
  let next = earliestAfter(Infinity, base + Math.round(settings.atRiskFactor * g), after);
  next = earliestAfter(next, base + Math.round(settings.churnFactor * g), after);
  return state.risk === 'raised' ? earliestAfter(next, base + Math.round(g), after) : next;
}

/** The earlier of `current` and `candidate`, counting the candidate only when it is after `after`. */
export function earliestAfter(current: number, candidate: number, after: number): number {
  return candidate > after && candidate < current ? candidate : current;
}

// Scratch space for the median, so recording an order allocates nothing.
const gaps = new Float64Array(MAX_ORDER_TIMES);

/** Median gap between consecutive times (sorted ascending), or null with fewer than two. */
export function medianGap(times: readonly number[]): number | null {
  const n = times.length - 1;
  if (n < 1) return null;
  for (let i = 0; i < n; i++) {
    const gap = (times[i + 1] as number) - (times[i] as number);
    let j = i;
    while (j > 0 && (gaps[j - 1] as number) > gap) {
      gaps[j] = gaps[j - 1] as number;
      j--;
    }
    gaps[j] = gap;
  }
  const mid = n >> 1;
  return n % 2 === 1 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
}
