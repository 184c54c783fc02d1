import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from './accounts.harness.ts';
import { DAY, HOUR, T0, anIdentify, aTrack, startTestApp, type TestApp } from './harness.ts';
import { aCustomer } from './promotions.harness.ts';
import { openShop, salesUrl, type OrderBody, type Shop } from './sales.harness.ts';

/*
 * Referral and affiliate programs end to end through the API: a code at the till, the first purchase,
 * the job that rewards after the window, refunds inside it, self-referral refused by customer, phone,
 * email and device, online claims, affiliates' commissions and their statement.
 */
let t: TestApp;
let shop: Shop;
let siti: string;
let sitiCode: string;
let clock = T0;
const tick = (ms = HOUR) => t.setNow((clock += ms));

type Sold = OrderBody & {
  referral: {
    code: string | null;
    claim: { code: string; status: string; reason: string | null; referrerName: string | null } | null;
  } | null;
};
interface Referral {
  id: string;
  status: string;
  channel: string;
  friend: { customerId: string };
  referrer: { customerId: string } | null;
}
interface Entry {
  kind: string;
  points: number;
  reason: string | null;
}

const program = {
  enabled: true,
  referrerReward: { type: 'points', points: 50 },
  friendReward: { type: 'points', points: 20 },
  windowDays: 7,
  minFirstOrder: 10_000,
  cap: null,
};

async function sellTo(customerId: string, referralCode?: string, quantity = 1): Promise<Sold> {
  tick();
  const response = await asUser(t, shop.cashier, 'POST', salesUrl(t, `/branches/${shop.branch}/orders`), {
    customerId,
    lines: [{ productId: shop.product.latte, quantity }],
    payments: [{ method: 'qris', amount: 22_000 * quantity }],
    ...(referralCode ? { referralCode } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Sold>();
}

async function referrals(query = ''): Promise<Referral[]> {
  const response = await asUser(t, shop.manager, 'GET', salesUrl(t, `/referrals${query}`));
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Referral[] }>().items;
}

async function entries(customerId: string): Promise<Entry[]> {
  const response = await asUser(
    t,
    shop.manager,
    'GET',
    salesUrl(t, `/loyalty/customers/${customerId}/entries`),
  );
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Entry[] }>().items;
}

const refundAll = (order: Sold) =>
  asUser(t, shop.manager, 'POST', salesUrl(t, `/branches/${shop.branch}/orders/${order.id}/refunds`), {
    reason: 'Tidak jadi',
    lines: order.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })),
  });

beforeAll(async () => {
  // The clock moves past reward windows; sessions outlast it.
  t = await startTestApp({ config: { sessionTtlMs: 365 * DAY } });
  t.setNow(clock);
  shop = await openShop(t);
  const put = await asUser(t, shop.owner, 'PUT', salesUrl(t, '/referrals/program'), program);
  expect(put.statusCode, put.body).toBe(200);
  siti = await aCustomer(t, shop, '0812-7000-0001', 'Siti Rahayu');
  const first = await sellTo(siti);
  sitiCode = first.referral!.code!;
});
afterAll(() => t.close());

describe('the referral program', () => {
  it('is set by owners only, and names the field of an unsound program', async () => {
    const byManager = await asUser(t, shop.manager, 'PUT', salesUrl(t, '/referrals/program'), program);
    expect(byManager.statusCode).toBe(403);
    const bad = await asUser(t, shop.owner, 'PUT', salesUrl(t, '/referrals/program'), {
      ...program,
      friendReward: { type: 'voucher', promotionId: 'tidak-ada' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/friendReward\/promotionId/);
    const read = await asUser(t, shop.manager, 'GET', salesUrl(t, '/referrals/program'));
    expect(read.json()).toEqual(program);
    const byCashier = await asUser(t, shop.cashier, 'GET', salesUrl(t, '/referrals'));
    expect(byCashier.statusCode).toBe(403);
  });

  it('gives every buyer a stable personal code and link, printed on the receipt', async () => {
    expect(sitiCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    const again = await sellTo(siti);
    expect(again.referral?.code).toBe(sitiCode);
    const mine = await asUser(t, shop.manager, 'GET', salesUrl(t, `/customers/${siti}/referral`));
    const body = mine.json<{ code: string; link: string; shareText: string; referredBy: unknown }>();
    expect(body).toMatchObject({ code: sitiCode, referredBy: null });
    expect(body.link).toMatch(new RegExp(`/ajak/${sitiCode}$`));
    expect(body.shareText).toContain(body.link);
    const receipt = await t.app.inject({ method: 'GET', url: `/api/v1/receipts/${again.shareToken}` });
    expect(receipt.json<{ order: Sold }>().order.referral).toEqual({ code: sitiCode, claim: null });
  });

  it('attributes a new customer at the till; the first purchase qualifies it and gives the friend his reward', async () => {
    const budi = await aCustomer(t, shop, '0812-7000-0002', 'Budi Santoso');
    const sale = await sellTo(budi, sitiCode.toLowerCase());
    expect(sale.referral?.claim).toEqual({
      code: sitiCode,
      status: 'qualified',
      reason: null,
      referrerName: 'Siti Rahayu',
    });
    expect(sale.referral?.code).toMatch(/^[A-Z0-9]{6}$/);
    expect(sale.referral?.code).not.toBe(sitiCode);
    expect(await referrals('?status=qualified')).toMatchObject([
      { status: 'qualified', channel: 'store', friend: { customerId: budi }, referrer: { customerId: siti } },
    ]);
    expect((await entries(budi)).filter((e) => e.kind === 'bonus').map((e) => e.points)).toEqual([20]);
    const mine = await asUser(t, shop.manager, 'GET', salesUrl(t, `/customers/${budi}/referral`));
    expect(mine.json<{ referredBy: Referral }>().referredBy).toMatchObject({
      referrer: { customerId: siti },
    });
  });

  it('refuses an unknown code with the sale, and a code for a customer who has bought before, recording why', async () => {
    const budi = (await referrals())[0]!.friend.customerId;
    tick();
    const unknown = await asUser(t, shop.cashier, 'POST', salesUrl(t, `/branches/${shop.branch}/orders`), {
      customerId: budi,
      lines: [{ productId: shop.product.latte, quantity: 1 }],
      payments: [{ method: 'qris', amount: 22_000 }],
      referralCode: 'QQQQQQ',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('referral_code_unknown');
    const andi = await aCustomer(t, shop, '0812-7000-0003', 'Andi');
    await sellTo(andi);
    const late = await sellTo(andi, sitiCode);
    expect(late.referral?.claim).toMatchObject({ status: 'refused', reason: 'already_bought' });
  });

  it('refuses self-referral by the same customer at the till; the sale still completes', async () => {
    const own = await sellTo(siti, sitiCode);
    expect(own.status).toBe('completed');
    expect(own.referral?.claim).toMatchObject({ status: 'refused', reason: 'self_customer' });
  });

  it('refuses self-referral by the same phone, email or device online, and lists every refusal', async () => {
    tick();
    const ani = { userId: 'u-ani', anonymousId: 'dev-ani' };
    const stored = await t.ingest([
      anIdentify({ ...ani, traits: { name: 'Ani', phone: '0813-1111-2222', email: 'ani@contoh.id' } }),
    ]);
    expect(stored.statusCode).toBe(200);
    const aniId = (await t.services.customers.list(t.workspace.id, { limit: 50, search: 'u-ani' })).items[0]!
      .id;
    const aniCode = (await asUser(t, shop.manager, 'GET', salesUrl(t, `/customers/${aniId}/referral`))).json<{
      code: string;
    }>().code;
    await t.ingest([
      anIdentify({ userId: 'u-ani-2', anonymousId: 'dev-2', traits: { phone: '0813-1111-2222' } }),
      anIdentify({ userId: 'u-ani-3', anonymousId: 'dev-3', traits: { email: 'ANI@contoh.id' } }),
      aTrack({
        userId: 'u-ani-4',
        anonymousId: 'dev-ani',
        event: 'Signed Up',
        properties: { referral_code: aniCode },
      }),
    ]);
    await t.ingest([
      aTrack({
        userId: 'u-ani-2',
        anonymousId: 'dev-2',
        event: 'Signed Up',
        properties: { referral_code: aniCode },
      }),
      anIdentify({
        userId: 'u-ani-3',
        anonymousId: 'dev-3',
        traits: {},
        context: { referrer: { type: 'jejak', id: aniCode } },
      }),
    ]);
    const refused = await asUser(t, shop.manager, 'GET', salesUrl(t, '/referrals/refusals'));
    const reasons = refused.json<{ items: { reason: string; code: string }[] }>().items;
    expect(
      reasons
        .filter((r) => r.code === aniCode)
        .map((r) => r.reason)
        .sort(),
    ).toEqual(['self_device', 'self_email', 'self_phone']);
    expect(reasons.map((r) => r.reason)).toEqual(expect.arrayContaining(['self_customer', 'already_bought']));
    expect((await referrals()).filter((r) => r.referrer?.customerId === aniId)).toEqual([]);
  });

  it('attributes a friend who signs up online with the code, on the referral channel', async () => {
    tick();
    await t.ingest([
      anIdentify({
        userId: 'u-citra',
        anonymousId: 'dev-citra',
        traits: { name: 'Citra', referral_code: sitiCode },
      }),
    ]);
    const [latest] = await referrals();
    expect(latest).toMatchObject({ status: 'pending', channel: 'web', referrer: { customerId: siti } });
  });

  it('rewards the referrer by the job once the window passes without refund, once, and moves him to advocacy', async () => {
    tick(6 * DAY);
    expect(await t.services.referrals.rewardDue()).toBe(0);
    tick(2 * DAY);
    expect(await t.services.referrals.rewardDue()).toBe(1);
    expect(await t.services.referrals.rewardDue()).toBe(0);
    expect(await referrals('?status=rewarded')).toHaveLength(1);
    expect((await entries(siti)).filter((e) => e.kind === 'bonus').map((e) => e.points)).toEqual([50]);
    const customer = await asUser(t, shop.manager, 'GET', salesUrl(t, `/customers/${siti}`));
    expect(customer.json<{ journey: { stage: string } }>().journey.stage).toBe('advocacy');
  });

  it('cancels a referral whose first purchase is refunded inside the window: the friend’s points go back, the referrer gets none', async () => {
    const dewi = await aCustomer(t, shop, '0812-7000-0004', 'Dewi');
    const sale = await sellTo(dewi, sitiCode);
    expect(sale.referral?.claim?.status).toBe('qualified');
    tick(DAY);
    const refunded = await refundAll(sale);
    expect(refunded.statusCode, refunded.body).toBe(201);
    const dewiEntries = await entries(dewi);
    expect(dewiEntries.map((e) => [e.kind, e.points])).toEqual(
      expect.arrayContaining([
        ['bonus', 20],
        ['cancel', -20],
      ]),
    );
    expect(dewiEntries.reduce((s, e) => s + e.points, 0)).toBe(0);
    tick(10 * DAY);
    expect(await t.services.referrals.rewardDue()).toBe(0);
    expect((await entries(siti)).filter((e) => e.kind === 'bonus')).toHaveLength(1);
    expect((await referrals('?status=cancelled')).map((r) => r.friend.customerId)).toEqual([dewi]);
  });

  it('shows the results: referrals by status, conversion, rewards and the top advocates', async () => {
    const response = await asUser(
      t,
      shop.manager,
      'GET',
      salesUrl(t, `/referrals/results?from=${new Date(T0).toISOString()}`),
    );
    expect(response.statusCode).toBe(200);
    const results = response.json<{
      total: number;
      byStatus: Record<string, number>;
      advocates: { customerId: string; converted: number; referrals: number }[];
      rewards: { side: string; granted: number; reversed: number }[];
    }>();
    expect(results.byStatus).toEqual({ pending: 1, qualified: 0, rewarded: 1, cancelled: 1 });
    expect(results.advocates[0]).toMatchObject({ customerId: siti, referrals: 3, converted: 1 });
    expect(results.rewards).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ side: 'friend', granted: 2, reversed: 1 }),
        expect.objectContaining({ side: 'referrer', granted: 1, reversed: 0 }),
      ]),
    );
    const csv = await asUser(t, shop.manager, 'GET', salesUrl(t, '/referrals/export'));
    expect(csv.body.split('\n')[0]).toMatch(/^dibuat,kode,status/);
  });

  it('opens the public link: counts the visit, keeps the code for the tracker, shows the friend’s offer', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/ajak/${sitiCode.toLowerCase()}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Kopi Uji');
    expect(page.body).toContain('Siti Rahayu mengajak Anda');
    expect(page.body).toContain('20 poin');
    expect(page.headers['set-cookie']).toContain(`jejak_ref=${sitiCode}`);
    expect((await t.app.inject({ method: 'GET', url: '/ajak/TIDAKADA' })).statusCode).toBe(404);
  });
});

describe('affiliates', () => {
  it('accrue a commission per referred sale and lose the refunded share of it, in the month’s statement', async () => {
    const created = await asUser(t, shop.owner, 'POST', salesUrl(t, '/affiliates'), {
      name: 'Rina Kuliner',
      contact: '@rinakuliner',
      code: 'rina10',
      commission: { type: 'percent', rateBp: 1_000 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const affiliate = created.json<{ id: string; code: string }>();
    expect(affiliate.code).toBe('RINA10');
    const taken = await asUser(t, shop.owner, 'POST', salesUrl(t, '/affiliates'), {
      name: 'Lain',
      code: sitiCode,
      commission: { type: 'fixed', amount: 1_000 },
    });
    expect(taken.statusCode).toBe(409);
    const eka = await aCustomer(t, shop, '0812-7000-0005', 'Eka');
    const first = await sellTo(eka, 'RINA10', 2);
    expect(first.referral?.claim).toMatchObject({ status: 'qualified', referrerName: 'Rina Kuliner' });
    const second = await sellTo(eka, undefined, 1);
    tick();
    const refunded = await asUser(
      t,
      shop.manager,
      'POST',
      salesUrl(t, `/branches/${shop.branch}/orders/${first.id}/refunds`),
      { reason: 'Satu tumpah', lines: [{ lineId: first.lines[0]!.id, quantity: 1 }] },
    );
    expect(refunded.statusCode, refunded.body).toBe(201);
    const month = new Date(clock + 7 * HOUR).toISOString().slice(0, 7);
    const statement = await asUser(
      t,
      shop.manager,
      'GET',
      salesUrl(t, `/affiliates/${affiliate.id}/statement?month=${month}`),
    );
    expect(statement.statusCode, statement.body).toBe(200);
    // Rp 44.000 and Rp 22.000 with PPN 11% included: net 39.640 and 19.820; 10% of each, rounded down.
    const net = (total: number, tax: number) => Math.floor((total - tax) / 10);
    const accrued = net(first.total, first.taxTotal) + net(second.total, second.taxTotal);
    const body = statement.json<{ sales: number; accrued: number; reversed: number; payable: number }>();
    expect(body).toMatchObject({ sales: 2, accrued });
    expect(body.reversed).toBe(Math.round(net(first.total, first.taxTotal) / 2));
    expect(body.payable).toBe(accrued - body.reversed);
    const csv = await asUser(
      t,
      shop.manager,
      'GET',
      salesUrl(t, `/affiliates/${affiliate.id}/statement/export?month=${month}`),
    );
    expect(csv.body.trim().split('\n').at(-1)).toBe(`,,,total,,${body.payable}`);
    const bad = await asUser(
      t,
      shop.manager,
      'GET',
      salesUrl(t, `/affiliates/${affiliate.id}/statement?month=2026-13`),
    );
    expect(bad.statusCode).toBe(400);
  });

  it('stop earning once inactive, and only owners and admins change them', async () => {
    const [affiliate] = (await asUser(t, shop.manager, 'GET', salesUrl(t, '/affiliates'))).json<{
      items: { id: string }[];
    }>().items;
    const byManager = await asUser(t, shop.manager, 'PATCH', salesUrl(t, `/affiliates/${affiliate!.id}`), {
      active: false,
    });
    expect(byManager.statusCode).toBe(403);
    const off = await asUser(t, shop.owner, 'PATCH', salesUrl(t, `/affiliates/${affiliate!.id}`), {
      active: false,
    });
    expect(off.json()).toMatchObject({ active: false });
    const fajar = await aCustomer(t, shop, '0812-7000-0006', 'Fajar');
    const sale = await sellTo(fajar, 'RINA10');
    expect(sale.referral?.claim).toMatchObject({ status: 'refused', reason: 'affiliate_inactive' });
  });
});

describe('a voucher as the friend’s reward', () => {
  it('issues a one-use code of the promotion to the friend, closed when his first purchase is refunded', async () => {
    const promotion = await asUser(t, shop.owner, 'POST', salesUrl(t, '/promotions'), {
      name: 'Hadiah teman',
      trigger: 'code',
      reward: { type: 'amount', amount: 5_000 },
    });
    const promotionId = promotion.json<{ id: string }>().id;
    const put = await asUser(t, shop.owner, 'PUT', salesUrl(t, '/referrals/program'), {
      ...program,
      friendReward: { type: 'voucher', promotionId },
    });
    expect(put.statusCode, put.body).toBe(200);
    const gita = await aCustomer(t, shop, '0812-7000-0007', 'Gita');
    const sale = await sellTo(gita, sitiCode);
    expect(sale.referral?.claim?.status).toBe('qualified');
    const codes = await asUser(t, shop.owner, 'GET', salesUrl(t, `/promotions/${promotionId}/codes`));
    const [voucher] = codes.json<{ items: { code: string; customerId: string; maxUses: number }[] }>().items;
    expect(voucher).toMatchObject({ customerId: gita, maxUses: 1 });
    expect(voucher!.code).toMatch(/^REF-/);
    tick();
    expect((await refundAll(sale)).statusCode).toBe(201);
    const after = await asUser(t, shop.owner, 'GET', salesUrl(t, `/promotions/${promotionId}/codes`));
    expect(after.json<{ items: { maxUses: number; uses: number }[] }>().items[0]).toMatchObject({
      maxUses: 0,
      uses: 0,
    });
    tick();
    const use = await asUser(t, shop.cashier, 'POST', salesUrl(t, `/branches/${shop.branch}/orders`), {
      customerId: gita,
      lines: [{ productId: shop.product.latte, quantity: 1 }],
      payments: [{ method: 'qris', amount: 17_000 }],
      voucherCodes: [voucher!.code],
    });
    expect(use.statusCode).toBe(409);
  });
});
