import { describe, expect, it } from 'vitest';
import { aNegative, anEvent, anOrder, DAY, run, statusMoves, T0 } from './journey.factory.ts';

describe('status of prospects', () => {
  it('calls a visitor who never bought new', () => {
    const { state } = run([anEvent({ name: 'Product Viewed' })]);
    expect(state).toMatchObject({ status: 'new', statusSince: T0, risk: 'none' });
  });

  it('flags a silent prospect at risk after 45 days and churned after 90, at the exact deadlines', () => {
    const { transitions } = run([anEvent({ name: 'Product Viewed' })], T0 + 200 * DAY);
    expect(transitions.filter((t) => t.kind === 'status')).toMatchObject([
      { kind: 'status', from: 'new', to: 'at_risk', at: T0 + 45 * DAY, cause: 'clock' },
      { kind: 'status', from: 'at_risk', to: 'churned', at: T0 + 90 * DAY, cause: 'clock' },
    ]);
  });

  it('measures a prospect’s silence from his last touchpoint', () => {
    const events = [anEvent({ name: 'Product Viewed' }), anEvent({ name: 'Cart Viewed', at: T0 + 40 * DAY })];
    expect(run(events, T0 + 60 * DAY).state.status).toBe('new');
  });

  it('does not count an identify call as the customer being seen', () => {
    const events = [
      anEvent({ name: 'Product Viewed' }),
      anEvent({ type: 'identify', name: 'Identified', at: T0 + 40 * DAY }),
    ];
    expect(run(events, T0 + 46 * DAY).state).toMatchObject({ status: 'at_risk', lastSeenAt: T0 });
  });

  it('calls a churned prospect’s first order new, not won back', () => {
    const { state } = run([anEvent({ name: 'Product Viewed' }), anOrder(T0 + 100 * DAY)]);
    expect(state.status).toBe('new');
  });
});

describe('status of buyers', () => {
  it('calls a first-time buyer new and a second-time buyer active', () => {
    expect(run([anOrder(T0)]).state.status).toBe('new');
    expect(run([anOrder(T0), anOrder(T0 + 20 * DAY)]).state.status).toBe('active');
  });

  it('flags a one-time buyer at risk 45 days after his order and churned after 90', () => {
    const { transitions } = run([anOrder(T0)], T0 + 365 * DAY);
    expect(statusMoves(transitions)).toEqual(['new>at_risk', 'at_risk>churned']);
    expect(transitions.filter((t) => t.kind === 'status').map((t) => t.at)).toEqual([
      T0 + 45 * DAY,
      T0 + 90 * DAY,
    ]);
  });

  it('judges silence against the customer’s own rhythm', () => {
    const weekly = [anOrder(T0), anOrder(T0 + 10 * DAY), anOrder(T0 + 20 * DAY)];
    expect(run(weekly, T0 + 34 * DAY).state.status).toBe('active');
    expect(run(weekly, T0 + 35 * DAY).state.status).toBe('at_risk');
    expect(run(weekly, T0 + 50 * DAY).state.status).toBe('churned');
  });

  it('does not take a burst of orders on one day for a rhythm of minutes', () => {
    const burst = [anOrder(T0), anOrder(T0 + 60_000), anOrder(T0 + 120_000)];
    const { state } = run(burst, T0 + 4 * DAY);
    expect(state).toMatchObject({ status: 'active', dueAt: T0 + 120_000 + 4.5 * DAY });
  });

  it('does not let page views hide a buyer’s silence', () => {
    const events = [anOrder(T0), anEvent({ name: 'Product Viewed', at: T0 + 44 * DAY })];
    expect(run(events, T0 + 46 * DAY).state.status).toBe('at_risk');
  });

  it('sets dueAt to the next threshold a clock job must act on', () => {
    expect(run([anOrder(T0)]).state.dueAt).toBe(T0 + 72 * 3_600_000);
    expect(run([anOrder(T0)], T0 + 4 * DAY).state.dueAt).toBe(T0 + 45 * DAY);
    expect(run([anOrder(T0)], T0 + 91 * DAY).state.dueAt).toBeNull();
  });
});

describe('negative experiences', () => {
  it('raises the risk of a customer after one bad experience without changing his status at once', () => {
    const { state } = run([anOrder(T0), aNegative(T0 + 5 * DAY)]);
    expect(state).toMatchObject({ risk: 'raised', status: 'new' });
  });

  it('flags a customer with one bad experience at risk once his silence passes his rhythm', () => {
    const { transitions } = run([anOrder(T0), aNegative(T0 + 5 * DAY)], T0 + 40 * DAY);
    expect(transitions.filter((t) => t.kind === 'status')).toMatchObject([
      { kind: 'status', from: 'new', to: 'at_risk', at: T0 + 30 * DAY, cause: 'clock' },
    ]);
  });

  it('flags a customer at risk at once after a second bad experience', () => {
    const second = anEvent({ name: 'Review Posted', at: T0 + 22 * DAY, properties: { rating: 1 } });
    const { state, transitions } = run([
      anOrder(T0),
      anOrder(T0 + 20 * DAY),
      aNegative(T0 + 21 * DAY),
      second,
    ]);
    expect(state).toMatchObject({ risk: 'high', status: 'at_risk' });
    expect(transitions).toContainEqual(
      expect.objectContaining({
        kind: 'status',
        from: 'active',
        to: 'at_risk',
        at: second.at,
        cause: second.messageId,
      }),
    );
  });

  it('counts refunds, missed response targets, CSAT 1-2 and NPS 0-6 as bad experiences', () => {
    const bad = [
      anEvent({ name: 'Order Refunded', at: T0 + DAY }),
      anEvent({ name: 'Response Target Missed', at: T0 + DAY }),
      anEvent({ name: 'Survey Responded', at: T0 + DAY, properties: { survey_type: 'csat', score: 2 } }),
      anEvent({ name: 'Survey Responded', at: T0 + DAY, properties: { survey_type: 'nps', score: '6' } }),
    ];
    for (const event of bad) expect(run([anOrder(T0), event]).state.risk, event.name).toBe('raised');
  });

  it('does not count a question ticket, a CSAT 3 or a four-star review as bad experiences', () => {
    const fine = [
      anEvent({ name: 'Ticket Opened', at: T0 + DAY, properties: { category: 'question' } }),
      anEvent({ name: 'Survey Responded', at: T0 + DAY, properties: { survey_type: 'csat', score: 3 } }),
      anEvent({ name: 'Review Posted', at: T0 + DAY, properties: { rating: 4 } }),
    ];
    for (const event of fine) expect(run([anOrder(T0), event]).state.risk, event.name).toBe('none');
  });

  it('forgets bad experiences 90 days after they happened and lets the customer recover', () => {
    const everyTenDays = Array.from({ length: 10 }, (_, i) => anOrder(T0 + i * 10 * DAY));
    const events = [...everyTenDays, aNegative(T0 + DAY), aNegative(T0 + 2 * DAY)];
    expect(run(events, T0 + 90 * DAY).state).toMatchObject({ risk: 'high', status: 'at_risk' });
    const { state, transitions } = run(events, T0 + 95 * DAY);
    expect(state).toMatchObject({ risk: 'none', status: 'active', negativeTimes: [] });
    // The first expiry leaves one recent bad experience, which alone does not outweigh a fresh order.
    expect(transitions.filter((t) => t.kind === 'status').at(-1)).toMatchObject({
      kind: 'status',
      from: 'at_risk',
      to: 'active',
      at: T0 + 91 * DAY,
      cause: 'clock',
    });
  });
});

describe('won back', () => {
  const churnedThenBack = () => [anOrder(T0), anOrder(T0 + 10 * DAY), anOrder(T0 + 100 * DAY)];

  it('calls a churned customer who orders again won back', () => {
    const { state, transitions } = run(churnedThenBack());
    expect(state).toMatchObject({ status: 'won_back', wonBackAt: T0 + 100 * DAY });
    expect(statusMoves(transitions)).toEqual([
      'new>active',
      'active>at_risk',
      'at_risk>churned',
      'churned>won_back',
    ]);
  });

  it('returns a won-back customer to normal evaluation after 60 days', () => {
    const { transitions } = run(churnedThenBack(), T0 + 200 * DAY);
    expect(transitions).toContainEqual(
      expect.objectContaining({
        kind: 'status',
        from: 'won_back',
        to: 'active',
        at: T0 + 160 * DAY,
        cause: 'clock',
      }),
    );
  });

  it('ends won back early when the customer orders again', () => {
    const next = anOrder(T0 + 120 * DAY);
    const { state, transitions } = run([...churnedThenBack(), next]);
    expect(state).toMatchObject({ status: 'active', wonBackAt: null });
    expect(transitions.at(-1)).toMatchObject({
      kind: 'status',
      from: 'won_back',
      to: 'active',
      cause: next.messageId,
    });
  });
});
