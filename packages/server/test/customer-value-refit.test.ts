import { DEFAULT_RULES } from '@jejak/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { DAY, HOUR, T0, startTestApp, type TestApp } from './harness.ts';
import { openShop, type Shop } from './sales.harness.ts';

/*
 * The nightly refit: a coffee shop with 40 weeks of orders through the order API, and a new shop with
 * none. The refit fits the first once a local night and skips the second with its reason; with the
 * rules' model option it sets at risk and churned from the probability alive, as journey transitions.
 */

let t: TestApp;
let shop: Shop;
let owner: SignedInUser;
let emptyShop: string;
const WEEKS = 40;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

beforeAll(async () => {
  t = await startTestApp();
  shop = await openShop(t);
  emptyShop = (await t.services.workspaces.create({ name: 'Toko Baru' })).id;
  const u = rng(9);
  const schedule: { customer: string; at: number }[] = [];
  for (let i = 0; i < 40; i++) {
    const created = await t.api('POST', '/sales/customers', {
      phone: `0813${String(7_770_000 + i).padStart(8, '0')}`,
    });
    if (created.statusCode !== 201) throw new Error(`customer: ${created.body}`);
    const id = created.json<{ id: string }>().id;
    let at = T0 + Math.floor(u() * 84) * DAY + 3 * HOUR;
    const gap = 7 + Math.floor(u() * 40);
    const stopAfter = 1 + Math.floor(u() * 8);
    for (let n = 0; n < stopAfter && at < T0 + WEEKS * 7 * DAY; n++) {
      schedule.push({ customer: id, at });
      at += gap * DAY;
    }
  }
  schedule.sort((x, y) => x.at - y.at);
  for (const s of schedule) {
    t.setNow(s.at);
    const response = await t.api('POST', `/branches/${shop.branch}/orders`, {
      customerId: s.customer,
      lines: [{ productId: shop.product.latte, quantity: 1 }],
      payments: [{ method: 'qris', amount: 22_000 }],
    });
    if (response.statusCode !== 201) throw new Error(`order: ${response.body}`);
  }
  // 03:00 in Jakarta, the night after the last week.
  t.setNow(Date.UTC(2027, 2, 10, 20, 0, 0));
  owner = await aMember(t, 'owner');
}, 240_000);
afterAll(() => t.close());

const statuses = async () => {
  const rows = await t.services.store.db
    .selectFrom('journey_states')
    .select(['customer_id', 'status'])
    .where('workspace_id', '=', t.workspace.id)
    .execute();
  return new Map(rows.map((r) => [r.customer_id, r.status]));
};

describe('the nightly refit', () => {
  it('fits each workspace once a local night, and skips one with too little history, saying why', async () => {
    t.setNow(Date.UTC(2027, 2, 10, 18, 30, 0)); // 01:30 in Jakarta: not yet
    expect(await t.services.customerValue.refitDue()).toEqual([]);
    t.setNow(Date.UTC(2027, 2, 10, 20, 0, 0)); // 03:00
    const runs = await t.services.customerValue.refitDue();
    const ours = runs.find((r) => r.workspaceId === t.workspace.id)!.run;
    const empty = runs.find((r) => r.workspaceId === emptyShop)!.run;
    expect(ours).toMatchObject({ outcome: 'fitted', reason: null, statusesSent: 0 });
    expect(empty.outcome).toBe('skipped');
    expect(empty.reason).toContain('0 customers with a purchase (30 needed)');
    // Once a night: an hour later nothing runs; the next night it does.
    t.setNow(Date.UTC(2027, 2, 10, 21, 0, 0));
    expect(await t.services.customerValue.refitDue()).toEqual([]);
    const page = await asUser(
      t,
      owner,
      'GET',
      `/api/v1/workspaces/${t.workspace.id}/analytics/customer-value`,
    );
    expect(page.json()).toMatchObject({
      fit: { customers: 40, fittedAt: Date.UTC(2027, 2, 10, 20, 0, 0) },
      lastRun: { outcome: 'fitted', ranAt: Date.UTC(2027, 2, 10, 20, 0, 0) },
    });
  });

  it('sets at risk and churned from the probability alive when the rules say so, as journey transitions', async () => {
    const before = await statuses();
    const rules = {
      ...structuredClone(DEFAULT_RULES),
      status: { ...structuredClone(DEFAULT_RULES.status), model: { atRiskBelow: 0.6, churnedBelow: 0.3 } },
    };
    const bad = await asUser(t, owner, 'PUT', `/api/v1/workspaces/${t.workspace.id}/journey/rules`, {
      rules: { ...rules, status: { ...rules.status, model: { atRiskBelow: 0.2, churnedBelow: 0.3 } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('/status/model/churnedBelow');
    const saved = await asUser(t, owner, 'PUT', `/api/v1/workspaces/${t.workspace.id}/journey/rules`, {
      rules,
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const night = Date.UTC(2027, 2, 11, 20, 0, 0);
    t.setNow(night);
    const runs = await t.services.customerValue.refitDue();
    const ours = runs.find((r) => r.workspaceId === t.workspace.id)!.run;
    expect(ours.outcome).toBe('fitted');
    const all = (await t.services.customerValue.customers(t.workspace.id, { limit: 500, offset: 0 })).items;
    expect(all).toHaveLength(40);
    // BG/NBD calls a customer who never bought again alive (p = 1): the silence rules keep him.
    const predictions = all.filter((p) => p.frequency > 0);
    expect(all.filter((p) => p.frequency === 0).every((p) => p.probability_alive === 1)).toBe(true);
    // The clock job's work, so every state is current at this night (as a replay to now is).
    await t.services.journey.advanceDue();
    const after = await statuses();
    const expected = (p: number) => (p < 0.3 ? 'churned' : p < 0.6 ? 'at_risk' : null);
    let changed = 0;
    for (const p of predictions) {
      const want = expected(p.probability_alive);
      if (want !== null) expect(after.get(p.customer_id), p.customer_id).toBe(want);
      else expect(['new', 'active', 'won_back']).toContain(after.get(p.customer_id));
      if (after.get(p.customer_id) !== before.get(p.customer_id)) changed++;
    }
    expect(predictions.some((p) => p.probability_alive < 0.3)).toBe(true);
    expect(predictions.some((p) => p.probability_alive >= 0.6)).toBe(true);
    expect(ours.statusesSent).toBeGreaterThan(0);
    // Each change is a transition caused by the refit's prediction event, counted like any other.
    const moves = await t.services.store.db
      .selectFrom('transitions')
      .select(['customer_id', 'to_value', 'cause', 'at'])
      .where('workspace_id', '=', t.workspace.id)
      .where('kind', '=', 'status')
      .where('at', '=', night)
      .execute();
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) expect(m.cause).toMatch(/^prediction:\d+:/);
    expect(changed).toBeGreaterThan(0);
    const overview = await asUser(t, owner, 'GET', `/api/v1/workspaces/${t.workspace.id}/journey/overview`);
    expect(overview.body).toContain('churned');

    // A rebuild replays the stored prediction events: the same statuses.
    await t.services.rebuild.run({ workspaceId: t.workspace.id });
    expect(await statuses()).toEqual(after);
    // The next night sends only what moved to another band.
    t.setNow(Date.UTC(2027, 2, 12, 20, 0, 0));
    const next = (await t.services.customerValue.refitDue()).find(
      (r) => r.workspaceId === t.workspace.id,
    )!.run;
    expect(next.statusesSent).toBeLessThan(ours.statusesSent);
  });
});
