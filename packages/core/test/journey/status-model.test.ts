import { describe, expect, it } from 'vitest';
import { applyEvent, replay } from '../../src/journey/journey.engine.ts';
import { PREDICTION_EVENT } from '../../src/journey/journey-state.ts';
import { DEFAULT_RULES } from '../../src/journey/rules.default.ts';
import { namesReadingProperties } from '../../src/journey/rules.properties.ts';
import { validateRules } from '../../src/journey/rules.validate.ts';
import { DAY, T0, aNegative, anEvent, anOrder, rulesWith, statusMoves } from './journey.factory.ts';

const withModel = rulesWith({
  status: { ...structuredClone(DEFAULT_RULES.status), model: { atRiskBelow: 0.5, churnedBelow: 0.2 } },
});
const prediction = (at: number, p: number) =>
  anEvent({ name: PREDICTION_EVENT, at, channel: 'other', properties: { probability_alive: p } });

describe('status from the purchase model (rules status.model)', () => {
  it('sets at risk and churned from the probability alive, in place of the silence factors', () => {
    const orders = [anOrder(T0), anOrder(T0 + 20 * DAY)];
    // Two days after his last order the silence rules say active; the model says he is likely gone.
    const step = replay([...orders, prediction(T0 + 22 * DAY, 0.15)], withModel);
    expect(step.state.status).toBe('churned');
    expect(statusMoves(step.transitions)).toEqual(['new>active', 'active>churned']);
    const cause = step.transitions.at(-1)!;
    expect(cause.at).toBe(T0 + 22 * DAY);
    expect(replay([...orders, prediction(T0 + 22 * DAY, 0.35)], withModel).state.status).toBe('at_risk');
    // Likely alive: stays active even after a silence the factors call churned (3 x 20 days).
    const alive = replay([...orders, prediction(T0 + 90 * DAY, 0.8)], withModel, T0 + 120 * DAY);
    expect(alive.state.status).toBe('active');
    expect(alive.state.dueAt).toBeNull();
  });

  it('is ignored without the option, and is no touchpoint and no stage move either way', () => {
    const events = [anOrder(T0), anOrder(T0 + 20 * DAY), prediction(T0 + 22 * DAY, 0.05)];
    const plain = replay(events, DEFAULT_RULES);
    expect(plain.state.status).toBe('active');
    const modelled = replay(events, withModel);
    for (const step of [plain, modelled]) {
      expect(step.state.lastSeenAt).toBe(T0 + 20 * DAY);
      expect(step.state.stage).toBe('retention');
      expect(step.transitions.filter((t) => t.cause === events[2]!.messageId && t.kind === 'stage')).toEqual(
        [],
      );
    }
  });

  it('lets his next order win him back, and the silence rules decide again until the next refit', () => {
    const events = [
      anOrder(T0),
      anOrder(T0 + 20 * DAY),
      prediction(T0 + 40 * DAY, 0.1),
      anOrder(T0 + 45 * DAY),
    ];
    const step = replay(events, withModel);
    expect(step.state.status).toBe('won_back');
    expect(step.state.predictedAlive).toBeNull();
  });

  it('keeps negative experiences weighing on top of the model', () => {
    const events = [anOrder(T0), anOrder(T0 + 20 * DAY), prediction(T0 + 21 * DAY, 0.9)];
    const complained = [...events, aNegative(T0 + 22 * DAY), aNegative(T0 + 23 * DAY)];
    expect(replay(complained, withModel).state.status).toBe('at_risk');
  });

  it('gives the same state applied one by one as replayed', () => {
    const events = [
      anOrder(T0),
      anOrder(T0 + 10 * DAY),
      prediction(T0 + 30 * DAY, 0.3),
      prediction(T0 + 31 * DAY, 0.1),
    ];
    let state = replay([], withModel).state;
    const transitions = [];
    for (const e of events) {
      const step = applyEvent(state, e, withModel);
      state = step.state;
      transitions.push(...step.transitions);
    }
    const replayed = replay(events, withModel);
    expect(state).toEqual(replayed.state);
    expect(transitions).toEqual(replayed.transitions);
    expect(statusMoves(transitions)).toEqual(['new>active', 'active>at_risk', 'at_risk>churned']);
  });

  it('leaves a customer who never bought again to the silence rules (the model calls him alive by construction)', () => {
    const step = replay([anOrder(T0), prediction(T0 + 200 * DAY, 1)], withModel, T0 + 200 * DAY);
    expect(step.state.status).toBe('churned');
  });

  it('has a rebuild read the prediction properties only when the status follows them', () => {
    expect(namesReadingProperties(withModel)).toContain(PREDICTION_EVENT);
    expect(namesReadingProperties(DEFAULT_RULES)).not.toContain(PREDICTION_EVENT);
  });

  it('refuses thresholds where churned comes before at risk, or outside 0..1', () => {
    const bad = rulesWith({
      status: { ...structuredClone(DEFAULT_RULES.status), model: { atRiskBelow: 0.3, churnedBelow: 0.4 } },
    });
    expect(validateRules(bad)).toMatchObject({
      ok: false,
      errors: [{ path: '/status/model/churnedBelow', code: 'model_churn_before_risk' }],
    });
    const outside = {
      ...structuredClone(withModel),
      status: { ...withModel.status, model: { atRiskBelow: 1.5, churnedBelow: 0.2 } },
    };
    const result = validateRules(outside);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('/status/model/atRiskBelow');
    expect(validateRules(withModel).ok).toBe(true);
  });
});
