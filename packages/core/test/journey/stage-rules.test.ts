import { describe, expect, it } from 'vitest';
import { anEvent, anOrder, DAY, HOUR, run, stageMoves, T0 } from './journey.factory.ts';

describe('default stage rules: entering the journey', () => {
  it('puts a customer in awareness on his first tracked touchpoint', () => {
    const { state, transitions } = run([anEvent({ name: 'Ad Clicked', channel: 'ads' })]);
    expect(state.stage).toBe('awareness');
    expect(transitions).toContainEqual(
      expect.objectContaining({ kind: 'stage', from: null, to: 'awareness', at: T0 }),
    );
  });

  it('puts a visitor in awareness on a plain page view', () => {
    const { state } = run([anEvent({ type: 'page', name: 'Page Viewed', properties: { category: 'blog' } })]);
    expect(state.stage).toBe('awareness');
  });

  it('keeps a customer out of the journey on identify, alias or group calls alone', () => {
    const { state, transitions } = run([
      anEvent({ type: 'identify', name: 'Identified' }),
      anEvent({ type: 'alias', name: 'Aliased' }),
      anEvent({ type: 'group', name: 'Group Joined' }),
    ]);
    expect(state.stage).toBeNull();
    expect(transitions).toEqual([]);
  });

  it('moves a visitor to consideration when he views a product', () => {
    const { state } = run([
      anEvent({ name: 'Ad Clicked' }),
      anEvent({ name: 'Product Viewed', at: T0 + HOUR }),
    ]);
    expect(state.stage).toBe('consideration');
  });

  it('starts a customer in consideration when his first touchpoint is an inquiry on WhatsApp', () => {
    const { transitions } = run([anEvent({ name: 'Inquiry Received', channel: 'whatsapp' })]);
    expect(stageMoves(transitions)).toEqual(['none>consideration']);
  });

  it('moves a visitor to consideration on a pricing page but not on a blog page', () => {
    const pricing = run([
      anEvent({ type: 'page', name: 'Page Viewed', properties: { category: 'pricing' } }),
    ]);
    const blog = run([anEvent({ type: 'page', name: 'Page Viewed', properties: { category: 'blog' } })]);
    expect(pricing.state.stage).toBe('consideration');
    expect(blog.state.stage).toBe('awareness');
  });

  it('counts content as consideration only when it is tagged for that stage', () => {
    const caseStudy = run([anEvent({ name: 'Content Viewed', properties: { stage: 'consideration' } })]);
    const article = run([anEvent({ name: 'Content Viewed', properties: { stage: 'awareness' } })]);
    expect(caseStudy.state.stage).toBe('consideration');
    expect(article.state.stage).toBe('awareness');
  });

  it('never moves a considering customer back to awareness', () => {
    const { state } = run([
      anEvent({ name: 'Product Viewed' }),
      anEvent({ name: 'Ad Clicked', at: T0 + DAY }),
    ]);
    expect(state.stage).toBe('consideration');
  });
});

describe('default stage rules: purchase and after', () => {
  it('moves a considering customer to purchase on his first order', () => {
    const { transitions } = run([anEvent({ name: 'Product Added' }), anOrder(T0 + HOUR)]);
    expect(stageMoves(transitions)).toEqual(['none>consideration', 'consideration>purchase']);
  });

  it('moves a buyer to experience when the order is delivered', () => {
    const order = anOrder(T0);
    const delivered = anEvent({ name: 'Order Delivered', at: T0 + DAY });
    const { transitions } = run([order, delivered]);
    expect(transitions).toContainEqual(
      expect.objectContaining({
        kind: 'stage',
        from: 'purchase',
        to: 'experience',
        at: T0 + DAY,
        cause: delivered.messageId,
      }),
    );
  });

  it('moves a buyer to experience 72 hours after the purchase when nothing else happens', () => {
    const { state, transitions } = run([anOrder(T0)], T0 + 10 * DAY);
    expect(state.stage).toBe('experience');
    expect(transitions).toContainEqual(
      expect.objectContaining({
        kind: 'stage',
        from: 'purchase',
        to: 'experience',
        at: T0 + 72 * HOUR,
        cause: 'clock',
      }),
    );
  });

  it('counts the experience timer from the purchase, not from the last event', () => {
    const { transitions } = run(
      [anOrder(T0), anEvent({ name: 'Product Viewed', at: T0 + DAY })],
      T0 + 10 * DAY,
    );
    expect(transitions).toContainEqual(
      expect.objectContaining({
        kind: 'stage',
        from: 'purchase',
        to: 'experience',
        at: T0 + 72 * HOUR,
        cause: 'clock',
      }),
    );
  });

  it('does not fire the experience timer a millisecond early', () => {
    expect(run([anOrder(T0)], T0 + 72 * HOUR - 1).state.stage).toBe('purchase');
    expect(run([anOrder(T0)], T0 + 72 * HOUR).state.stage).toBe('experience');
  });

  it('moves a customer to retention on the second order inside the window', () => {
    const { state, transitions } = run([anOrder(T0), anOrder(T0 + 40 * DAY)]);
    expect(state.stage).toBe('retention');
    expect(stageMoves(transitions)).toEqual(['none>purchase', 'purchase>experience', 'experience>retention']);
  });

  it('moves a buyer straight from purchase to retention when he orders again within three days', () => {
    const { transitions } = run([anOrder(T0), anOrder(T0 + DAY)]);
    expect(stageMoves(transitions)).toEqual(['none>purchase', 'purchase>retention']);
  });

  it('moves an active loyalty member who bought recently to retention', () => {
    const { state } = run([anOrder(T0), anEvent({ name: 'Points Earned', at: T0 + 30 * DAY })]);
    expect(state.stage).toBe('retention');
  });

  it('keeps a loyalty member in experience when his last order is older than 90 days', () => {
    const { state } = run([anOrder(T0), anEvent({ name: 'Points Redeemed', at: T0 + 100 * DAY })]);
    expect(state.stage).toBe('experience');
  });

  it('keeps a retained customer in retention when he buys again inside the window', () => {
    const { state, transitions } = run([anOrder(T0), anOrder(T0 + 30 * DAY), anOrder(T0 + 60 * DAY)]);
    expect(state.stage).toBe('retention');
    expect(stageMoves(transitions)).toHaveLength(3);
  });

  it('moves a lapsed retained customer back to purchase when he buys after 180 days', () => {
    const { transitions } = run(
      [anOrder(T0), anOrder(T0 + 30 * DAY), anOrder(T0 + 250 * DAY)],
      T0 + 260 * DAY,
    );
    expect(stageMoves(transitions)).toEqual([
      'none>purchase',
      'purchase>experience',
      'experience>retention',
      'retention>purchase',
      'purchase>experience',
    ]);
  });
});

describe('default stage rules: advocacy', () => {
  it('moves a retained customer to advocacy on a five-star review', () => {
    const events = [
      anOrder(T0),
      anOrder(T0 + 30 * DAY),
      anEvent({ name: 'Review Posted', at: T0 + 31 * DAY, properties: { rating: 5 } }),
    ];
    expect(run(events).state.stage).toBe('advocacy');
  });

  it('moves a buyer to experience, not advocacy, on a three-star review', () => {
    const { state } = run([
      anOrder(T0),
      anEvent({ name: 'Review Posted', at: T0 + DAY, properties: { rating: 3 } }),
    ]);
    expect(state.stage).toBe('experience');
  });

  it('moves a buyer to advocacy on an NPS of 9 but not on an NPS of 8', () => {
    const nps = (score: number) =>
      anEvent({ name: 'Survey Responded', at: T0 + DAY, properties: { survey_type: 'nps', score } });
    expect(run([anOrder(T0), nps(9)]).state.stage).toBe('advocacy');
    expect(run([anOrder(T0), nps(8)]).state.stage).toBe('experience');
  });

  it('moves a buyer to advocacy when his referral converts', () => {
    const { state } = run([
      anOrder(T0),
      anEvent({ name: 'Referral Converted', at: T0 + 5 * DAY, channel: 'referral' }),
    ]);
    expect(state.stage).toBe('advocacy');
  });

  it('does not make an advocate of a visitor who shares a product before buying', () => {
    const { state } = run([
      anEvent({ name: 'Product Viewed' }),
      anEvent({ name: 'Product Shared', at: T0 + HOUR }),
    ]);
    expect(state.stage).toBe('consideration');
  });

  it('keeps an advocate in advocacy when he buys again inside the window', () => {
    const events = [anOrder(T0), anEvent({ name: 'Product Shared', at: T0 + DAY }), anOrder(T0 + 20 * DAY)];
    expect(run(events).state.stage).toBe('advocacy');
  });

  it('moves a lapsed advocate back to purchase when he buys again after 180 days', () => {
    const shared = anEvent({ name: 'Product Shared', at: T0 + DAY });
    const comeback = anOrder(T0 + 200 * DAY);
    const { transitions } = run([anOrder(T0), shared, comeback]);
    expect(transitions).toContainEqual(
      expect.objectContaining({
        kind: 'stage',
        from: 'advocacy',
        to: 'purchase',
        at: comeback.at,
        cause: comeback.messageId,
      }),
    );
  });
});
