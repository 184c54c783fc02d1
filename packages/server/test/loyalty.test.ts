import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asUser } from './accounts.harness.ts';
import { DAY, HOUR, T0, startTestApp, type TestApp } from './harness.ts';
import { openShop, salesUrl, sell, type OrderBody, type Shop } from './sales.harness.ts';

let t: TestApp;
let shop: Shop;
let siti: string;

interface Standing {
  balance: number;
  debt: number;
  worth: number;
  tier: { key: string } | null;
  credits: { entryId: string; kind: string; remaining: number; expiresAt: number | null }[];
}
interface Entry {
  id: string;
  kind: string;
  points: number;
  balanceAfter: number;
  reason: string | null;
}
type Sold = OrderBody & {
  loyalty: {
    earned: number;
    redeemed: number;
    redeemValue: number;
    takenBack: number;
    returned: number;
    balanceAfter: number;
    tier: string | null;
  } | null;
};

const program = {
  enabled: true,
  rupiahPerPoint: 10_000,
  minOrder: 0,
  productPoints: {},
  categoryPoints: {},
  pointValue: 100,
  minRedeem: 10,
  maxRedeemPercent: 100,
  expiryDays: 365,
  earnOnRedeemed: false,
  allowNegative: false,
  signupBonus: 10,
  birthdayBonus: 0,
  pendingDays: 0,
  tiers: {
    basis: 'points',
    periodDays: 365,
    holdDays: 30,
    levels: [
      { key: 'silver', name: 'Silver', threshold: 10, multiplierBp: 10_000 },
      { key: 'gold', name: 'Gold', threshold: 1_000, multiplierBp: 20_000 },
    ],
  },
};

const kopi = (quantity: number) => ({ productId: shop.product.kopi, quantity });

async function standing(customerId = siti): Promise<Standing> {
  const response = await asUser(
    t,
    shop.cashier,
    'GET',
    salesUrl(t, `/branches/${shop.branch}/loyalty/customers/${customerId}`),
  );
  expect(response.statusCode).toBe(200);
  return response.json<Standing>();
}

async function entries(customerId = siti): Promise<Entry[]> {
  const response = await asUser(
    t,
    shop.manager,
    'GET',
    salesUrl(t, `/loyalty/customers/${customerId}/entries`),
  );
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Entry[] }>().items;
}

/** The balance is the sum of the ledger, and the credits with points left make it up. */
async function explained(customerId = siti): Promise<number> {
  const [s, ledger] = await Promise.all([standing(customerId), entries(customerId)]);
  expect(ledger.reduce((sum, e) => sum + e.points, 0)).toBe(s.balance);
  expect(s.credits.reduce((sum, c) => sum + c.remaining, 0) - s.debt).toBe(s.balance);
  expect(s.balance).toBeGreaterThanOrEqual(0);
  return s.balance;
}

const refund = (order: Sold, lines: { lineId: string; quantity: number }[]) =>
  asUser(t, shop.manager, 'POST', salesUrl(t, `/branches/${shop.branch}/orders/${order.id}/refunds`), {
    reason: 'Barang rusak',
    lines,
  });

beforeAll(async () => {
  t = await startTestApp();
  shop = await openShop(t);
  const added = await asUser(t, shop.cashier, 'POST', salesUrl(t, '/sales/customers'), {
    phone: '0812-7000-0001',
    name: 'Siti Rahayu',
  });
  siti = added.json<{ id: string }>().id;
});
afterAll(() => t.close());
// Each step an hour after the last, so the ledger's order in time is the order of the steps.
let clock = T0;
beforeEach(() => t.setNow((clock += HOUR)));

describe('the points program', () => {
  it('is set by owners, and refuses tiers whose thresholds do not rise, naming the field', async () => {
    const bad = {
      ...program,
      tiers: { ...program.tiers, levels: [program.tiers.levels[1], program.tiers.levels[0]] },
    };
    const refused = await asUser(t, shop.owner, 'PUT', salesUrl(t, '/loyalty/program'), bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(
      /tiers\/levels\/1\/threshold/,
    );
    const byManager = await asUser(t, shop.manager, 'PUT', salesUrl(t, '/loyalty/program'), program);
    expect(byManager.statusCode).toBe(403);
    const put = await asUser(t, shop.owner, 'PUT', salesUrl(t, '/loyalty/program'), program);
    expect(put.statusCode).toBe(200);
  });
});

describe('points at the counter', () => {
  it('earns a point per Rp 10.000 paid (rounded down) and the sign-up bonus, and reaches Silver', async () => {
    const response = await sell(t, shop, {
      customerId: siti,
      lines: [kopi(2), { productId: shop.product.latte, quantity: 1 }],
      payments: [{ method: 'cash', amount: 58_000 }],
    });
    expect(response.statusCode).toBe(201);
    const order = response.json<Sold>();
    // Rp 58.000 earns 5 points; the 10-point sign-up bonus came when she joined.
    expect(order.loyalty).toMatchObject({ earned: 5, redeemed: 0, balanceAfter: 15, tier: 'silver' });
    expect(await explained()).toBe(15);
    const detail = await t.services.customers.detail(t.workspace.id, siti);
    const names = detail.timeline.filter((e) => e.kind === 'event').map((e) => e.kind === 'event' && e.name);
    expect(names).toEqual(expect.arrayContaining(['Order Completed', 'Points Earned', 'Tier Upgraded']));
  });

  it('takes a manual adjustment once per idempotency key, with its reason', async () => {
    const body = { points: 100, reason: 'Kompensasi keluhan', idempotencyKey: 'keluhan-17' };
    const url = salesUrl(t, `/loyalty/customers/${siti}/adjustments`);
    const first = await asUser(t, shop.manager, 'POST', url, body);
    const again = await asUser(t, shop.manager, 'POST', url, body);
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json<Entry>().id).toBe(first.json<Entry>().id);
    expect(first.json<Entry>()).toMatchObject({
      kind: 'adjust',
      points: 100,
      balanceAfter: 115,
      reason: 'Kompensasi keluhan',
    });
    const other = await asUser(t, shop.manager, 'POST', url, { ...body, points: 5 });
    expect(other.statusCode).toBe(409);
    const byCashier = await asUser(t, shop.cashier, 'POST', url, { ...body, idempotencyKey: 'x' });
    expect(byCashier.statusCode).toBe(403);
    expect(await explained()).toBe(115);
  });

  it('refuses to redeem more than the balance, and the sale does not happen', async () => {
    const response = await sell(t, shop, {
      customerId: siti,
      lines: [kopi(1)],
      redeemPoints: 120,
      payments: [{ method: 'cash', amount: 6_000 }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error).toMatchObject({ code: 'points_insufficient' });
    expect(await explained()).toBe(115);
  });

  let redeemed: Sold;
  it('redeems points as a discount, oldest first, and earns only on what was paid', async () => {
    const response = await sell(t, shop, {
      customerId: siti,
      lines: [kopi(2)],
      redeemPoints: 100,
      payments: [{ method: 'qris', amount: 26_000 }],
    });
    expect(response.statusCode).toBe(201);
    redeemed = response.json<Sold>();
    // 100 points at Rp 100 take Rp 10.000 off Rp 36.000; the Rp 26.000 paid earns 2 points.
    expect(redeemed).toMatchObject({ total: 26_000, orderDiscount: 10_000 });
    expect(redeemed.loyalty).toMatchObject({
      earned: 2,
      redeemed: 100,
      redeemValue: 10_000,
      balanceAfter: 17,
    });
    const s = await standing();
    // The bonus and the first earn were spent whole; 85 of the adjustment are gone, 15 left, and the new 2.
    expect(s.credits.map((c) => [c.kind, c.remaining])).toEqual([
      ['adjust', 15],
      ['earn', 2],
    ]);
    expect(await explained()).toBe(17);
  });

  it('a partial refund takes back half the points earned and gives back half the points redeemed, rounded half up', async () => {
    const response = await refund(redeemed, [{ lineId: redeemed.lines[0]!.id, quantity: 1 }]);
    expect(response.statusCode).toBe(201);
    const order = response.json<Sold>();
    // Rp 13.000 of Rp 26.000 refunded: 1 of the 2 points earned goes, 50 of the 100 redeemed come back.
    expect(order.loyalty).toMatchObject({ takenBack: 1, returned: 50 });
    expect(await explained()).toBe(17 - 1 + 50);
  });

  it('the rest of the refund takes and gives back everything that is left', async () => {
    const response = await refund(redeemed, [{ lineId: redeemed.lines[0]!.id, quantity: 1 }]);
    expect(response.statusCode).toBe(201);
    expect(response.json<Sold>().loyalty).toMatchObject({
      earned: 2,
      takenBack: 2,
      redeemed: 100,
      returned: 100,
    });
    expect(await explained()).toBe(17 - 2 + 100);
    const kinds = (await entries()).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'cancel')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'restore')).toHaveLength(2);
  });

  it('a void takes back what the sale earned; points already spent are forgiven, never below zero', async () => {
    const sale = (
      await sell(t, shop, {
        customerId: siti,
        lines: [kopi(5)],
        payments: [{ method: 'cash', amount: 90_000 }],
      })
    ).json<Sold>();
    expect(sale.loyalty).toMatchObject({ earned: 9, balanceAfter: 124 });
    // She spends all 124 points at once: Rp 12.400 off a Rp 22.000 latte, and the Rp 9.600 paid earns none.
    const spend = await sell(t, shop, {
      customerId: siti,
      lines: [{ productId: shop.product.latte, quantity: 1 }],
      redeemPoints: 124,
      payments: [{ method: 'cash', amount: 9_600 }],
    });
    expect(spend.statusCode).toBe(201);
    expect(await explained()).toBe(0);
    const voided = await asUser(
      t,
      shop.manager,
      'POST',
      salesUrl(t, `/branches/${shop.branch}/orders/${sale.id}/void`),
      { reason: 'Salah input' },
    );
    expect(voided.statusCode).toBe(200);
    expect(voided.json<Sold>().loyalty).toMatchObject({ takenBack: 9 });
    expect(await explained()).toBe(0);
    const cancel = (await entries()).find((e) => e.kind === 'cancel')!;
    expect(cancel.points).toBe(0);
    expect(cancel.reason).toMatch(/9 .*forgiven/);
  });

  it('expires what is left of each earn when its time comes, as an entry', async () => {
    const adjust = await asUser(
      t,
      shop.manager,
      'POST',
      salesUrl(t, `/loyalty/customers/${siti}/adjustments`),
      {
        points: 40,
        reason: 'Hadiah ulang tahun toko',
        idempotencyKey: 'h-1',
      },
    );
    expect(adjust.statusCode).toBe(201);
    expect(await explained()).toBe(40);
    // A year and a month later, with no visit: the job sweeps what expired.
    t.setNow(clock + 400 * DAY);
    expect(await t.services.loyalty.expireDue()).toBe(1);
    expect(await t.services.loyalty.expireDue()).toBe(0);
    const ledger = await t.services.loyalty.entries(t.workspace.id, siti, { limit: 500 });
    const s = await t.services.loyalty.standing(t.workspace.id, siti);
    expect(s.balance).toBe(0);
    expect(ledger.reduce((sum, e) => sum + e.points, 0)).toBe(0);
    expect(ledger.filter((e) => e.kind === 'expire').reduce((sum, e) => sum - e.points, 0)).toBe(
      ledger.filter((e) => e.points > 0).reduce((sum, e) => sum + e.points, 0) -
        ledger.filter((e) => e.points < 0 && e.kind !== 'expire').reduce((sum, e) => sum - e.points, 0),
    );
    // What she earned is out of the rolling year, and Silver was held long enough: she drops.
    expect(s.tier).toBeNull();
    t.setNow(clock);
  });
});

describe('tiers over time', () => {
  it('downgrades a member who stops buying once the hold period has passed, as a journey event', async () => {
    const budi = (
      await asUser(t, shop.cashier, 'POST', salesUrl(t, '/sales/customers'), {
        phone: '0812-7000-0002',
        name: 'Budi',
      })
    ).json<{ id: string }>().id;
    // Points that never expire: only the rolling period takes Budi's Silver away.
    await asUser(t, shop.owner, 'PUT', salesUrl(t, '/loyalty/program'), { ...program, expiryDays: null });
    const sale = await sell(t, shop, {
      customerId: budi,
      lines: [{ productId: shop.product.latte, quantity: 1 }],
      payments: [{ method: 'cash', amount: 22_000 }],
    });
    expect(sale.json<Sold>().loyalty).toMatchObject({ earned: 2, tier: 'silver' });
    // Held for 20 days only: nothing to look at yet.
    t.setNow(clock + 20 * DAY);
    expect(await t.services.loyalty.retierDue()).toBe(0);
    t.setNow(clock + 400 * DAY);
    expect(await t.services.loyalty.retierDue()).toBe(1);
    // Looked at today: not again until tomorrow.
    expect(await t.services.loyalty.retierDue()).toBe(0);
    const s = await t.services.loyalty.standing(t.workspace.id, budi);
    expect(s).toMatchObject({ tier: null, balance: 12 });
    const detail = await t.services.customers.detail(t.workspace.id, budi);
    const downgraded = detail.timeline.find((e) => e.kind === 'event' && e.name === 'Tier Downgraded');
    expect(downgraded).toMatchObject({ properties: { previous_tier: 'silver', tier: null } });
    t.setNow(clock);
    await asUser(t, shop.owner, 'PUT', salesUrl(t, '/loyalty/program'), program);
  });
});

describe('program results', () => {
  it('counts points issued, redeemed and the liability of what is outstanding', async () => {
    const response = await asUser(
      t,
      shop.owner,
      'GET',
      salesUrl(t, '/loyalty/results?from=2026-01-01T00:00:00Z&to=2027-12-31T00:00:00Z'),
    );
    expect(response.statusCode).toBe(200);
    const results = response.json<{
      issued: number;
      redeemed: number;
      outstanding: number;
      liability: number;
      members: number;
    }>();
    // Siti's points all expired; Budi keeps his 12 (they never expire), worth Rp 1.200.
    expect(results.members).toBe(2);
    expect(results.outstanding).toBe(12);
    expect(results.liability).toBe(1_200);
    expect(results.issued).toBeGreaterThan(0);
    expect(results.redeemed).toBeGreaterThan(0);
  });
});
