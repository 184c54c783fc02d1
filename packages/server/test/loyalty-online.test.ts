import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, T0, aTrack, startTestApp, type TestApp } from './harness.ts';

/*
 * Online orders earn: an `Order Completed` that arrives through ingestion (a website's Segment client)
 * earns points by the program's rules, once per order; a later `Order Refunded` takes them back.
 */
let t: TestApp;

const program = {
  enabled: true,
  rupiahPerPoint: 1_000,
  minOrder: 0,
  productPoints: {},
  categoryPoints: { 'Biji kopi': 5 },
  pointValue: 100,
  minRedeem: 1,
  maxRedeemPercent: 100,
  expiryDays: 365,
  earnOnRedeemed: false,
  allowNegative: false,
  signupBonus: 0,
  birthdayBonus: 0,
  pendingDays: 0,
  tiers: { basis: 'points', periodDays: 365, holdDays: 30, levels: [] },
};

interface Standing {
  balance: number;
}
interface Entry {
  kind: string;
  points: number;
  orderId: string | null;
  actorName: string;
}

const order = (messageId: string, properties: Record<string, unknown>, event = 'Order Completed') =>
  aTrack({
    messageId,
    userId: 'web-user-41',
    anonymousId: undefined,
    event,
    properties,
    timestamp: new Date(T0).toISOString(),
  });

async function customerId(): Promise<string> {
  const list = await t.api('GET', '/customers?search=web-user-41');
  const found = list.json<{ items: { id: string }[] }>().items;
  if (found[0]) return found[0].id;
  const all = await t.api('GET', '/customers');
  return all.json<{ items: { id: string }[] }>().items[0]!.id;
}

async function standing(): Promise<Standing> {
  const response = await t.api('GET', `/loyalty/customers/${await customerId()}`);
  expect(response.statusCode).toBe(200);
  return response.json<Standing>();
}

async function entries(): Promise<Entry[]> {
  const response = await t.api('GET', `/loyalty/customers/${await customerId()}/entries`);
  return response.json<{ items: Entry[] }>().items;
}

beforeAll(async () => {
  t = await startTestApp();
  t.setNow(T0 + HOUR);
  expect((await t.api('PUT', '/loyalty/program', program)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('online orders and points', () => {
  it('earns on an ingested Order Completed by the same rules (per Rupiah and per category)', async () => {
    const response = await t.ingest([
      order('web-order-1', {
        order_id: 'WEB-1001',
        total: 150_400,
        revenue: 140_000,
        currency: 'IDR',
        products: [{ product_id: 'arabika-250', category: 'Biji kopi', quantity: 2 }],
      }),
    ]);
    expect(response.statusCode).toBe(200);
    // Rp 150.400 paid (total wins over revenue): 150 points, and 5 a bag of beans: 160.
    expect((await standing()).balance).toBe(160);
    const [earn] = await entries();
    expect(earn).toMatchObject({
      kind: 'earn',
      points: 160,
      orderId: 'online:WEB-1001',
      actorName: 'Online',
    });
  });

  it('earns once per order: a resent message or another message for the same order adds nothing', async () => {
    await t.ingest([order('web-order-1', { order_id: 'WEB-1001', total: 150_400 })]);
    await t.ingest([order('web-order-1-again', { order_id: 'WEB-1001', total: 150_400 })]);
    expect((await standing()).balance).toBe(160);
  });

  it('a partial refund takes back its share, a refund of the rest the remainder', async () => {
    await t.ingest([order('web-refund-1', { order_id: 'WEB-1001', total: 75_200 }, 'Order Refunded')]);
    // Half the order refunded: 80 of the 160 points go.
    expect((await standing()).balance).toBe(80);
    await t.ingest([order('web-refund-2', { order_id: 'WEB-1001' }, 'Order Refunded')]);
    expect((await standing()).balance).toBe(0);
    expect((await entries()).filter((e) => e.kind === 'cancel').map((e) => e.points)).toEqual([-80, -80]);
  });

  it('ignores an order with no total or revenue, and a refund of an order it never saw', async () => {
    await t.ingest([
      order('web-order-2', { order_id: 'WEB-1002' }),
      order('web-refund-3', { order_id: 'WEB-9999', total: 10_000 }, 'Order Refunded'),
    ]);
    expect((await standing()).balance).toBe(0);
  });
});
