import { fitBgNbd, probabilityAlive, scoreRfm, summarizePurchases, type Purchase } from '@jejak/core';
import { localDayOf } from '@jejak/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { DAY, T0, startTestApp, type TestApp } from './harness.ts';
import { openShop, type Shop } from './sales.harness.ts';

/*
 * Customers of a coffee shop buy through the real order API over 40 weeks, each at his own
 * rhythm, some stopping; the fit's per-customer histories are checked against a summary computed
 * here from the same schedule, and its predictions against the core model applied to them.
 */

let t: TestApp;
let shop: Shop;
let analyst: SignedInUser;
let owner: SignedInUser;
const WEEKS = 40;
const TZ = 'Asia/Jakarta';
const schedule: { customer: string; at: number; price: number }[] = [];
const customers: string[] = [];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

async function order(customerId: string, quantity: number) {
  const total = 22_000 * quantity;
  const response = await t.api('POST', `/branches/${shop.branch}/orders`, {
    customerId,
    lines: [{ productId: shop.product.latte, quantity }],
    payments: [{ method: 'qris', amount: total }],
  });
  if (response.statusCode !== 201) throw new Error(`order: ${response.body}`);
  return response.json<{ id: string; total: number; lines: { id: string }[] }>();
}

beforeAll(async () => {
  t = await startTestApp();
  shop = await openShop(t);
  const u = rng(42);
  for (let i = 0; i < 45; i++) {
    const created = await t.api('POST', '/sales/customers', {
      phone: `0812${String(5_550_000 + i).padStart(8, '0')}`,
    });
    if (created.statusCode !== 201) throw new Error(`customer: ${created.body}`);
    const id = created.json<{ id: string }>().id;
    customers.push(id);
    // First purchase in the first 12 weeks; then every 1 to 8 weeks until he stops.
    let at = T0 + Math.floor(u() * 84) * DAY + 3 * 3_600_000;
    const gap = 7 + Math.floor(u() * 50);
    const stopAfter = 1 + Math.floor(u() * 8);
    for (let n = 0; n < stopAfter && at < T0 + WEEKS * 7 * DAY; n++) {
      schedule.push({ customer: id, at, price: 1 + Math.floor(u() * 3) });
      at += gap * DAY + Math.floor(u() * 3) * DAY;
    }
  }
  schedule.sort((x, y) => x.at - y.at);
  for (const s of schedule) {
    t.setNow(s.at);
    await order(s.customer, s.price);
  }
  t.setNow(T0 + WEEKS * 7 * DAY);
  // Signed in now: sessions of 40 weeks ago have expired.
  analyst = await aMember(t, 'analyst');
  owner = await aMember(t, 'owner');
}, 240_000);
afterAll(() => t.close());

const url = (path = '') => `/api/v1/workspaces/${t.workspace.id}/analytics/customer-value${path}`;

describe('customer value', () => {
  it('answers null before a fit, refuses an analyst to fit, and fits for the owner', async () => {
    expect((await asUser(t, analyst, 'GET', url())).json()).toEqual({ fit: null, lastRun: null });
    expect((await asUser(t, analyst, 'POST', url('/fit'), {})).statusCode).toBe(403);
    const fit = await asUser(t, owner, 'POST', url('/fit'), { horizonWeeks: 26 });
    expect(fit.statusCode).toBe(201);
    const body = fit.json<{ customers: number; horizonWeeks: number; purchases: Record<string, number> }>();
    expect(body.customers).toBe(45);
    expect(body.horizonWeeks).toBe(26);
    for (const v of Object.values(body.purchases)) expect(Number.isFinite(v)).toBe(true);
    expect(
      (await asUser(t, analyst, 'GET', url())).json<{ fit: { customers: number } }>().fit.customers,
    ).toBe(45);
  });

  it('summarises each customer as an independent count of the schedule does, and predicts with the fitted model', async () => {
    const purchases: Purchase[] = schedule.map((s) => ({
      customerId: s.customer,
      day: localDayOf(s.at, TZ),
      amount: 22_000 * s.price,
    }));
    const today = localDayOf(T0 + WEEKS * 7 * DAY, TZ);
    const expected = summarizePurchases(purchases, { calibrationEnd: today });
    const model = fitBgNbd(expected).parameters;
    const page = await asUser(t, analyst, 'GET', url('/customers?limit=500'));
    const { total, items } = page.json<{
      total: number;
      items: {
        customerId: string;
        repeatPurchases: number;
        weeksSinceFirst: number;
        weeksSinceLast: number;
        probabilityAlive: number;
        value: number;
      }[];
    }>();
    expect(total).toBe(45);
    for (const h of expected) {
      const got = items.find((i) => i.customerId === h.customerId)!;
      expect(got.repeatPurchases).toBe(h.frequency);
      expect(got.weeksSinceFirst).toBeCloseTo(h.age, 6);
      expect(got.weeksSinceLast).toBeCloseTo(h.age - h.recency, 6);
      expect(got.probabilityAlive).toBeCloseTo(probabilityAlive(model, h), 3);
    }
    const values = items.map((i) => i.value);
    expect(values).toEqual([...values].sort((x, y) => y - x));
  });

  it("exports the predictions as CSV and gives one customer's", async () => {
    const csv = await asUser(t, analyst, 'GET', url('/customers.csv'));
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      'customer_id,name,repeat_purchases,weeks_since_first,weeks_since_last,probability_alive,expected_purchases,expected_spend_idr,value_idr',
    );
    expect(lines).toHaveLength(46);
    const one = await asUser(
      t,
      analyst,
      'GET',
      `/api/v1/workspaces/${t.workspace.id}/customers/${customers[0]}/value`,
    );
    expect(one.statusCode).toBe(200);
    expect(one.json<{ customerId: string }>().customerId).toBe(customers[0]);
    const none = await asUser(
      t,
      analyst,
      'GET',
      `/api/v1/workspaces/${t.workspace.id}/customers/nobody/value`,
    );
    expect(none.statusCode).toBe(404);
  });

  it('scores RFM as the core does on the schedule, with a segment for everyone and a CSV', async () => {
    const purchases: Purchase[] = schedule.map((s) => ({
      customerId: s.customer,
      day: localDayOf(s.at, TZ),
      amount: 22_000 * s.price,
    }));
    const expected = scoreRfm(purchases, localDayOf(T0 + WEEKS * 7 * DAY, TZ));
    const rfm = `/api/v1/workspaces/${t.workspace.id}/analytics/rfm`;
    const report = (await asUser(t, analyst, 'GET', rfm)).json<{
      customers: number;
      segments: { segment: string; customers: number }[];
      grid: number[][];
    }>();
    expect(report.customers).toBe(45);
    expect(report.grid.flat().reduce((a, b) => a + b, 0)).toBe(45);
    for (const s of report.segments) {
      expect(s.customers).toBe(expected.filter((c) => c.segment === s.segment).length);
    }
    const list = (await asUser(t, analyst, 'GET', `${rfm}/customers?limit=500`)).json<{
      items: { customerId: string; r: number; f: number; m: number; monetary: number }[];
    }>();
    for (const c of expected) {
      expect(list.items.find((i) => i.customerId === c.customerId)).toMatchObject({
        r: c.r,
        f: c.f,
        m: c.m,
        monetary: c.monetary,
      });
    }
    const champions = await asUser(t, analyst, 'GET', `${rfm}/customers?segment=champions`);
    expect(champions.json<{ total: number }>().total).toBe(
      expected.filter((c) => c.segment === 'champions').length,
    );
    const csv = await asUser(t, analyst, 'GET', `${rfm}/customers.csv`);
    expect(csv.body.trim().split('\n')).toHaveLength(46);
    expect((await asUser(t, analyst, 'GET', `${rfm}/customers?segment=royal`)).statusCode).toBe(400);
  });

  it('leaves voided and fully refunded orders out of the purchases', async () => {
    const [a] = customers;
    const before = (
      await asUser(t, analyst, 'GET', `/api/v1/workspaces/${t.workspace.id}/customers/${a}/value`)
    ).json<{
      repeatPurchases: number;
    }>().repeatPurchases;
    t.setNow(T0 + WEEKS * 7 * DAY - 3 * DAY);
    const voided = await order(a!, 1);
    expect(
      (await t.api('POST', `/branches/${shop.branch}/orders/${voided.id}/void`, { reason: 'Salah input' }))
        .statusCode,
    ).toBe(200);
    t.setNow(T0 + WEEKS * 7 * DAY - 2 * DAY);
    const refunded = await order(a!, 1);
    const refund = await t.api('POST', `/branches/${shop.branch}/orders/${refunded.id}/refunds`, {
      reason: 'Tumpah',
      lines: [{ lineId: refunded.lines[0]!.id, quantity: 1 }],
      payTo: [{ method: 'qris', amount: refunded.total }],
    });
    expect(refund.statusCode).toBe(201);
    t.setNow(T0 + WEEKS * 7 * DAY);
    expect((await asUser(t, owner, 'POST', url('/fit'), {})).statusCode).toBe(201);
    const after = (
      await asUser(t, analyst, 'GET', `/api/v1/workspaces/${t.workspace.id}/customers/${a}/value`)
    ).json<{
      repeatPurchases: number;
    }>().repeatPurchases;
    expect(after).toBe(before);
  });

  it('erasing a customer removes his prediction', async () => {
    const b = customers[1]!;
    expect((await t.api('POST', `/customers/${b}/erase`)).statusCode).toBe(200);
    const gone = await asUser(t, analyst, 'GET', `/api/v1/workspaces/${t.workspace.id}/customers/${b}/value`);
    expect(gone.statusCode).toBe(404);
  });

  it('says there is not enough history when too few customers bought again', async () => {
    const other = await startTestApp();
    try {
      const response = await other.api('POST', '/analytics/customer-value/fit', {});
      expect(response.statusCode).toBe(409);
      expect(response.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'not_enough_history',
        message: expect.stringContaining('0 customers with a purchase (30 needed)') as string,
      });
      const bad = await other.api('POST', '/analytics/customer-value/fit', { horizonWeeks: 1 });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('horizonWeeks');
    } finally {
      await other.close();
    }
  });
});
