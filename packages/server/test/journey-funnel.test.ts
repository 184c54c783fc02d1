import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aMember, asUser } from './accounts.harness.ts';
import { DAY, HOUR, T0, aTrack, startTestApp, type ErrorBody, type TestApp } from './harness.ts';

interface FunnelBody {
  from: string;
  to: string;
  filter: { channel: string | null; branches: string[] | null };
  stages: {
    key: string;
    entered: number;
    movedOn: number;
    movedOnShare: number | null;
    medianToMoveOnMs: number | null;
  }[];
}

interface TrendBody {
  stages: { key: string }[];
  weeks: { week: string; start: string; partial: boolean; entries: number[] }[];
}

let t: TestApp;
let kemang: string;
let dago: string;
beforeEach(async () => {
  t = await startTestApp();
  kemang = (await t.services.branches.create(t.workspace.id, { name: 'Outlet Kemang' })).id;
  dago = (await t.services.branches.create(t.workspace.id, { name: 'Outlet Dago' })).id;
});
afterEach(async () => t.close());

const at = (days: number, hours = 0) => new Date(T0 - days * DAY + hours * HOUR).toISOString();

/** Three customers of the last two weeks (T0 is 1 June 2026, 15:00 in Jakarta). */
async function aFortnight() {
  const response = await t.ingest([
    aTrack({ anonymousId: 'ads', event: 'Ad Clicked', properties: { channel: 'ads' }, timestamp: at(10) }),
    aTrack({ anonymousId: 'ads', event: 'Product Viewed', timestamp: at(9) }),
    aTrack({
      anonymousId: 'ads',
      event: 'Order Completed',
      properties: { total: 45000, branch_id: kemang },
      timestamp: at(8),
    }),
    aTrack({ anonymousId: 'web', event: 'Page Viewed', properties: { channel: 'web' }, timestamp: at(10) }),
    aTrack({
      anonymousId: 'counter',
      event: 'Order Completed',
      properties: { channel: 'store', total: 30000, branch_id: dago },
      timestamp: at(5),
    }),
  ]);
  expect(response.statusCode).toBe(200);
}

const funnel = async (query: string) => {
  const response = await t.api('GET', `/journey/funnel?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<FunnelBody>();
};
const stage = (body: FunnelBody, key: string) => body.stages.find((s) => s.key === key)!;

describe('journey funnel and trend', () => {
  it('gives the funnel of a period: entries, the share that moved on by now, the median time', async () => {
    await aFortnight();
    const body = await funnel('from=2026-05-18&to=2026-06-01');
    expect(body).toMatchObject({
      from: '2026-05-18',
      to: '2026-06-01',
      filter: { channel: null, branches: null },
    });
    expect(body.stages.map((s) => s.key)).toEqual([
      'awareness',
      'consideration',
      'purchase',
      'experience',
      'retention',
      'advocacy',
    ]);
    expect(stage(body, 'awareness')).toMatchObject({ entered: 2, movedOn: 1, movedOnShare: 0.5 });
    expect(stage(body, 'awareness').medianToMoveOnMs! / DAY).toBeCloseTo(1, 1);
    expect(stage(body, 'consideration')).toMatchObject({ entered: 1, movedOn: 1 });
    expect(stage(body, 'purchase')).toMatchObject({ entered: 2, movedOn: 0, medianToMoveOnMs: null });
    expect(stage(body, 'advocacy')).toMatchObject({ entered: 0, movedOnShare: null });
  });

  it('answers the same after a rebuild recomputes every journey from the events', async () => {
    await aFortnight();
    t.setNow(T0 + 5 * DAY);
    await t.services.journey.advanceDue();
    const queries = ['from=2026-05-18&to=2026-06-06', `from=2026-05-18&to=2026-06-06&branch=${kemang}`];
    const before = await Promise.all(queries.map(funnel));
    const trend = (await t.api('GET', '/journey/trend?from=2026-05-18&to=2026-06-06')).body;
    expect(stage(before[0]!, 'experience').entered).toBe(2);
    await t.services.rebuild.run({ workspaceId: t.workspace.id });
    expect(await Promise.all(queries.map(funnel))).toEqual(before);
    expect((await t.api('GET', '/journey/trend?from=2026-05-18&to=2026-06-06')).body).toBe(trend);
  });

  it('cuts the days again when the workspace moves to another time zone', async () => {
    // 22:30 in Jakarta on 31 May is already 1 June in Jayapura, two hours ahead.
    const late = new Date(Date.UTC(2026, 4, 31, 15, 30)).toISOString();
    await t.ingest([aTrack({ anonymousId: 'late', event: 'Page Viewed', timestamp: late })]);
    const entered = async () => stage(await funnel('from=2026-06-01&to=2026-06-01'), 'awareness').entered;
    expect(await entered()).toBe(0);
    await t.services.workspaces.update(t.workspace.id, { timezone: 'Asia/Jayapura' });
    expect(await entered()).toBe(1);
  });

  it('defaults to the last 30 days of the workspace time zone', async () => {
    const body = await funnel('');
    expect(body).toMatchObject({ from: '2026-05-03', to: '2026-06-01' });
  });

  it('answers for a channel and a branch, the same filter on every journey endpoint', async () => {
    await aFortnight();
    const ads = await funnel('from=2026-05-18&to=2026-06-01&channel=ads');
    expect(ads.filter).toEqual({ channel: 'ads', branches: null });
    expect(stage(ads, 'awareness').entered).toBe(1);
    expect(stage(ads, 'purchase').entered).toBe(1);
    const atDago = await funnel(`from=2026-05-18&to=2026-06-01&branch=${dago}`);
    expect(atDago.stages.map((s) => s.entered)).toEqual([0, 0, 1, 0, 0, 0]);

    const overview = (await t.api('GET', `/journey/overview?branch=${kemang}`)).json<{
      customers: number;
      stages: { key: string; customers: number }[];
    }>();
    expect(overview.customers).toBe(1);
    expect(overview.stages.find((s) => s.key === 'purchase')?.customers).toBe(1);

    const from = new Date(Date.UTC(2026, 4, 17, 17)).toISOString(); // 18 May 00:00 in Jakarta
    const to = new Date(Date.UTC(2026, 5, 1, 17)).toISOString();
    const moves = (await t.api('GET', `/journey/transitions?from=${from}&to=${to}&channel=store`)).json<{
      items: unknown[];
    }>();
    expect(moves.items).toEqual([{ from: null, to: 'purchase', count: 1 }]);
    // Not whole days: counted from the transitions themselves, with the same filter.
    const shifted = new Date(Date.parse(to) - 1).toISOString();
    const raw = (await t.api('GET', `/journey/transitions?from=${from}&to=${shifted}&channel=store`)).json<{
      items: unknown[];
    }>();
    expect(raw.items).toEqual(moves.items);
  });

  it('gives entries per ISO week, empty weeks and partial ones included', async () => {
    await aFortnight();
    const response = await t.api('GET', '/journey/trend?from=2026-05-18&to=2026-06-01');
    const body = response.json<TrendBody>();
    expect(body.weeks.map((w) => [w.week, w.start, w.partial])).toEqual([
      ['2026-W21', '2026-05-18', false],
      ['2026-W22', '2026-05-25', false],
      ['2026-W23', '2026-06-01', true],
    ]);
    const purchase = body.stages.findIndex((s) => s.key === 'purchase');
    expect(body.weeks.map((w) => w.entries[purchase])).toEqual([1, 1, 0]);
    const total = body.weeks.reduce((sum, w) => sum + w.entries.reduce((a, b) => a + b, 0), 0);
    const funnelTotal = (await funnel('from=2026-05-18&to=2026-06-01')).stages.reduce(
      (s, x) => s + x.entered,
      0,
    );
    expect(total).toBe(funnelTotal);
  });

  it('refuses a period or filter it cannot answer, naming the parameter', async () => {
    const cases: [string, RegExp][] = [
      ['from=2026-02-30', /from \(2026-02-30\) is not a date/],
      ['from=2026-06-02&to=2026-06-01', /from \(2026-06-02\) must not be after to/],
      ['from=1%20June', /from/],
      ['channel=tv', /channel/],
      ['branch=br_nowhere', /branch 'br_nowhere' is not a branch/],
    ];
    for (const [query, message] of cases) {
      for (const endpoint of ['funnel', 'trend']) {
        const response = await t.api('GET', `/journey/${endpoint}?${query}`);
        expect(response.statusCode, `${endpoint}?${query}`).toBe(400);
        expect(response.json<ErrorBody>().error.message).toMatch(message);
      }
    }
  });

  it("shows a manager his branches' customers only", async () => {
    await aFortnight();
    const manager = await aMember(t, 'manager', { branchIds: [dago] });
    const url = (path: string) => `/api/v1/workspaces/${t.workspace.id}/journey/${path}`;
    const own = await asUser(t, manager, 'GET', url('funnel?from=2026-05-18&to=2026-06-01'));
    expect(own.json<FunnelBody>().filter.branches).toEqual([dago]);
    expect(own.json<FunnelBody>().stages.map((s) => s.entered)).toEqual([0, 0, 1, 0, 0, 0]);
    const overview = await asUser(t, manager, 'GET', url('overview'));
    expect(overview.json<{ customers: number }>().customers).toBe(1);
    const elsewhere = await asUser(t, manager, 'GET', url(`funnel?branch=${kemang}`));
    expect(elsewhere.statusCode).toBe(404);
  });
});
