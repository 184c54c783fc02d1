import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from './accounts.harness.ts';
import { HOUR, T0, startTestApp, type TestApp } from './harness.ts';
import { openShop, salesUrl, sell, type Shop } from './sales.harness.ts';

/*
 * Points follow customer merges: the merged customer's ledger, sales and tier move to the survivor,
 * and undoing the merge moves them back; points spent across the two meanwhile stay spent.
 */
let t: TestApp;
let shop: Shop;

interface Standing {
  balance: number;
  spendable: number;
  debt: number;
  tier: { key: string } | null;
  credits: { remaining: number }[];
}
interface Entry {
  kind: string;
  points: number;
  reason: string | null;
}

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
  pendingDays: 0,
  tiers: {
    basis: 'points',
    periodDays: 365,
    holdDays: 30,
    levels: [
      { key: 'silver', name: 'Silver', threshold: 10, multiplierBp: 10_000 },
      { key: 'gold', name: 'Gold', threshold: 50, multiplierBp: 10_000 },
    ],
  },
};

async function customer(phone: string, name: string): Promise<string> {
  const added = await asUser(t, shop.cashier, 'POST', salesUrl(t, '/sales/customers'), { phone, name });
  return added.json<{ id: string }>().id;
}

async function standing(id: string): Promise<Standing> {
  const response = await asUser(t, shop.manager, 'GET', salesUrl(t, `/loyalty/customers/${id}`));
  expect(response.statusCode).toBe(200);
  return response.json<Standing>();
}

async function entries(id: string): Promise<Entry[]> {
  const response = await asUser(t, shop.manager, 'GET', salesUrl(t, `/loyalty/customers/${id}/entries`));
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Entry[] }>().items;
}

/** The balance is the sum of the customer's own ledger and of his credits less his debt. */
async function explained(id: string): Promise<number> {
  const [s, ledger] = await Promise.all([standing(id), entries(id)]);
  expect(ledger.reduce((sum, e) => sum + e.points, 0)).toBe(s.balance);
  expect(s.credits.reduce((sum, c) => sum + c.remaining, 0) - s.debt).toBe(s.balance);
  return s.balance;
}

const buy = (customerId: string, quantity: number, redeemPoints = 0) =>
  sell(t, shop, {
    customerId,
    lines: [{ productId: shop.product.kopi, quantity }],
    ...(redeemPoints ? { redeemPoints } : {}),
    payments: [{ method: 'cash', amount: 18_000 * quantity - redeemPoints * 100 }],
  });

beforeAll(async () => {
  t = await startTestApp();
  t.setNow(T0);
  shop = await openShop(t);
  expect((await asUser(t, shop.owner, 'PUT', salesUrl(t, '/loyalty/program'), program)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('points and customer merges', () => {
  let budi: string;
  let budiLama: string;
  let mergeId: string;

  it('moves the merged customer’s points, sales and higher tier to the survivor', async () => {
    budi = await customer('0812-7100-0001', 'Budi Santoso');
    budiLama = await customer('0812-7100-0002', 'Budi S.');
    t.setNow(T0 + HOUR);
    expect((await buy(budi, 1)).statusCode).toBe(201); // 18 points: Silver
    t.setNow(T0 + HOUR + 60_000);
    expect((await buy(budiLama, 3)).statusCode).toBe(201); // 54 points: Gold
    expect((await standing(budi)).tier?.key).toBe('silver');
    expect((await standing(budiLama)).tier?.key).toBe('gold');
    t.setNow(T0 + 2 * HOUR);
    const merged = await asUser(t, shop.owner, 'POST', salesUrl(t, '/merges'), {
      survivorId: budi,
      mergedId: budiLama,
    });
    expect(merged.statusCode).toBe(201);
    mergeId = merged.json<{ id: string }>().id;
    expect(await explained(budi)).toBe(72);
    expect((await standing(budi)).tier?.key).toBe('gold');
    // The merged customer's own id now answers for the survivor.
    expect((await standing(budiLama)).balance).toBe(72);
  });

  it('undoing the merge moves them back; points spent across the two stay spent, and say so', async () => {
    t.setNow(T0 + 3 * HOUR);
    // 60 points redeemed by the survivor, oldest first: his own 18 and 42 of Budi S.'s.
    expect((await buy(budi, 4, 60)).statusCode).toBe(201);
    const together = await explained(budi);
    t.setNow(T0 + 4 * HOUR);
    const undone = await asUser(t, shop.owner, 'POST', salesUrl(t, `/merges/${mergeId}/undo`));
    expect(undone.statusCode).toBe(200);
    const [mine, theirs] = [await explained(budi), await explained(budiLama)];
    expect(mine + theirs).toBe(together);
    // Budi S. gets his 54 back, less the 42 the survivor spent of them.
    expect(theirs).toBe(54 - 42);
    expect((await standing(budiLama)).tier?.key).toBe('gold');
    expect((await standing(budi)).tier?.key).toBe('silver');
    const out = (await entries(budiLama)).find((e) => e.reason === 'unmerge-out');
    const into = (await entries(budi)).find((e) => e.reason === 'unmerge-in');
    expect(out).toMatchObject({ kind: 'adjust', points: -42 });
    expect(into).toMatchObject({ kind: 'adjust', points: 42 });
  });

  it('counts the points issued and redeemed and the tier changes per month of the workspace zone', async () => {
    const from = new Date(T0 - 24 * HOUR).toISOString();
    const to = new Date(T0 + 24 * HOUR).toISOString();
    const response = await asUser(
      t,
      shop.manager,
      'GET',
      salesUrl(t, `/loyalty/results?from=${from}&to=${to}`),
    );
    expect(response.statusCode).toBe(200);
    const results = response.json<{
      issued: number;
      redeemed: number;
      upgraded: number;
      months: { month: string; issued: number; redeemed: number; upgraded: number }[];
      tiers: { key: string | null; customers: number }[];
    }>();
    // 31 May 08:00 UTC is 15:00 in Jakarta: the period starts in May, the sales are in June.
    expect(results.months.map((m) => m.month)).toEqual(['2026-05', '2026-06']);
    expect(results.months[0]).toMatchObject({ issued: 0, redeemed: 0, upgraded: 0 });
    // 18 + 54 points, then 66 on the Rp 66.000 paid; 60 redeemed; Budi to Silver, Budi S. to Gold.
    expect(results.months[1]).toMatchObject({ issued: 138, redeemed: 60, upgraded: 2 });
    expect(results).toMatchObject({ issued: 138, redeemed: 60, upgraded: 2 });
    expect(results.tiers).toEqual(
      expect.arrayContaining([
        { key: 'silver', name: 'Silver', customers: 1 },
        { key: 'gold', name: 'Gold', customers: 1 },
      ]),
    );
  });
});
