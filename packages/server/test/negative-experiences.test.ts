import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { presetMapping } from '@jejak/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember } from './accounts.harness.ts';
import { DAY, HOUR, T0, aTrack, startTestApp, type TestApp } from './harness.ts';

/*
 * Negative experiences per week by kind, channel and branch, and the customers with two or more in the
 * last 30 days, checked against SQL over the stored events with the default rules' conditions written
 * out; the employee comes from a real ticket's assignee and a real order's cashier.
 */

let t: TestApp;
let ws: string;
let agentId: string;
let cashierId: string;
let branchA: string;

interface Series {
  dimension: string;
  key: string;
  counts: number[];
  total: number;
}

function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** The events of one generated customer: feedback good and bad, tickets, refunds, missed targets. */
function eventsOf(i: number, random: () => number, branches: string[]): unknown[] {
  const user = `n-${String(i).padStart(3, '0')}`;
  const channels = ['store', 'whatsapp', 'web', 'phone'];
  const out: unknown[] = [];
  const count = Math.floor(random() * 5);
  for (let k = 0; k < count; k++) {
    const at = T0 - Math.floor(random() * 70 * DAY) - HOUR;
    const kind = Math.floor(random() * 7);
    const branch = random() < 0.7 ? branches[Math.floor(random() * branches.length)]! : undefined;
    const base = {
      userId: user,
      anonymousId: undefined,
      timestamp: new Date(at).toISOString(),
      context: { channel: channels[Math.floor(random() * channels.length)] },
    };
    const props = (p: Record<string, unknown>) => ({ ...p, ...(branch ? { branch_id: branch } : {}) });
    const score = Math.floor(random() * 11);
    const events = [
      { event: 'Ticket Opened', properties: props({ category: random() < 0.6 ? 'complaint' : 'question' }) },
      { event: 'Review Posted', properties: props({ rating: 1 + Math.floor(random() * 5) }) },
      { event: 'Order Refunded', properties: props({ total: 10_000 }) },
      { event: 'Response Target Missed', properties: props({ target: 'first_response' }) },
      { event: 'Survey Responded', properties: props({ survey_type: 'nps', score }) },
      { event: 'Survey Responded', properties: props({ survey_type: 'csat', score: 1 + (score % 5) }) },
      { event: 'Product Viewed', properties: props({}) },
    ];
    out.push(aTrack({ ...base, ...events[kind] }));
  }
  return out;
}

const NEGATIVE_SQL = (postgres: boolean) => {
  const p = (name: string) =>
    postgres ? `(e.properties_json::json->>'${name}')` : `json_extract(e.properties_json, '$.${name}')`;
  const n = (name: string) => (postgres ? `${p(name)}::numeric` : p(name));
  return sql.raw(`(e.name in ('Order Refunded', 'Response Target Missed')
    or (e.name = 'Ticket Opened' and ${p('category')} = 'complaint')
    or (e.name = 'Review Posted' and ${n('rating')} <= 2)
    or (e.name = 'Survey Responded' and ((${p('survey_type')} = 'nps' and ${n('score')} <= 6)
        or (${p('survey_type')} = 'csat' and ${n('score')} <= 2)
        or (${p('survey_type')} = 'ces' and ${n('score')} <= 3))))`);
};

/** Counts per (ISO week in Jakarta, dimension value) in SQL, over the events table. */
async function weeklyBySql(
  dimension: 'kind' | 'touchpoint' | 'branch',
  from: number,
  to: number,
  workspaceId = ws,
) {
  const postgres = t.store.dialect === 'postgres';
  const key =
    dimension === 'kind'
      ? sql.raw(`case e.name when 'Ticket Opened' then 'complaint' when 'Survey Responded' then 'low_rating'
          when 'Order Refunded' then 'refund' when 'Response Target Missed' then 'missed_response'
          when 'Review Posted' then 'bad_review' else 'other' end`)
      : dimension === 'touchpoint'
        ? sql.raw('e.channel')
        : sql.raw(`coalesce(e.branch_id, '')`);
  // Jakarta is UTC+7 all year; day 0 (1970-01-01) was a Thursday, so a Monday is a day with (day + 3) % 7 = 0.
  const result = await sql<{ key: string; week: number | string; n: number | string }>`
    with x as (
      select ${key} as key, (e.at + 25200000) / 86400000 as day from events e
      where e.workspace_id = ${workspaceId} and e.at >= ${from} and e.at < ${to} and ${NEGATIVE_SQL(postgres)}
    )
    select key, day - ((day + 3) % 7) as week, count(*) as n from x group by key, day - ((day + 3) % 7)`.execute(
    t.store.db,
  );
  return new Map(result.rows.map((r) => [`${r.key}|${Number(r.week)}`, Number(r.n)]));
}

beforeAll(async () => {
  t = await startTestApp();
  ws = t.workspace.id;
  branchA = (await t.services.branches.create(ws, { name: 'Outlet Dago' })).id;
  const branchB = (await t.services.branches.create(ws, { name: 'Outlet Braga' })).id;
  const random = generator(7);
  const batch = Array.from({ length: 80 }, (_, i) => eventsOf(i, random, [branchA, branchB])).flat();
  expect((await t.ingest(batch)).statusCode).toBe(200);
  // A real complaint ticket owned by an agent, and a real refund of an order a cashier served.
  agentId = (await aMember(t, 'admin')).id;
  cashierId = (await aMember(t, 'cashier', { branchIds: [branchA] })).id;
  await t.services.tickets.create(
    ws,
    {
      subject: 'Kopi tumpah',
      customer: { phone: '081234567890' },
      channel: 'whatsapp',
      branchId: branchA,
      category: 'complaint',
      assigneeId: agentId,
    },
    { id: null, label: 'test' },
  );
  const seller = { id: cashierId, name: 'Kasir Sari', role: 'cashier' };
  const product = (await t.services.products.create(ws, { sku: 'K-1', name: 'Kopi susu', price: 20_000 })).id;
  await t.services.stock.record(ws, branchA, { productId: product, kind: 'received', quantity: 5 }, seller);
  const customer = (await t.services.customers.list(ws, { limit: 1 })).items[0]!.id;
  const sale = await t.services.orders.checkout(
    ws,
    branchA,
    {
      customerId: customer,
      lines: [{ productId: product, quantity: 1 }],
      payments: [{ method: 'cash', amount: 20_000 }],
    },
    seller,
  );
  await t.services.refunds.refund(
    ws,
    branchA,
    sale.order.id,
    { reason: 'salah pesanan', lines: [{ lineId: sale.order.lines[0]!.id, quantity: 1 }] },
    { id: null, name: 'Manajer', role: 'manager' },
  );
}, 60_000);
afterAll(() => t.close());

describe('negative experiences', () => {
  it('counts each week by kind, channel and branch as SQL over the events does', async () => {
    const response = await t.api('GET', '/analytics/negative-experiences?weeks=12');
    expect(response.statusCode).toBe(200);
    const report = response.json<{ weeks: string[]; total: number; series: Series[] }>();
    expect(report.weeks).toHaveLength(12);
    const mondays = report.weeks.map((w) => Date.parse(`${w}T00:00:00Z`) / DAY);
    const from = mondays[0]! * DAY - 7 * HOUR;
    const to = (mondays.at(-1)! + 7) * DAY - 7 * HOUR;
    let checked = 0;
    for (const dimension of ['kind', 'touchpoint', 'branch'] as const) {
      const expected = await weeklyBySql(dimension, from, to);
      const actual = new Map<string, number>();
      for (const s of report.series.filter((x) => x.dimension === dimension))
        s.counts.forEach((n, i) => n > 0 && actual.set(`${s.key}|${mondays[i]}`, n));
      expect(actual).toEqual(expected);
      checked += [...expected.values()].reduce((a, b) => a + b, 0);
    }
    expect(checked).toBe(3 * report.total);
    expect(report.total).toBeGreaterThan(30);
  });

  it('names the ticket’s owner and the cashier who served the refunded order', async () => {
    const report = (await t.api('GET', '/analytics/negative-experiences?weeks=2')).json<{
      series: Series[];
      labels: Record<string, string>;
    }>();
    const employees = report.series.filter((s) => s.dimension === 'employee');
    expect(employees.find((s) => s.key === agentId)?.total).toBe(1);
    expect(employees.find((s) => s.key === cashierId)?.total).toBe(1);
    expect(report.labels[`employee:${cashierId}`]).toBeDefined();
    expect(report.labels[`branch:${branchA}`]).toBe('Outlet Dago');
  });

  it('lists the customers with two or more in the last 30 days, as SQL finds them, and exports them', async () => {
    const postgres = t.store.dialect === 'postgres';
    const since = T0 - 30 * DAY;
    const expected = await sql<{ customer_id: string; n: number | string }>`
      select e.customer_id, count(*) as n from events e
      where e.workspace_id = ${ws} and e.at >= ${since} and e.at <= ${T0} and ${NEGATIVE_SQL(postgres)}
      group by e.customer_id having count(*) >= 2`.execute(t.store.db);
    const response = await t.api('GET', '/analytics/negative-experiences/customers');
    const items = response.json<{ items: { customerId: string; count: number }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(new Map(items.map((i) => [i.customerId, i.count]))).toEqual(
      new Map(expected.rows.map((r) => [r.customer_id, Number(r.n)])),
    );
    const csv = await t.api('GET', '/analytics/negative-experiences/customers.csv');
    expect(csv.body.trim().split('\n')).toHaveLength(items.length + 1);
    // The same people through a saved segment's condition.
    const segment = await t.services.segments.preview(ws, {
      match: 'all',
      conditions: [{ type: 'negative_count', days: 30, op: 'gte', value: 2 }],
    });
    expect(segment.members).toBe(items.length);
  });
});

/*
 * The same questions on the first 15,000 lines of Online Retail (UCI), imported through the sales
 * import: its cancellations (C-invoices) become refunds, the shop's only negative experiences.
 */
describe('negative experiences on Online Retail', () => {
  let retail: string;
  const LINES = 15_000;
  const NOW = Date.parse('2010-12-08T00:00:00Z');

  beforeAll(async () => {
    // Jakarta's zone: the SQL above cuts weeks at a fixed UTC+7.
    retail = (
      await t.services.workspaces.create({ name: 'Online Retail', timezone: 'Asia/Jakarta', currency: 'GBP' })
    ).id;
    await t.services.branches.create(retail, { name: 'Web shop' });
    const text = gunzipSync(readFileSync('/work/shared/data/online-retail/online_retail.csv.gz')).toString(
      'utf8',
    );
    const head = text
      .split('\n')
      .slice(0, LINES + 1)
      .join('\n');
    const summary = await t.services.salesImport.importSales(retail, new TextEncoder().encode(head), {
      mapping: presetMapping('online-retail'),
      source: 'online-retail',
      dryRun: false,
    });
    expect(summary.refunds.created).toBeGreaterThan(10);
    t.setNow(NOW);
  }, 240_000);
  afterAll(() => t.setNow(T0));

  it('counts the refunds of each week by kind, channel and branch as SQL does', async () => {
    const report = await t.services.negativeExperiences.report(retail, 2);
    const mondays = report.weeks.map((w) => Date.parse(`${w}T00:00:00Z`) / DAY);
    const from = mondays[0]! * DAY - 7 * HOUR;
    const to = (mondays.at(-1)! + 7) * DAY - 7 * HOUR;
    for (const dimension of ['kind', 'touchpoint', 'branch'] as const) {
      const expected = await weeklyBySql(dimension, from, to, retail);
      const actual = new Map<string, number>();
      for (const s of report.series.filter((x) => x.dimension === dimension))
        s.counts.forEach((n, i) => n > 0 && actual.set(`${s.key}|${mondays[i]}`, n));
      expect(actual).toEqual(expected);
    }
    expect(report.total).toBe(summary(report.series, 'kind'));
    const refunds = report.series.find((x) => x.dimension === 'kind' && x.key === 'refund');
    expect(refunds!.total).toBeGreaterThan(10);
  });

  it('finds the customers with two or more refunds in the last 30 days, as SQL does', async () => {
    const postgres = t.store.dialect === 'postgres';
    const expected = await sql<{ customer_id: string; n: number | string }>`
      select e.customer_id, count(*) as n from events e
      where e.workspace_id = ${retail} and e.at >= ${NOW - 30 * DAY} and e.at <= ${NOW}
        and ${NEGATIVE_SQL(postgres)}
      group by e.customer_id having count(*) >= 2`.execute(t.store.db);
    const rows = await t.services.negativeExperiences.repeated(retail, 30, 2);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Map(rows.map((r) => [r.customerId, r.count]))).toEqual(
      new Map(expected.rows.map((r) => [r.customer_id, Number(r.n)])),
    );
  });
});

function summary(series: readonly Series[], dimension: string): number {
  return series.filter((s) => s.dimension === dimension).reduce((sum, s) => sum + s.total, 0);
}
