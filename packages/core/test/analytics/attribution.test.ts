import { describe, expect, it } from 'vitest';
import {
  attributeFirstPurchase,
  channelReturn,
  type AttributionOrder,
  type AttributionTouch,
} from '../../src/analytics/attribution.ts';

const DAY = 86_400_000;
const T = Date.UTC(2026, 5, 15, 3);
let n = 0;
const touch = (at: number, channel: string, campaign: string | null = null): AttributionTouch => ({
  at,
  messageId: `t${String(++n).padStart(4, '0')}`,
  channel,
  campaign,
});
const order = (at: number, amount: number, channel = 'store'): AttributionOrder => ({
  ...touch(at, channel),
  amount,
});

describe('attributeFirstPurchase', () => {
  it('takes the first and last touch strictly before the first purchase, inside the lookback', () => {
    const a = attributeFirstPurchase({
      customerId: 'c',
      orders: [order(T + 5 * DAY, 70_000), order(T, 100_000)],
      touches: [
        touch(T - 31 * DAY, 'social', 'old'),
        touch(T - 30 * DAY, 'email', 'edge'),
        touch(T - DAY, 'ads', 'gajian'),
        touch(T, 'web'), // the same moment as the sale (a module's own event): not before it
        touch(T + DAY, 'whatsapp'),
      ],
    });
    expect(a).toMatchObject({
      firstPurchaseAt: T,
      revenue: 100_000,
      touches: 2,
      first: { channel: 'email', campaign: 'edge' },
      last: { channel: 'ads', campaign: 'gajian' },
    });
  });

  it('credits the sale itself without a touch, and adds later purchases inside revenueDays', () => {
    const a = attributeFirstPurchase(
      {
        customerId: 'c',
        orders: [order(T, 100_000), order(T + 10 * DAY, 50_000), order(T + 11 * DAY, 1)],
        touches: [],
      },
      { revenueDays: 10 },
    );
    expect(a).toMatchObject({
      touches: 0,
      revenue: 150_000,
      first: { channel: 'store' },
      last: { channel: 'store' },
    });
    expect(attributeFirstPurchase({ customerId: 'c', orders: [], touches: [touch(T, 'web')] })).toBeNull();
  });
});

describe('channelReturn', () => {
  it('gives CAC and ROAS per channel and month, null without spend or without customers', () => {
    const a = (channel: string, at: number, revenue: number) => ({
      customerId: `${channel}${at}`,
      firstPurchaseAt: at,
      revenue,
      touches: 1,
      first: { channel, campaign: null, at },
      last: { channel: 'web', campaign: null, at },
    });
    const months = (at: number) => (at < T ? '2026-05' : '2026-06');
    const result = channelReturn(
      [a('ads', T, 300_000), a('ads', T + DAY, 100_000), a('email', T, 50_000)],
      [
        { channel: 'ads', month: '2026-06', campaign: '', amount: 600_000 },
        { channel: 'social', month: '2026-06', campaign: 'ig', amount: 90_000 },
      ],
      'first',
      months,
    );
    expect(result.months).toEqual([
      {
        month: '2026-06',
        channel: 'ads',
        customers: 2,
        revenue: 400_000,
        spend: 600_000,
        cac: 300_000,
        roas: 400_000 / 600_000,
      },
      { month: '2026-06', channel: 'email', customers: 1, revenue: 50_000, spend: 0, cac: null, roas: null },
      { month: '2026-06', channel: 'social', customers: 0, revenue: 0, spend: 90_000, cac: null, roas: 0 },
    ]);
    expect(channelReturn([a('ads', T, 1)], [], 'last', months).channels).toMatchObject([
      { channel: 'web', customers: 1 },
    ]);
  });
});
