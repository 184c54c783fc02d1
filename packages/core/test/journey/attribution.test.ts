import { describe, expect, it } from 'vitest';
import { advance } from '../../src/journey/journey.engine.ts';
import { DEFAULT_RULES } from '../../src/journey/rules.default.ts';
import { anEvent, anOrder, DAY, HOUR, run, T0 } from './journey.factory.ts';

const stage = <T extends { kind: string }>(transitions: readonly T[]) =>
  transitions.filter((t) => t.kind === 'stage');

describe('where a customer came from and where he is served', () => {
  it('counts every move under the channel of his first touchpoint, not of the event that caused it', () => {
    const { state, transitions } = run([
      anEvent({ type: 'identify', name: 'Identified', channel: 'email' }),
      anEvent({ name: 'Ad Clicked', channel: 'ads', at: T0 + HOUR }),
      anEvent({ name: 'Product Viewed', channel: 'web', at: T0 + 2 * HOUR }),
      anOrder(T0 + DAY),
    ]);
    expect(state.firstChannel).toBe('ads');
    expect(transitions.map((t) => t.firstChannel)).toEqual(transitions.map(() => 'ads'));
  });

  it('gives a move the branch of the event that caused it, and later ones the latest branch named', () => {
    const { state, transitions } = run([
      anEvent({ name: 'Product Viewed' }),
      anOrder(T0 + DAY, { branchId: 'br_kemang' }),
      anEvent({ name: 'Product Viewed', at: T0 + 2 * DAY }),
    ]);
    expect(stage(transitions).map((t) => [t.to, t.homeBranch])).toEqual([
      ['consideration', null],
      ['purchase', 'br_kemang'],
    ]);
    expect(state.homeBranch).toBe('br_kemang');
  });

  it('counts a stage visit at the branch it began at, whatever branch he moves on from', () => {
    const purchase = anOrder(T0, { branchId: 'br_kemang' });
    const delivered = anEvent({ name: 'Order Delivered', at: T0 + HOUR, branchId: 'br_dago' });
    const { transitions } = run([purchase, delivered]);
    expect(stage(transitions).at(-1)).toMatchObject({
      from: 'purchase',
      to: 'experience',
      homeBranch: 'br_dago',
      sinceHomeBranch: 'br_kemang',
    });
  });

  it('says since when the customer was in the stage or status he leaves', () => {
    const { transitions } = run([anEvent({ name: 'Ad Clicked' }), anOrder(T0 + 3 * DAY)]);
    const [first, second] = stage(transitions);
    expect(first).toMatchObject({ from: null, since: null, at: T0 });
    expect(second).toMatchObject({ from: 'awareness', since: T0, at: T0 + 3 * DAY });
    const late = advance(run([anOrder(T0)]).state, T0 + 60 * DAY, DEFAULT_RULES).transitions;
    const status = late.filter((t) => t.kind === 'status')[0];
    expect(status?.since).toBe(T0);
    expect(status?.sinceHomeBranch).toBeNull();
  });

  it('stamps a move of the clock with what the customer had when the deadline passed', () => {
    const { transitions } = run([anOrder(T0, { branchId: 'br_menteng', channel: 'store' })], T0 + 4 * DAY);
    expect(stage(transitions).at(-1)).toMatchObject({
      to: 'experience',
      cause: 'clock',
      since: T0,
      firstChannel: 'store',
      homeBranch: 'br_menteng',
      sinceHomeBranch: 'br_menteng',
    });
  });
});
