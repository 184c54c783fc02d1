import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from './accounts.harness.ts';
import { DAY, HOUR, T0, startTestApp, type TestApp } from './harness.ts';
import { openShop, salesUrl, sell, type OrderBody, type Shop } from './sales.harness.ts';

/*
 * Pending points: with `pendingDays`, what a sale earns waits out the refund window before it can be
 * spent; a refund inside the window takes it back; the job unlocks it afterwards.
 */
let t: TestApp;
let shop: Shop;
let rina: string;

interface Standing {
  balance: number;
  spendable: number;
  pending: number;
  credits: { kind: string; remaining: number; unlocksAt: number | null }[];
}
type Sold = OrderBody & { loyalty: { earned: number; takenBack: number } | null };

const program = {
  enabled: true,
  rupiahPerPoint: 1_000,
  minOrder: 0,
  productPoints: {},
  categoryPoints: {},
  pointValue: 100,
  minRedeem: 1,
  maxRedeemPercent: 100,
  expiryDays: 365,
  earnOnRedeemed: false,
  allowNegative: false,
  signupBonus: 0,
  birthdayBonus: 0,
  pendingDays: 3,
  tiers: { basis: 'points', periodDays: 365, holdDays: 30, levels: [] },
};

async function standing(): Promise<Standing> {
  const response = await asUser(t, shop.manager, 'GET', salesUrl(t, `/loyalty/customers/${rina}`));
  expect(response.statusCode).toBe(200);
  return response.json<Standing>();
}

const sale = async (quantity: number, redeemPoints?: number) =>
  sell(t, shop, {
    customerId: rina,
    lines: [{ productId: shop.product.kopi, quantity }],
    ...(redeemPoints ? { redeemPoints } : {}),
    // A kopi costs Rp 18.000; a redeemed point takes Rp 100 off.
    payments: [{ method: 'cash', amount: 18_000 * quantity - (redeemPoints ?? 0) * 100 }],
  });

beforeAll(async () => {
  t = await startTestApp();
  t.setNow(T0);
  shop = await openShop(t);
  const added = await asUser(t, shop.cashier, 'POST', salesUrl(t, '/sales/customers'), {
    phone: '0812-7000-0042',
    name: 'Rina Wulandari',
  });
  rina = added.json<{ id: string }>().id;
  expect((await asUser(t, shop.owner, 'PUT', salesUrl(t, '/loyalty/program'), program)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('pending points', () => {
  let first: Sold;
  it('keeps what a sale earns pending, apart from the spendable balance, through the refund window', async () => {
    t.setNow(T0 + HOUR);
    const response = await sale(2);
    expect(response.statusCode, response.body).toBe(201);
    first = response.json<Sold>();
    const earned = first.loyalty!.earned;
    expect(earned).toBeGreaterThan(0);
    const s = await standing();
    expect(s).toMatchObject({ balance: earned, spendable: 0, pending: earned });
    expect(s.credits[0]!.unlocksAt).toBe(T0 + HOUR + 3 * DAY);
    const refused = await sale(1, 1);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('points_insufficient');
  });

  it('a refund inside the window cancels the pending points of that sale', async () => {
    t.setNow(T0 + DAY);
    const second = (await sale(3)).json<Sold>();
    const before = await standing();
    const refund = await asUser(
      t,
      shop.manager,
      'POST',
      salesUrl(t, `/branches/${shop.branch}/orders/${second.id}/refunds`),
      { reason: 'Salah pesan', lines: [{ lineId: second.lines[0]!.id, quantity: 3 }] },
    );
    expect(refund.statusCode).toBe(201);
    expect(refund.json<Sold>().loyalty).toMatchObject({ takenBack: second.loyalty!.earned });
    const after = await standing();
    expect(after.pending).toBe(before.pending - second.loyalty!.earned);
    expect(after).toMatchObject({ balance: first.loyalty!.earned, spendable: 0 });
  });

  it('the job unlocks them once the window has passed, and they can be spent', async () => {
    t.setNow(T0 + 2 * DAY);
    expect(await t.services.loyalty.unlockDue()).toBe(0);
    t.setNow(T0 + HOUR + 3 * DAY);
    // The first sale's points; the refunded sale's (emptied) credit unlocks a day later.
    expect(await t.services.loyalty.unlockDue()).toBe(1);
    expect(await t.services.loyalty.unlockDue()).toBe(0);
    const earned = first.loyalty!.earned;
    expect(await standing()).toMatchObject({ balance: earned, spendable: earned, pending: 0 });
    const detail = await t.services.customers.detail(t.workspace.id, rina);
    const names = detail.timeline.filter((e) => e.kind === 'event').map((e) => e.kind === 'event' && e.name);
    expect(names).toContain('Points Unlocked');
    expect((await sale(1, 1)).statusCode).toBe(201);
  });
});
