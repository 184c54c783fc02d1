import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { presetMapping, type PeriodUnit } from '@jejak/core';
import { dayNumber } from '@jejak/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, asUser, type SignedInUser } from './accounts.harness.ts';
import { HOUR, aTrack, startTestApp, type ErrorBody, type TestApp } from './harness.ts';
import { RetentionReference, type ReferenceQuery } from './retention.reference.ts';

/*
 * The retention report (a scan over the event layout) against the same questions asked in plain SQL
 * over the events table: on six generated monthly cohorts whose answers are known by construction,
 * and on Online Retail customers imported through the sales import.
 */

let t: TestApp;
let analyst: SignedInUser;
let cashier: SignedInUser;
let outlet: string;
let reference: RetentionReference;
const BUY = 'Order Completed';
const JAKARTA = 7 * HOUR;
const day = (text: string) => dayNumber(text)!;
/** An instant given as Jakarta local time. */
const local = (text: string) => Date.parse(`${text}Z`) - JAKARTA;

interface Report {
  unit: PeriodUnit;
  from: string;
  to: string;
  cohorts: { start: string; size: number; retained: number[]; share: (number | null)[]; revenue: number[] }[];
  repeat: {
    total: Record<string, number | null>;
    cohorts: {
      start: string;
      buyers: number;
      repeatBuyers: number;
      eligible: number;
      repeatWithin: number;
    }[];
  };
  lifecycle: { start: string; new: number; returning: number; resurrecting: number; dormant: number }[];
}

/** The report as the SQL reference shapes it: non-zero cells keyed `start +k`. */
function cellsOf(report: Report) {
  const cells = (pick: (c: Report['cohorts'][number]) => number[]) =>
    Object.fromEntries(
      report.cohorts.flatMap((c) =>
        pick(c).flatMap((v, k) => (v === 0 ? [] : [[`${c.start} +${k}`, v] as const])),
      ),
    );
  return {
    sizes: Object.fromEntries(report.cohorts.filter((c) => c.size > 0).map((c) => [c.start, c.size])),
    retained: cells((c) => c.retained),
    revenue: cells((c) => c.revenue),
  };
}

const url = (ws: string, query: string, path = '') =>
  `/api/v1/workspaces/${ws}/analytics/retention${path}?${query}`;

async function report(ws: string, query: string): Promise<Report> {
  const response = await asUser(t, analyst, 'GET', url(ws, query));
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Report>();
}

/*
 * Six monthly cohorts of first purchases, January to June 2026: cohort m has 10 + m buyers; buyer j
 * buys again in month m + k exactly when j is a multiple of k + 1, for 10_000 × (k + 1). Odd buyers
 * shop at the outlet, even ones online; everyone views pages in between.
 */
function sixCohorts() {
  const messages: object[] = [];
  const expected: { size: number; retained: number[] }[] = [];
  for (let m = 0; m < 6; m++) {
    const n = 10 + m;
    expected.push({
      size: n,
      retained: [n, ...Array.from({ length: 5 - m }, (_, i) => Math.ceil(n / (i + 2)))],
    });
    for (let j = 0; j < n; j++) {
      const userId = `m${m}-c${j}`;
      const month = (k: number) => `2026-${String(m + k + 1).padStart(2, '0')}`;
      const buy = (at: number, revenue: number) =>
        aTrack({
          userId,
          anonymousId: undefined,
          event: BUY,
          timestamp: new Date(at).toISOString(),
          properties: { revenue, total: revenue, ...(j % 2 === 1 ? { branch_id: outlet } : {}) },
        });
      messages.push(buy(local(`${month(0)}-${String(1 + j).padStart(2, '0')}T10:00:00`), 10_000));
      messages.push(
        aTrack({
          userId,
          anonymousId: undefined,
          event: 'Page Viewed',
          timestamp: new Date(local(`${month(0)}-21T09:00:00`)).toISOString(),
        }),
      );
      for (let k = 1; m + k < 6; k++) {
        if (j % (k + 1) !== 0) continue;
        // Buyer 0 comes back at 00:30 on the 1st: 17:30 UTC the day before, Jakarta's new month.
        messages.push(
          buy(local(j === 0 ? `${month(k)}-01T00:30:00` : `${month(k)}-15T12:00:00`), 10_000 * (k + 1)),
        );
      }
    }
  }
  return { messages, expected };
}

let expected: { size: number; retained: number[] }[];

beforeAll(async () => {
  t = await startTestApp();
  // The server's clock after the last generated event: events from its future would be refused.
  t.setNow(Date.parse('2026-07-01T00:00:00Z'));
  analyst = await aMember(t, 'analyst');
  cashier = await aMember(t, 'cashier');
  outlet = (await t.services.branches.create(t.workspace.id, { name: 'Outlet Menteng' })).id;
  reference = new RetentionReference(t.store);
  const generated = sixCohorts();
  expected = generated.expected;
  for (let i = 0; i < generated.messages.length; i += 250) {
    const response = await t.ingest(generated.messages.slice(i, i + 250));
    expect(response.statusCode, response.body).toBe(200);
  }
}, 120_000);
afterAll(() => t.close());

const ref = (q: Partial<ReferenceQuery>): ReferenceQuery => ({
  workspaceId: t.workspace.id,
  unit: 'month',
  offsetMs: JAKARTA,
  fromDay: day('2026-01-01'),
  toDay: day('2026-06-30'),
  cohortEvent: BUY,
  returnEvent: BUY,
  ...q,
});

describe('retention on generated cohorts', () => {
  it('finds the six monthly cohorts and who bought again, as constructed, and as SQL counts them', async () => {
    const r = await report(t.workspace.id, 'unit=month&from=2026-01-01&to=2026-06-30');
    expect(r.cohorts.map((c) => c.start)).toEqual(
      ['01', '02', '03', '04', '05', '06'].map((m) => `2026-${m}-01`),
    );
    expect(r.cohorts.map(({ size, retained }) => ({ size, retained }))).toEqual(expected);
    expect(r.cohorts[0]!.share[1]).toBeCloseTo(5 / 10);
    expect(r.cohorts[0]!.revenue).toEqual([100_000, 100_000, 120_000, 120_000, 100_000, 120_000]);
    expect(cellsOf(r)).toEqual(await reference.matrix(ref({})));
  });

  it('agrees with SQL per week, by any first event, and at one branch', async () => {
    const weekly = await report(
      t.workspace.id,
      'unit=week&from=2026-02-01&to=2026-05-20&cohortBy=any&returnBy=any',
    );
    expect(weekly.from).toBe('2026-01-26');
    expect(cellsOf(weekly)).toEqual(
      await reference.matrix(
        ref({
          unit: 'week',
          fromDay: day('2026-02-01'),
          toDay: day('2026-05-20'),
          cohortEvent: null,
          returnEvent: null,
        }),
      ),
    );
    const atOutlet = await report(
      t.workspace.id,
      `unit=month&from=2026-01-01&to=2026-06-30&branchId=${outlet}`,
    );
    expect(atOutlet.cohorts[0]!.size).toBe(5);
    expect(cellsOf(atOutlet)).toEqual(await reference.matrix(ref({ branchId: outlet })));
  });

  it('counts repeat purchase and the lifecycle as SQL does', async () => {
    for (const unit of ['month', 'week'] as const) {
      const r = await report(t.workspace.id, `unit=${unit}&from=2026-01-01&to=2026-06-30&withinDays=45`);
      const sqlRepeat = await reference.repeat(ref({ unit, withinDays: 45 }), BUY);
      expect(
        Object.fromEntries(
          r.repeat.cohorts
            .filter((c) => c.buyers > 0)
            .map(({ start, buyers, repeatBuyers, eligible, repeatWithin }) => [
              start,
              { buyers, repeatBuyers, eligible, repeatWithin },
            ]),
        ),
      ).toEqual(sqlRepeat);
      expect(Object.fromEntries(r.lifecycle.map(({ start, ...counts }) => [start, counts]))).toEqual(
        await reference.lifecycle(ref({ unit })),
      );
    }
    const monthly = await report(t.workspace.id, 'unit=month&from=2026-01-01&to=2026-06-30&withinDays=45');
    expect(monthly.lifecycle.map((p) => p.new)).toEqual(expected.map((e) => e.size));
    expect(monthly.repeat.total).toMatchObject({ buyers: 75, eligible: 60, repeatWithin: 31 });
  });

  it('exports the matrix, repeat purchase and lifecycle as CSV', async () => {
    const query = 'unit=month&from=2026-01-01&to=2026-06-30&lang=en';
    const cohorts = await asUser(t, analyst, 'GET', url(t.workspace.id, query, '/cohorts.csv'));
    expect(cohorts.statusCode).toBe(200);
    expect(cohorts.headers['content-type']).toContain('text/csv');
    const lines = cohorts.body.trim().split('\n');
    expect(lines[0]).toBe(
      'cohort_start,cohort_size,period,retained,retention_pct,revenue_idr,revenue_retention_pct',
    );
    expect(lines).toHaveLength(1 + 6 + 5 + 4 + 3 + 2 + 1);
    expect(lines[2]).toBe('2026-01-01,10,1,5,50.0,100000,100.0');
    const lifecycle = await asUser(t, analyst, 'GET', url(t.workspace.id, query, '/lifecycle.csv'));
    expect(lifecycle.body.split('\n')[1]).toBe('2026-01-01,10,0,0,0');
    const repeat = await asUser(
      t,
      analyst,
      'GET',
      url(t.workspace.id, 'unit=month&from=2026-01-01&to=2026-06-30', '/repeat.csv'),
    );
    expect(repeat.body.split('\n')[0]).toContain('pembeli_ulang');
  });

  it('refuses what it cannot answer with a 4xx that names the problem, and a cashier', async () => {
    const error = async (query: string, status = 400) => {
      const response = await asUser(t, analyst, 'GET', url(t.workspace.id, query));
      expect(response.statusCode, query).toBe(status);
      return response.json<ErrorBody>().error.message;
    };
    expect(await error('unit=year')).toMatch(/unit/);
    expect(await error('cohortBy=event')).toMatch(/cohortEvent is required/);
    expect(await error('returnBy=any&returnEvent=Page%20Viewed')).toMatch(/returnEvent/);
    expect(await error('from=2026-05-01&to=2026-04-01')).toMatch(/after/);
    expect(await error('from=2026-02-30')).toMatch(/from/);
    expect(await error('unit=week&from=2020-01-01&to=2026-06-30')).toMatch(/at most 104/);
    expect(await error('withinDays=0')).toMatch(/withinDays/);
    expect(await error('branchId=nope', 404)).toMatch(/Branch nope/);
    expect((await asUser(t, cashier, 'GET', url(t.workspace.id, ''))).statusCode).toBe(403);
  });
});

/*
 * Online Retail (UCI): the first 2,000 lines of the file, plus every line of the customers whose id is
 * a multiple of 40, so that the cohorts span the year and hold buyers who come back.
 */
function onlineRetailSample(): Buffer {
  const lines = gunzipSync(readFileSync('/work/shared/data/online-retail/online_retail.csv.gz'))
    .toString('utf8')
    .split('\n');
  const chosen = lines.filter((line, i) => {
    if (i <= 2_000) return true;
    const customer = Number(line.split(',').at(-2));
    return Number.isInteger(customer) && customer % 40 === 0;
  });
  return Buffer.from(chosen.join('\n'));
}

describe('retention on imported Online Retail sales', () => {
  let ws: string;
  beforeAll(async () => {
    ws = (
      await t.services.workspaces.create({ name: 'Online Retail', timezone: 'Asia/Jakarta', currency: 'GBP' })
    ).id;
    await t.services.branches.create(ws, { name: 'Web shop' });
    analyst = await aMember(t, 'analyst', { workspaceId: ws });
    const summary = await t.services.salesImport.importSales(ws, onlineRetailSample(), {
      mapping: presetMapping('online-retail'),
      source: 'online-retail',
      dryRun: false,
    });
    expect(summary.orders.created).toBeGreaterThan(300);
  }, 240_000);

  it('gives the monthly and weekly matrix, repeat purchase and lifecycle that SQL gives', async () => {
    for (const unit of ['month', 'week'] as const) {
      const [from, to] = unit === 'month' ? ['2010-12-01', '2011-12-09'] : ['2011-06-01', '2011-12-09'];
      const q = ref({ workspaceId: ws, unit, fromDay: day(from), toDay: day(to), scale: 100 });
      const r = await report(ws, `unit=${unit}&from=${from}&to=${to}&withinDays=60`);
      const cells = cellsOf(r);
      expect(Object.keys(cells.retained).length).toBeGreaterThan(40);
      expect(cells).toEqual(await reference.matrix(q));
      expect(Object.fromEntries(r.lifecycle.map(({ start, ...counts }) => [start, counts]))).toEqual(
        await reference.lifecycle(q),
      );
      expect(
        Object.fromEntries(
          r.repeat.cohorts
            .filter((c) => c.buyers > 0)
            .map(({ start, buyers, repeatBuyers, eligible, repeatWithin }) => [
              start,
              { buyers, repeatBuyers, eligible, repeatWithin },
            ]),
        ),
      ).toEqual(await reference.repeat({ ...q, withinDays: 60 }, BUY));
    }
  });
});
