import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { presetMapping } from '@jejak/core';
import { CustomerRepository } from '@jejak/storage';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, T0, startTestApp, type TestApp } from './harness.ts';

/*
 * RFM on the first lines of the Online Retail data set (UCI), imported through the sales import, checked
 * against the same scoring written in plain SQL with window functions over the orders table:
 * score = 1 + floor(5 × (buyers strictly worse) / all buyers), where rank() − 1 counts those buyers.
 */
const LINES = 4_000;

let t: TestApp;
let ws: string;

interface Scored {
  customerId: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: string;
}

async function scoredBySql(): Promise<Scored[]> {
  const asOf = Math.floor(T0 / DAY);
  const result = await sql<{
    customer_id: string;
    recency: number | string;
    frequency: number | string;
    monetary: number | string;
    r: number | string;
    f: number | string;
    m: number | string;
  }>`
    with p as (
      select customer_id, completed_at / 86400000 as day, total - refunded_total as amount
      from orders
      where workspace_id = ${ws} and customer_id is not null and status in ('completed', 'partially_refunded')
    ),
    c as (
      select customer_id, ${asOf} - max(day) as recency, count(distinct day) as frequency, sum(amount) as monetary
      from p group by customer_id
    )
    select customer_id, recency, frequency, monetary,
      1 + (5 * (rank() over (order by -recency) - 1)) / count(*) over () as r,
      1 + (5 * (rank() over (order by frequency) - 1)) / count(*) over () as f,
      1 + (5 * (rank() over (order by monetary) - 1)) / count(*) over () as m
    from c`.execute(t.store.db);
  return result.rows
    .map((row) => {
      const r = Number(row.r);
      const f = Number(row.f);
      return {
        customerId: row.customer_id,
        recencyDays: Number(row.recency),
        frequency: Number(row.frequency),
        monetary: Number(row.monetary),
        r,
        f,
        m: Number(row.m),
        segment: segmentOf(r, f),
      };
    })
    .sort((a, b) => a.customerId.localeCompare(b.customerId));
}

/** The grid of docs/analytics.md, written out as conditions. */
function segmentOf(r: number, f: number): string {
  if (r === 5) return f === 1 ? 'new_customer' : f <= 3 ? 'potential_loyalist' : 'champions';
  if (r === 4) return f === 1 ? 'promising' : f <= 3 ? 'potential_loyalist' : 'loyal';
  if (r === 3) return f <= 2 ? 'about_to_sleep' : f === 3 ? 'need_attention' : 'loyal';
  return f <= 2 ? 'hibernating' : f <= 4 ? 'at_risk' : 'cant_lose';
}

beforeAll(async () => {
  t = await startTestApp();
  ws = (await t.services.workspaces.create({ name: 'Online Retail UK', timezone: 'UTC', currency: 'GBP' }))
    .id;
  await t.services.branches.create(ws, { name: 'Web shop' });
  const text = gunzipSync(readFileSync('/work/shared/data/online-retail/online_retail.csv.gz')).toString(
    'utf8',
  );
  const head = text
    .split('\n')
    .slice(0, LINES + 1)
    .join('\n');
  await t.services.salesImport.importSales(ws, new TextEncoder().encode(head), {
    mapping: presetMapping('online-retail'),
    source: 'online-retail',
    dryRun: false,
  });
}, 120_000);
afterAll(() => t.close());

describe('RFM on Online Retail', () => {
  it('scores every buyer as the same scoring in SQL does, ties included', async () => {
    const expected = await scoredBySql();
    expect(expected.length).toBeGreaterThan(100);
    const { items } = await t.services.rfm.customers(ws, { limit: 100_000, offset: 0 });
    const actual = items
      .map(({ customerName: _name, ...c }) => c)
      .sort((a, b) => a.customerId.localeCompare(b.customerId));
    expect(actual).toEqual(expected);
    // Ties are real here: many buyers bought on one day only, and they all share one frequency score.
    const once = expected.filter((c) => c.frequency === 1);
    expect(new Set(once.map((c) => c.f)).size).toBe(1);
  });

  it('counts the segments and the grid as SQL does, and a saved RFM segment holds the same buyers', async () => {
    const expected = await scoredBySql();
    const report = await t.services.rfm.report(ws);
    for (const s of report.segments)
      expect(s.customers, s.segment).toBe(expected.filter((c) => c.segment === s.segment).length);
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        expect(report.grid[r - 1]![f - 1]).toBe(expected.filter((c) => c.r === r && c.f === f).length);
    const saved = await t.services.segments.create(ws, {
      name: 'Berisiko',
      rules: { match: 'any', conditions: [{ type: 'rfm', in: ['at_risk', 'cant_lose'] }] },
    });
    const members = await t.services.segments.members(ws, saved.id, { limit: 100_000, offset: 0 });
    expect(members.items.map((m) => m.customer_id).sort()).toEqual(
      expected
        .filter((c) => c.segment === 'at_risk' || c.segment === 'cant_lose')
        .map((c) => c.customerId)
        .sort(),
    );
  });

  it('gives a promotion restricted to an RFM segment the segment SQL scores the customer in', async () => {
    const expected = await scoredBySql();
    const customers = new CustomerRepository(t.store.db);
    for (const segment of new Set(expected.map((c) => c.segment))) {
      const scored = expected.find((c) => c.segment === segment)!;
      const customer = (await customers.get(ws, scored.customerId))!;
      const facts = await t.services.promotionAudience.of(t.store.db, ws, customer);
      expect(facts.segments, scored.customerId).toContain(segment);
      for (const other of expected.map((c) => c.segment).filter((x) => x !== segment))
        expect(facts.segments).not.toContain(other);
    }
  });
});
