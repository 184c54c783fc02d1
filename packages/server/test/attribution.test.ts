import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { presetMapping } from '@jejak/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { attributionBySql } from './attribution.sql.ts';
import { DAY, startTestApp, type TestApp } from './harness.ts';

/*
 * First/last-touch attribution, ad spend and CAC/ROAS: a few customers whose answers are known by
 * hand, many generated ones, and the first lines of the Online Retail data set imported as sales
 * with generated touches before them; every report is checked against the same question in SQL.
 */

let t: TestApp;
let owner: SignedInUser;
let analyst: SignedInUser;
const MARCH = Date.parse('2026-03-10T03:00:00Z');

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

let n = 0;
const touch = (userId: string, at: number, channel: string, campaign?: string) => ({
  type: 'track',
  messageId: `touch-${++n}`,
  userId,
  event: 'Product Viewed',
  timestamp: new Date(at).toISOString(),
  properties: { channel },
  context: campaign ? { campaign: { name: campaign, source: channel } } : {},
});
const purchase = (userId: string, at: number, total: number, channel = 'web') => ({
  type: 'track',
  messageId: `order-${++n}`,
  userId,
  event: 'Order Completed',
  timestamp: new Date(at).toISOString(),
  properties: { channel, total },
});

const CHANNELS = ['ads', 'social', 'email', 'web', 'whatsapp'] as const;

beforeAll(async () => {
  t = await startTestApp();
  // After every generated event: ingestion refuses times far in the future.
  t.setNow(Date.parse('2026-11-20T00:00:00Z'));
  owner = await aMember(t, 'owner');
  analyst = await aMember(t, 'analyst');
  const batch: object[] = [
    // Known: social 40 days before (outside 30), email 20 days before, ads 2 days before, web after.
    touch('known-1', MARCH - 40 * DAY, 'social', 'lebaran'),
    touch('known-1', MARCH - 20 * DAY, 'email', 'newsletter-feb'),
    touch('known-1', MARCH - 2 * DAY, 'ads', 'gajian'),
    purchase('known-1', MARCH, 150_000),
    touch('known-1', MARCH + DAY, 'web'),
    purchase('known-1', MARCH + 10 * DAY, 50_000),
    // Known: one ads touch, so first and last are both ads.
    touch('known-2', MARCH - 5 * DAY, 'ads', 'gajian'),
    purchase('known-2', MARCH + DAY, 250_000),
    // Known: walked in and bought: the sale is its own touch (store).
    purchase('known-3', MARCH + 2 * DAY, 100_000, 'store'),
  ];
  const u = rng(7);
  for (let c = 0; c < 60; c++) {
    const user = `gen-${c}`;
    const first = Date.parse('2026-05-01T00:00:00Z') + Math.floor(u() * 80 * DAY);
    const touches = Math.floor(u() * 5);
    for (let k = 0; k < touches; k++) {
      const channel = CHANNELS[Math.floor(u() * CHANNELS.length)]!;
      batch.push(
        touch(
          user,
          first - Math.floor(u() * 45 * DAY) - 60_000,
          channel,
          u() < 0.5 ? `kampanye-${k}` : undefined,
        ),
      );
    }
    const orders = 1 + Math.floor(u() * 3);
    for (let k = 0; k < orders; k++) {
      batch.push(
        purchase(user, first + k * Math.floor(u() * 40 * DAY + DAY), 10_000 * (1 + Math.floor(u() * 30))),
      );
    }
  }
  for (let i = 0; i < batch.length; i += 200) {
    const response = await t.ingest(batch.slice(i, i + 200));
    if (response.statusCode !== 200) throw new Error(`ingest: ${response.body}`);
  }
}, 120_000);
afterAll(() => t.close());

const url = (path: string) => `/api/v1/workspaces/${t.workspace.id}/analytics${path}`;
type Report = {
  customers: number;
  withoutTouch: number;
  months: {
    month: string;
    channel: string;
    customers: number;
    revenue: number;
    spend: number;
    cac: number | null;
    roas: number | null;
  }[];
  channels: { channel: string; customers: number; spend: number }[];
  campaigns: { channel: string; campaign: string; customers: number }[];
};
const report = async (query: string) => {
  const response = await asUser(t, analyst, 'GET', url(`/attribution?${query}`));
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Report>();
};

describe('attribution of first purchases', () => {
  it('credits the first and the last touch inside the window, and the sale itself without a touch', async () => {
    const first = await report('model=first&from=2026-03&to=2026-03');
    const last = await report('model=last&from=2026-03&to=2026-03');
    expect(first.customers).toBe(3);
    expect(first.withoutTouch).toBe(1);
    const cells = (r: Report) => r.months.map((m) => [m.channel, m.customers, m.revenue]);
    expect(cells(first)).toEqual([
      ['ads', 1, 250_000],
      ['email', 1, 150_000],
      ['store', 1, 100_000],
    ]);
    expect(cells(last)).toEqual([
      ['ads', 2, 400_000],
      ['store', 1, 100_000],
    ]);
    expect(last.campaigns).toEqual(
      expect.arrayContaining([expect.objectContaining({ channel: 'ads', campaign: 'gajian', customers: 2 })]),
    );
    // A longer window reaches the social touch 40 days before; revenue over 30 days adds the second order.
    const wide = await report('model=first&from=2026-03&to=2026-03&lookbackDays=45&revenueDays=30');
    expect(cells(wide)).toEqual([
      ['ads', 1, 250_000],
      ['social', 1, 200_000],
      ['store', 1, 100_000],
    ]);
  });

  it('gives CAC and ROAS from the spend entered, and refuses a bad entry with a 400 naming it', async () => {
    const put = (body: object) => asUser(t, owner, 'PUT', url('/ad-spend'), body);
    expect((await put({ channel: 'ads', month: '2026-03', amount: 1_000_000 })).statusCode).toBe(200);
    const bad = await put({ channel: 'tv', month: '2026-03', amount: 5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('channel');
    expect((await put({ channel: 'ads', month: '2026-13', amount: 5 })).statusCode).toBe(400);
    expect(
      (await asUser(t, analyst, 'PUT', url('/ad-spend'), { channel: 'ads', month: '2026-03', amount: 1 }))
        .statusCode,
    ).toBe(403);
    const last = await report('model=last&from=2026-03&to=2026-03');
    expect(last.months.find((m) => m.channel === 'ads')).toEqual({
      month: '2026-03',
      channel: 'ads',
      customers: 2,
      revenue: 400_000,
      spend: 1_000_000,
      cac: 500_000,
      roas: 0.4,
    });
    const first = await report('model=first&from=2026-03&to=2026-03');
    expect(first.months.find((m) => m.channel === 'ads')).toMatchObject({
      customers: 1,
      cac: 1_000_000,
      roas: 0.25,
    });
    const removed = await asUser(t, owner, 'DELETE', url('/ad-spend?channel=ads&month=2026-03'));
    expect(removed.statusCode).toBe(204);
    expect((await asUser(t, owner, 'DELETE', url('/ad-spend?channel=ads&month=2026-03'))).statusCode).toBe(
      404,
    );
  });

  it('imports spend from CSV the Indonesian way, with a dry run and refused rows by line', async () => {
    const csv = [
      'kanal;bulan;jumlah;kampanye',
      'ads;2026-05;Rp 2.500.000;',
      'iklan;2026-06;1.750.000,00;gajian',
      'social;06/2026;1,200,000;',
      'email;2026-07;300000;',
      'tv;2026-07;100.000;',
      'ads;2026-14;100.000;',
      'web;2026-07;12,5;',
      'ads;2026-05;9.000;',
      'whatsapp;2026-07;;',
    ].join('\n');
    const dry = await asUser(t, owner, 'POST', url('/ad-spend/import'), { csv, dryRun: true });
    expect(dry.statusCode).toBe(200);
    const expected = {
      created: 4,
      updated: 0,
      rejected: [
        { line: 6, code: 'unknown_channel' },
        { line: 7, code: 'bad_month' },
        { line: 8, code: 'not_amount' },
        { line: 9, code: 'duplicate' },
        { line: 10, code: 'empty' },
      ].map((r): unknown => expect.objectContaining(r)),
    };
    expect(dry.json()).toMatchObject({ dryRun: true, ...expected });
    expect((await asUser(t, owner, 'GET', url('/ad-spend'))).json()).toEqual({ items: [] });
    const real = await asUser(t, owner, 'POST', url('/ad-spend/import'), { csv });
    expect(real.json()).toMatchObject({ dryRun: false, ...expected });
    const items = (await asUser(t, analyst, 'GET', url('/ad-spend'))).json<{ items: object[] }>().items;
    expect(items).toEqual(
      [
        expect.objectContaining({ channel: 'ads', month: '2026-05', campaign: '', amount: 2_500_000 }),
        expect.objectContaining({ channel: 'ads', month: '2026-06', campaign: 'gajian', amount: 1_750_000 }),
        expect.objectContaining({ channel: 'social', month: '2026-06', campaign: '', amount: 1_200_000 }),
        expect.objectContaining({ channel: 'email', month: '2026-07', campaign: '', amount: 300_000 }),
      ]
        .sort(() => 0)
        .sort((a, b) => 0 * (a === b ? 0 : 1)),
    );
    const again = await asUser(t, owner, 'POST', url('/ad-spend/import'), { csv: 'ads;2026-05;2.600.000' });
    expect(again.json()).toMatchObject({ created: 0, updated: 1, rejected: [] });
    const empty = await asUser(t, owner, 'POST', url('/ad-spend/import'), { csv: '' });
    expect(empty.statusCode).toBe(400);
  });

  it.each([
    ['last', 30, 0],
    ['first', 30, 0],
    ['first', 14, 60],
    ['last', 45, 30],
  ] as const)(
    'equals the SQL answer on the generated customers (%s touch, %i days back, revenue %i days)',
    async (model, lookbackDays, revenueDays) => {
      const api = await report(`model=${model}&lookbackDays=${lookbackDays}&revenueDays=${revenueDays}`);
      const sql = await attributionBySql(t.services.store.db, t.workspace.id, {
        model,
        lookbackDays,
        revenueDays,
        zoneOffset: '+7 hours',
        scale: 1,
      });
      expect(api.months).toEqual(sql);
      expect(api.customers).toBe(63);
      expect(sql.some((r) => r.cac !== null && r.roas !== null)).toBe(true);
    },
  );

  it('exports the report and the customers as CSV', async () => {
    const csv = await asUser(t, analyst, 'GET', url('/attribution.csv?model=last&from=2026-03&to=2026-03'));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\n')).toEqual([
      'month,channel,new_customers,revenue,spend,cac,roas',
      '2026-03,ads,2,400000,0,,',
      '2026-03,store,1,100000,0,,',
    ]);
    const customers = await asUser(
      t,
      analyst,
      'GET',
      url('/attribution/customers.csv?from=2026-03&to=2026-03'),
    );
    const lines = customers.body.trim().split('\n');
    expect(lines[0]).toBe(
      'customer_id,first_purchase_day,revenue,touches,first_touch_channel,first_touch_campaign,last_touch_channel,last_touch_campaign',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(1))).toEqual([
      ['2026-03-10', '150000', '2', 'email', 'newsletter-feb', 'ads', 'gajian'],
      ['2026-03-11', '250000', '1', 'ads', 'gajian', 'ads', 'gajian'],
      ['2026-03-12', '100000', '0', 'store', '', 'store', ''],
    ]);
  });
});

describe('attribution on the Online Retail data', () => {
  let ws: string;
  beforeAll(async () => {
    const shop = await t.services.workspaces.create({
      name: 'Online Retail UK',
      timezone: 'Europe/London',
      currency: 'GBP',
    });
    ws = shop.id;
    await t.services.branches.create(ws, { name: 'Web shop' });
    const lines = gunzipSync(readFileSync('/work/shared/data/online-retail/online_retail.csv.gz'))
      .toString('utf8')
      .split('\n')
      .slice(0, 6001)
      .join('\n');
    await t.services.salesImport.importSales(ws, Buffer.from(lines), {
      mapping: presetMapping('online-retail'),
      source: 'online-retail',
      dryRun: false,
    });
    // Touches before the first purchases of some buyers, through the ingestion API.
    const firsts = await t.services.store.db
      .selectFrom('events')
      .innerJoin('identity_keys as k', (j) =>
        j
          .onRef('k.customer_id', '=', 'events.customer_id')
          .onRef('k.workspace_id', '=', 'events.workspace_id'),
      )
      .select(['k.value as user', (eb) => eb.fn.min('events.at').as('at')])
      .where('events.workspace_id', '=', ws)
      .where('events.name', '=', 'Order Completed')
      .where('k.kind', '=', 'user_id')
      .groupBy('k.value')
      .execute();
    expect(firsts.length).toBeGreaterThan(50);
    const write = await t.services.keys.create({ workspaceId: ws, kind: 'write', name: 'web' });
    const u = rng(11);
    const batch: object[] = [];
    for (const f of firsts) {
      if (u() < 0.3) continue;
      for (let k = 0; k < 1 + Math.floor(u() * 3); k++) {
        const channel = CHANNELS[Math.floor(u() * CHANNELS.length)]!;
        batch.push(touch(f.user, Number(f.at) - Math.floor(u() * 40 * DAY) - 1_000, channel, `uk-${k}`));
      }
    }
    for (let i = 0; i < batch.length; i += 200) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/batch',
        headers: { authorization: `Basic ${Buffer.from(`${write.key}:`).toString('base64')}` },
        payload: { batch: batch.slice(i, i + 200) },
      });
      if (response.statusCode !== 200) throw new Error(`ingest: ${response.body}`);
    }
    await t.services.attribution.importSpendCsv(
      ws,
      'ads;2010-12;1.500,00\nsocial;2010-12;250\nemail;2010-12;99,90',
      false,
    );
  }, 240_000);

  it.each(['first', 'last'] as const)('equals the SQL answer (%s touch)', async (model) => {
    const api = await t.services.attribution.report(ws, { model, lookbackDays: 30, revenueDays: 0 });
    const sql = await attributionBySql(t.services.store.db, ws, {
      model,
      lookbackDays: 30,
      revenueDays: 0,
      // December 2010: London is on GMT.
      zoneOffset: '+0 hours',
      scale: 100,
    });
    expect(api.months).toEqual(sql);
    expect(api.customers).toBeGreaterThan(50);
    expect(api.months.find((m) => m.channel === 'ads')).toMatchObject({ month: '2010-12', spend: 150_000 });
    expect(api.months.find((m) => m.channel === 'email')).toMatchObject({ spend: 9_990 });
  });
});
