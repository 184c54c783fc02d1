import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JourneyMap, MapStage } from '../src/journey/journey-map.schemas.ts';
import { DAY, HOUR, T0, aTrack, startTestApp, type ErrorBody, type TestApp } from './harness.ts';

let t: TestApp;
let kemang: string;
beforeEach(async () => {
  t = await startTestApp();
  kemang = (await t.services.branches.create(t.workspace.id, { name: 'Outlet Kemang' })).id;
});
afterEach(async () => t.close());

/** Hours after 22 May 2026 08:00 UTC; the harness's clock stands 10 days later (T0). */
const at = (hours: number) => new Date(T0 - 10 * DAY + hours * HOUR).toISOString();
const PERIOD = 'from=2026-05-20&to=2026-05-31';

const event = (customer: string, name: string, hours: number, properties: Record<string, unknown> = {}) =>
  aTrack({ anonymousId: customer, event: name, timestamp: at(hours), properties });

/**
 * Five customers, by hand:
 *   a  Ad Clicked (ads) -> Product Viewed (web) -> Order Completed at Kemang -> CSAT 5: experience
 *   b  Ad Clicked (ads) -> Product Viewed (web), and no further: stuck in consideration
 *   c  Store Visited at Kemang, and no further: stuck in awareness
 *   d  Inquiry Received (WhatsApp) -> Order Completed (WhatsApp) -> refund; the clock moves him on after 72 h
 *   e  Order Completed at Kemang; the clock moves him to experience; a 2-star review there
 */
async function fiveCustomers() {
  const store = { channel: 'store', branch_id: kemang };
  const response = await t.ingest([
    event('a', 'Ad Clicked', 0, { channel: 'ads' }),
    event('b', 'Ad Clicked', 0, { channel: 'ads' }),
    event('e', 'Order Completed', 0, store),
    event('a', 'Product Viewed', 1, { channel: 'web' }),
    event('c', 'Store Visited', 1, store),
    event('a', 'Order Completed', 2, store),
    event('d', 'Inquiry Received', 2, { channel: 'whatsapp' }),
    event('b', 'Product Viewed', 3, { channel: 'web' }),
    event('d', 'Order Completed', 5, { channel: 'whatsapp' }),
    event('d', 'Order Refunded', 6, { channel: 'whatsapp' }),
    event('a', 'Survey Responded', 26, { channel: 'web', survey_type: 'csat', score: 5 }),
    event('e', 'Review Posted', 100, { channel: 'web', rating: 2 }),
  ]);
  expect(response.statusCode, response.body).toBe(200);
  await t.services.journey.advanceDue();
}

async function map(query = PERIOD): Promise<JourneyMap> {
  const response = await t.api('GET', `/journey/map?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<JourneyMap>();
}
const column = (body: JourneyMap, key: string) => body.stages.find((s) => s.key === key) as MapStage;

describe('journey map', () => {
  it('gives every stage its customers now, entries, moving on and time in the stage', async () => {
    await fiveCustomers();
    const body = await map();
    expect(body).toMatchObject({ from: '2026-05-20', to: '2026-05-31', days: 12, customers: 5 });
    expect(body.stages.map((s) => [s.key, s.now.customers, s.entered.count, s.movedOn?.count])).toEqual([
      ['awareness', 1, 3, 2],
      ['consideration', 1, 3, 2],
      ['purchase', 0, 3, 3],
      ['experience', 3, 3, 0],
      ['retention', 0, 0, 0],
      ['advocacy', 0, 0, 0],
    ]);
    const awareness = column(body, 'awareness');
    expect(awareness.entered.perWeek).toBeCloseTo((3 / 12) * 7, 6);
    expect(awareness.movedOn!.share).toBeCloseTo(2 / 3, 6);
    // Stays of 1 and 3 hours: the median lies between them (read from buckets 4.5% wide).
    expect(awareness.timeInStage!.medianMs / HOUR).toBeGreaterThan(1);
    expect(awareness.timeInStage!.medianMs / HOUR).toBeLessThan(3.2);
    expect(column(body, 'experience').timeInStage).toBeNull();
    expect(column(body, 'advocacy').next).toBeNull();
  });

  it('names the touchpoints and channels that brought customers into each stage, the clock included', async () => {
    await fiveCustomers();
    const body = await map();
    expect(column(body, 'awareness').touchpoints).toEqual([
      { name: 'Ad Clicked', entries: 2 },
      { name: 'Store Visited', entries: 1 },
    ]);
    expect(column(body, 'awareness').channels).toEqual([
      { channel: 'ads', entries: 2 },
      { channel: 'store', entries: 1 },
    ]);
    expect(column(body, 'consideration').touchpoints).toEqual([
      { name: 'Product Viewed', entries: 2 },
      { name: 'Inquiry Received', entries: 1 },
    ]);
    expect(column(body, 'purchase').channels).toEqual([
      { channel: 'store', entries: 2 },
      { channel: 'whatsapp', entries: 1 },
    ]);
    expect(column(body, 'experience').touchpoints).toEqual([
      { name: null, entries: 2 },
      { name: 'Survey Responded', entries: 1 },
    ]);
  });

  it('draws the sentiment from ratings, surveys and bad experiences, and leaves it empty without them', async () => {
    await fiveCustomers();
    const body = await map();
    expect(body.signals).toBe(3);
    expect(column(body, 'experience').sentiment).toEqual({
      signals: 2,
      positive: 1,
      neutral: 0,
      negative: 1,
      net: 0,
      measures: [
        { measure: 'rating', answers: 1, average: 2, positive: 0, negative: 1 },
        { measure: 'csat', answers: 1, average: 5, positive: 1, negative: 0 },
      ],
    });
    expect(column(body, 'purchase').sentiment).toMatchObject({ signals: 1, negative: 1, net: -100 });
    expect(column(body, 'awareness').sentiment).toMatchObject({ signals: 0, net: null, measures: [] });
    // A period before any of it: no signal at all, said as such (null), never made up.
    const before = await map('from=2026-01-01&to=2026-01-31');
    expect(before.signals).toBe(0);
    expect(before.stages.every((s) => s.sentiment.net === null)).toBe(true);
  });

  it('lists the pain points: drop-offs, customers stuck longer than usual, bad experiences by touchpoint and branch', async () => {
    await fiveCustomers();
    const body = await map();
    const awareness = column(body, 'awareness');
    expect(awareness.pains.dropOff).toMatchObject({ next: 'consideration', lost: 1 });
    expect(awareness.pains.dropOff!.share).toBeCloseTo(1 / 3, 9);
    // c has been in awareness for 9 days; 9 in 10 of the stays that ended lasted about 3 hours, and
    // nobody counts as stuck within a day.
    expect(awareness.pains.stuck).toEqual({ customers: 1, longerThanMs: DAY });
    expect(column(body, 'consideration').pains.stuck!.customers).toBe(1);
    // The stays in purchase that ended took about 3 days (the clock's 72 hours): nobody is past that.
    expect(column(body, 'purchase').pains.stuck!.customers).toBe(0);
    expect(column(body, 'purchase').pains.stuck!.longerThanMs / HOUR).toBeGreaterThan(60);
    expect(column(body, 'experience').pains.stuck).toBeNull();
    expect(column(body, 'purchase').pains.negatives).toEqual({
      total: 1,
      touchpoints: [{ name: 'Order Refunded', count: 1 }],
      branches: [{ branchId: null, count: 1 }],
    });
    // e's review names no outlet: it counts at his branch, the one he bought at.
    expect(column(body, 'experience').pains.negatives).toEqual({
      total: 1,
      touchpoints: [{ name: 'Review Posted', count: 1 }],
      branches: [{ branchId: kemang, count: 1 }],
    });
    expect(body.branches).toEqual([{ id: kemang, name: 'Outlet Kemang' }]);
  });

  it('answers for one channel or one branch, with the filter it applied', async () => {
    await fiveCustomers();
    const ads = await map(`${PERIOD}&channel=ads`);
    expect(ads.filter).toEqual({ channel: 'ads', branches: null });
    expect(ads.customers).toBe(2);
    expect(column(ads, 'awareness').touchpoints).toEqual([{ name: 'Ad Clicked', entries: 2 }]);
    expect(ads.signals).toBe(1);
    const atKemang = await map(`${PERIOD}&branch=${kemang}`);
    expect(atKemang.filter).toEqual({ channel: null, branches: [kemang] });
    expect(column(atKemang, 'experience').pains.negatives.total).toBe(1);
    expect(column(atKemang, 'purchase').pains.negatives.total).toBe(0);
  });

  it('advises content and a first-purchase voucher where most considering customers do not buy', async () => {
    const batch = [];
    for (let i = 0; i < 30; i++) batch.push(event(`p${i}`, 'Product Viewed', i / 10, { channel: 'web' }));
    for (const i of [0, 1, 2]) batch.push(event(`p${i}`, 'Order Completed', 10, { channel: 'web' }));
    expect((await t.ingest(batch)).statusCode).toBe(200);
    const body = await map();
    // 27 of 30 still weigh it up, all longer than the 3 who bought: the voucher first, then the content.
    const advice = column(body, 'consideration').advice;
    expect(advice.map((a) => [a.key, a.lever])).toEqual([
      ['consideration.first_voucher', 'vouchers'],
      ['consideration.show_value', 'content'],
    ]);
    expect(advice[0]!.facts).toEqual({ stuck: 27, share: 1 });
    expect(advice[1]!.facts).toEqual({ share: 0.1, next: 'purchase' });
    expect(column(body, 'awareness').advice).toEqual([]);
  });

  it('refuses a date that does not exist, a period that ends before it starts, and a branch of no one', async () => {
    const bad = await t.api('GET', '/journey/map?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toMatch(/from \(2026-02-30\)/);
    expect((await t.api('GET', '/journey/map?from=2026-05-31&to=2026-05-01')).statusCode).toBe(400);
    expect((await t.api('GET', '/journey/map?channel=pigeon')).statusCode).toBe(400);
    expect((await t.api('GET', '/journey/map?branch=nowhere')).statusCode).toBe(400);
  });
});
