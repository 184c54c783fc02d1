import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { presetMapping } from '@jejak/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTrack, anIdentify, DAY, HOUR, startTestApp, T0, type TestApp } from './harness.ts';

/*
 * Funnels and paths are scanned over the in-memory event layout; every answer here is checked against
 * the same question asked plainly in SQL over the events table of the test's dialect.
 */

let t: TestApp;
let ws: string;

const NAMES = ['Page Viewed', 'Product Viewed', 'Product Added', 'Checkout Started', 'Order Completed'];
const CHANNELS = ['web', 'whatsapp', 'store'];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function generated(seed: number, customers: number, prefix: string) {
  const next = random(seed);
  const messages: object[] = [];
  for (let c = 0; c < customers; c++) {
    let at = T0 - 20 * DAY + Math.floor(next() * 5 * DAY);
    const n = 2 + Math.floor(next() * 10);
    for (let i = 0; i < n; i++) {
      // Mostly forward through the shop, sometimes back, with gaps from minutes to days.
      const name = NAMES[Math.min(NAMES.length - 1, Math.floor(next() * next() * NAMES.length * 1.6))]!;
      at += Math.floor(next() < 0.7 ? next() * 2 * HOUR : next() * 3 * DAY);
      messages.push(
        aTrack({
          anonymousId: `${prefix}-${c}`,
          event: name,
          timestamp: new Date(at).toISOString(),
          properties: {
            channel: CHANNELS[Math.floor(next() * CHANNELS.length)],
            ...(name === 'Product Viewed' ? { plan: next() < 0.5 ? 'gold' : 'silver' } : {}),
          },
        }),
      );
    }
  }
  return messages;
}

async function ingestAll(messages: object[]) {
  for (let i = 0; i < messages.length; i += 200) {
    const response = await t.ingest(messages.slice(i, i + 200));
    expect(response.statusCode).toBe(200);
  }
}

const db = () => t.services.store.db;

interface SqlFunnel {
  /** Customers reaching at least step j (index j - 1). */
  steps: number[];
  /** customer id -> furthest step. */
  levels: Map<string, number>;
  /** customer id -> shortest time to convert. */
  convert: Map<string, number>;
  /** customer id -> channel of the first entry event. */
  entryChannel: Map<string, string>;
}

/**
 * A 3-step sequential funnel in SQL: from each entry event, the earliest next step after it (in
 * (at, seq) order) within the window, then the earliest third step after that one.
 */
async function sqlSequential(
  workspace: string,
  names: string[],
  windowMs: number,
  filterPlan?: string,
): Promise<SqlFunnel> {
  const [a, b, c] = names as [string, string, string];
  const planFilter =
    filterPlan === undefined
      ? sql``
      : t.services.store.dialect === 'postgres'
        ? sql`and (e.properties_json::jsonb ->> 'plan') = ${filterPlan}`
        : sql`and json_extract(e.properties_json, '$.plan') = ${filterPlan}`;
  const rows = await sql<{
    customer_id: string;
    t0: string | number;
    t2: string | number | null;
    t3: string | number | null;
    channel: string;
  }>`
    with s1 as (
      select e.customer_id, e.seq, e.at, e.channel from events e
      where e.workspace_id = ${workspace} and e.name = ${a} ${planFilter}
    ), s2 as (
      select s1.*, (
        select e.seq from events e
        where e.workspace_id = ${workspace} and e.customer_id = s1.customer_id and e.name = ${b}
          and (e.at > s1.at or (e.at = s1.at and e.seq > s1.seq)) and e.at - s1.at <= ${windowMs}
        order by e.at, e.seq limit 1
      ) as seq2 from s1
    ), s2t as (
      select s2.*, e2.at as t2 from s2 left join events e2 on e2.seq = s2.seq2
    ), s3 as (
      select s2t.*, (
        select e.at from events e
        where e.workspace_id = ${workspace} and e.customer_id = s2t.customer_id and e.name = ${c}
          and (e.at > s2t.t2 or (e.at = s2t.t2 and e.seq > s2t.seq2)) and e.at - s2t.at <= ${windowMs}
        order by e.at, e.seq limit 1
      ) as t3 from s2t
    )
    select customer_id, at as t0, t2, t3, channel from s3 order by customer_id, at, seq
  `.execute(db());
  const levels = new Map<string, number>();
  const convert = new Map<string, number>();
  const entryChannel = new Map<string, string>();
  for (const r of rows.rows) {
    const level = r.t3 !== null ? 3 : r.t2 !== null ? 2 : 1;
    levels.set(r.customer_id, Math.max(levels.get(r.customer_id) ?? 0, level));
    if (!entryChannel.has(r.customer_id)) entryChannel.set(r.customer_id, r.channel);
    if (r.t3 !== null) {
      const ms = Number(r.t3) - Number(r.t0);
      convert.set(r.customer_id, Math.min(convert.get(r.customer_id) ?? Infinity, ms));
    }
  }
  const steps = [1, 2, 3].map((j) => [...levels.values()].filter((l) => l >= j).length);
  return { steps, levels, convert, entryChannel };
}

/** A 3-step strict funnel in SQL: the customer's next two events (window functions) must be the next steps. */
async function sqlStrict(workspace: string, names: string[], windowMs: number): Promise<number[]> {
  const [a, b, c] = names as [string, string, string];
  const rows = await sql<{ customer_id: string; level: number | string }>`
    with ordered as (
      select customer_id, name, at,
        lead(name, 1) over w as n1, lead(at, 1) over w as a1,
        lead(name, 2) over w as n2, lead(at, 2) over w as a2
      from events where workspace_id = ${workspace}
      window w as (partition by customer_id order by at, seq)
    )
    select customer_id, max(
      case when n1 = ${b} and a1 - at <= ${windowMs} and n2 = ${c} and a2 - at <= ${windowMs} then 3
           when n1 = ${b} and a1 - at <= ${windowMs} then 2 else 1 end) as level
    from ordered where name = ${a} group by customer_id
  `.execute(db());
  const levels = rows.rows.map((r) => Number(r.level));
  return [1, 2, 3].map((j) => levels.filter((l) => l >= j).length);
}

/** Transitions after each customer's first `anchor`, in SQL with row numbers. */
async function sqlPaths(workspace: string, anchor: string, steps: number) {
  const rows = await sql<{
    step: number | string;
    from_name: string;
    to_name: string;
    customers: number | string;
  }>`
    with ordered as (
      select customer_id, name, row_number() over (partition by customer_id order by at, seq) as rn
      from events where workspace_id = ${workspace}
    ), anchors as (
      select customer_id, min(rn) as rn from ordered where name = ${anchor} group by customer_id
    ), path as (
      select o.customer_id, o.rn - a.rn as step, o.name from ordered o
      join anchors a on a.customer_id = o.customer_id
      where o.rn >= a.rn and o.rn <= a.rn + ${steps}
    )
    select p2.step, p1.name as from_name, p2.name as to_name, count(*) as customers
    from path p1 join path p2 on p2.customer_id = p1.customer_id and p2.step = p1.step + 1
    group by p2.step, p1.name, p2.name
  `.execute(db());
  const anchors = await sql<{ n: number | string }>`
    select count(distinct customer_id) as n from events where workspace_id = ${workspace} and name = ${anchor}
  `.execute(db());
  return {
    customers: Number(anchors.rows[0]!.n),
    transitions: rows.rows
      .map((r) => ({
        step: Number(r.step),
        from: r.from_name,
        to: r.to_name,
        customers: Number(r.customers),
      }))
      .sort(
        (x, y) => x.step - y.step || y.customers - x.customers || (x.from + x.to < y.from + y.to ? -1 : 1),
      ),
  };
}

const funnelBody = (names: string[], windowMinutes: number, extra: object = {}) => ({
  steps: names.map((event) => ({ event })),
  windowMinutes,
  order: 'sequential',
  ...extra,
});

interface FunnelJson {
  steps: { event: string; customers: number; dropped: number }[];
  groups: { value: string; steps: { customers: number }[] }[];
  timeToConvert: { customers: number; medianMs: number | null; buckets: { customers: number }[] };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The API's funnel, strict funnel and paths all equal SQL's on the workspace as it is now. */
async function expectScanEqualsSql(names: string[], windowMinutes: number) {
  const expected = await sqlSequential(ws, names, windowMinutes * 60_000);
  const response = await t.api(
    'POST',
    '/analytics/funnels',
    funnelBody(names, windowMinutes, { breakdown: { by: 'channel' } }),
  );
  expect(response.statusCode, response.body).toBe(200);
  const report = response.json<FunnelJson>();
  expect(report.steps.map((s) => s.customers)).toEqual(expected.steps);
  expect(report.timeToConvert.customers).toBe(expected.convert.size);
  expect(report.timeToConvert.medianMs).toBe(median([...expected.convert.values()]));
  // Per breakdown value (the channel of the first entry), the same counts.
  const byChannel = new Map<string, number[]>();
  for (const [customer, level] of expected.levels) {
    const channel = expected.entryChannel.get(customer)!;
    const counts = byChannel.get(channel) ?? [0, 0, 0];
    for (let j = 0; j < level; j++) counts[j]!++;
    byChannel.set(channel, counts);
  }
  expect(Object.fromEntries(report.groups.map((g) => [g.value, g.steps.map((s) => s.customers)]))).toEqual(
    Object.fromEntries(byChannel),
  );
  // The customers who converted, and those who dropped at step 2.
  const converted = await t.api('POST', '/analytics/funnels/customers', {
    funnel: funnelBody(names, windowMinutes),
    step: 3,
    outcome: 'reached',
    limit: 500,
  });
  expect(
    converted
      .json<{ items: { customerId: string; convertMs: number }[] }>()
      .items.map((c) => [c.customerId, c.convertMs])
      .sort(),
  ).toEqual([...expected.convert.entries()].sort());
  const dropped = await t.api('POST', '/analytics/funnels/customers', {
    funnel: funnelBody(names, windowMinutes),
    step: 2,
    outcome: 'dropped',
    limit: 500,
  });
  expect(
    dropped
      .json<{ items: { customerId: string }[] }>()
      .items.map((c) => c.customerId)
      .sort(),
  ).toEqual(
    [...expected.levels.entries()]
      .filter(([, l]) => l === 2)
      .map(([c]) => c)
      .sort(),
  );
  const strict = await t.api(
    'POST',
    '/analytics/funnels',
    funnelBody(names, windowMinutes, { order: 'strict' }),
  );
  expect(strict.json<FunnelJson>().steps.map((s) => s.customers)).toEqual(
    await sqlStrict(ws, names, windowMinutes * 60_000),
  );
  const paths = await t.api('POST', '/analytics/paths', {
    event: names[0],
    direction: 'after',
    steps: 3,
    topPerStep: 100,
  });
  expect(paths.statusCode, paths.body).toBe(200);
  const got = paths.json<{
    customers: number;
    transitions: { step: number; from: string; to: string; customers: number }[];
  }>();
  const want = await sqlPaths(ws, names[0]!, 3);
  expect(got.customers).toBe(want.customers);
  const sortT = (ts: typeof want.transitions) =>
    [...ts].sort(
      (x, y) => x.step - y.step || y.customers - x.customers || (x.from + x.to < y.from + y.to ? -1 : 1),
    );
  expect(sortT(got.transitions)).toEqual(sortT(want.transitions));
  return report;
}

beforeAll(async () => {
  t = await startTestApp();
  ws = t.workspace.id;
  await ingestAll(generated(7, 80, 'g'));
});
afterAll(() => t.close());

describe('event funnels and paths on generated events', () => {
  it('equal the same questions in SQL: sequential with a window and a channel breakdown, strict, paths', async () => {
    const report = await expectScanEqualsSql(['Product Viewed', 'Product Added', 'Order Completed'], 24 * 60);
    expect(report.steps[0]!.customers).toBeGreaterThan(20);
    expect(report.steps[2]!.customers).toBeGreaterThan(0);
    await expectScanEqualsSql(['Page Viewed', 'Product Viewed', 'Checkout Started'], 3 * 60);
  });

  it('filters a step by a property, as SQL does', async () => {
    const names = ['Product Viewed', 'Product Added', 'Order Completed'];
    const expected = await sqlSequential(ws, names, DAY, 'gold');
    const body = funnelBody(names, 24 * 60);
    body.steps[0] = {
      event: 'Product Viewed',
      filters: [{ property: 'plan', operator: 'is', values: ['gold'] }],
    } as never;
    const response = await t.api('POST', '/analytics/funnels', body);
    expect(response.json<FunnelJson>().steps.map((s) => s.customers)).toEqual(expected.steps);
  });

  it('stays equal to SQL after more events, a merge by identity, a manual merge and its undo, and an erasure', async () => {
    const names = ['Product Viewed', 'Product Added', 'Order Completed'];
    await ingestAll(generated(11, 20, 'h'));
    await expectScanEqualsSql(names, 24 * 60);
    // Two anonymous visitors turn out to be one person: their events move to one customer.
    await ingestAll([
      anIdentify({ anonymousId: 'g-1', userId: 'u-merge', timestamp: new Date(T0).toISOString() }),
      anIdentify({ anonymousId: 'g-2', userId: 'u-merge', timestamp: new Date(T0 + 1000).toISOString() }),
    ]);
    const merges = await db().selectFrom('merges').selectAll().where('workspace_id', '=', ws).execute();
    expect(merges.length).toBeGreaterThan(0);
    await expectScanEqualsSql(names, 24 * 60);
    const customers = await db()
      .selectFrom('customers')
      .select('id')
      .where('workspace_id', '=', ws)
      .where('merged_into', 'is', null)
      .orderBy('id')
      .limit(4)
      .execute();
    const manual = await t.api('POST', '/merges', {
      survivorId: customers[0]!.id,
      mergedId: customers[1]!.id,
    });
    expect(manual.statusCode, manual.body).toBe(201);
    await expectScanEqualsSql(names, 24 * 60);
    const undo = await t.api('POST', `/merges/${manual.json<{ id: string }>().id}/undo`, {});
    expect(undo.statusCode, undo.body).toBe(200);
    await expectScanEqualsSql(names, 24 * 60);
    await t.services.privacy.erase(ws, customers[2]!.id);
    await expectScanEqualsSql(names, 24 * 60);
  });

  it('answers a bad definition with a 400 naming the problem', async () => {
    const bad = async (body: object, message: RegExp) => {
      const response = await t.api('POST', '/analytics/funnels', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<{ error: { message: string } }>().error.message).toMatch(message);
    };
    await bad(funnelBody(['Product Viewed'], 60), /steps/);
    await bad(funnelBody(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'], 60), /steps/);
    await bad(funnelBody(['a', 'b'], 0), /windowMinutes/);
    await bad(funnelBody(['a', 'b'], 60, { order: 'random' }), /order/);
    await bad(funnelBody(['a', 'b'], 60, { breakdown: { by: 'property' } }), /breakdown.property/);
    await bad(
      funnelBody(['a', 'b', 'c'], 60, { exclusions: [{ event: 'x', afterStep: 2, beforeStep: 2 }] }),
      /exclusions\[0\]/,
    );
    await bad(funnelBody(['a', 'b'], 60, { from: '2026-06-02', to: '2026-06-01' }), /from/);
    await bad(
      {
        ...funnelBody(['a', 'b'], 60),
        steps: [
          { event: 'a', filters: [{ property: "x'); drop", operator: 'is', values: ['1'] }] },
          { event: 'b' },
        ],
      },
      /property/,
    );
    const paths = await t.api('POST', '/analytics/paths', { event: 'a', direction: 'sideways', steps: 3 });
    expect(paths.statusCode).toBe(400);
    expect(paths.body).toMatch(/direction/);
  });

  it('exports the funnel, its customers and the paths as CSV', async () => {
    const names = ['Product Viewed', 'Product Added', 'Order Completed'];
    const csv = await t.api('POST', '/analytics/funnels.csv', funnelBody(names, 24 * 60));
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const expected = await sqlSequential(ws, names, DAY);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('breakdown,step,event,customers,from_previous,from_first,dropped');
    expect(lines.slice(1).map((l) => Number(l.split(',')[3]))).toEqual(expected.steps);
    const customers = await t.api('POST', '/analytics/funnels/customers.csv', {
      funnel: funnelBody(names, 24 * 60),
      step: 3,
      outcome: 'reached',
    });
    expect(customers.body.trim().split('\n')).toHaveLength(1 + expected.convert.size);
    const paths = await t.api('POST', '/analytics/paths.csv', {
      event: 'Product Viewed',
      direction: 'after',
      steps: 2,
      topPerStep: 100,
    });
    const want = await sqlPaths(ws, 'Product Viewed', 2);
    expect(paths.body.trim().split('\n')).toHaveLength(1 + want.transitions.length);
  });

  it('lists the workspace’s event names for the step editor', async () => {
    const response = await t.api('GET', '/analytics/event-catalogue');
    const names = response.json<{ events: { name: string; events: number }[] }>().events.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(NAMES));
  });
});

describe('on imported Online Retail sales', () => {
  it('counts repeat purchases and what followed a purchase as SQL does', async () => {
    const shop = await t.services.workspaces.create({
      name: 'Online Retail UK',
      timezone: 'Europe/London',
      currency: 'GBP',
    });
    await t.services.branches.create(shop.id, { name: 'Web shop' });
    const all = gunzipSync(readFileSync('/work/shared/data/online-retail/online_retail.csv.gz')).toString(
      'utf8',
    );
    const head = all.split('\n').slice(0, 4000).join('\n');
    await t.services.salesImport.importSales(shop.id, Buffer.from(head), {
      mapping: presetMapping('online-retail'),
      source: 'online-retail',
      dryRun: false,
    });
    const orders = await db()
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', shop.id)
      .where('name', '=', 'Order Completed')
      .executeTakeFirstOrThrow();
    expect(Number(orders.n)).toBeGreaterThan(100);
    const before = ws;
    ws = shop.id;
    try {
      // Bought, bought again within a week, and a third time within the week.
      const names = ['Order Completed', 'Order Completed', 'Order Completed'];
      const expected = await sqlSequential(shop.id, names, 7 * DAY);
      // t.api targets the test's own workspace; the shop is asked through the service.
      const report = await t.services.eventAnalysis.funnel(shop.id, {
        steps: names.map((event) => ({ event })),
        windowMinutes: 7 * 24 * 60,
        order: 'sequential',
      });
      expect(report.steps.map((s) => s.customers)).toEqual(expected.steps);
      expect(expected.steps[1]).toBeGreaterThan(0);
      expect(report.timeToConvert.medianMs).toBe(median([...expected.convert.values()]));
      const paths = await t.services.eventAnalysis.paths(shop.id, {
        event: 'Order Completed',
        direction: 'after',
        steps: 3,
        topPerStep: 100,
      });
      const want = await sqlPaths(shop.id, 'Order Completed', 3);
      expect(paths.customers).toBe(want.customers);
      expect(paths.transitions.map((x) => [x.step, x.from, x.to, x.customers]).sort()).toEqual(
        want.transitions.map((x) => [x.step, x.from, x.to, x.customers]).sort(),
      );
    } finally {
      ws = before;
    }
    // The shop's orders stay in the shop: the first workspace's answers are still its own, as in SQL.
    await expectScanEqualsSql(['Order Completed', 'Product Viewed', 'Product Added'], 24 * 60);
  });
});
