import { Analytics, type HTTPClient, type HTTPClientRequest } from '@segment/analytics-node';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SegmentMessage } from '../../src/demo/index.ts';
import { DAY_MS, run, simulationOptions, tracks, type Run } from './simulation.factory.ts';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LIBRARIES = ['analytics.js', 'analytics-android', 'analytics-ios', '@segment/analytics-node'];
const options = simulationOptions({ customers: 1500, days: 90 });
let sim: Run;

beforeAll(() => {
  sim = run(options);
});

function requiredFieldsMissing(message: SegmentMessage): string[] {
  const missing: string[] = [];
  if (typeof message.userId !== 'string' && typeof message.anonymousId !== 'string')
    missing.push('userId or anonymousId');
  if (typeof message.messageId !== 'string' || message.messageId === '') missing.push('messageId');
  if (!LIBRARIES.includes(message.context.library.name)) missing.push('context.library');
  if (message.context.locale !== 'id-ID' || message.context.timezone !== 'Asia/Jakarta')
    missing.push('context.locale');
  if (message.type === 'track' && (message.event === '' || typeof message.properties !== 'object'))
    missing.push('event');
  if ((message.type === 'page' || message.type === 'screen') && message.name === '') missing.push('name');
  if (message.type === 'identify' && typeof message.traits !== 'object') missing.push('traits');
  if (message.context.library.name === 'analytics.js' && message.context.page === undefined)
    missing.push('context.page');
  return missing;
}

/** What the real Node library puts in a batch body, captured at its transport. */
async function realNodeMessages(): Promise<Record<string, unknown>[]> {
  const bodies: { batch: Record<string, unknown>[] }[] = [];
  const httpClient: HTTPClient = {
    makeRequest(request: HTTPClientRequest) {
      bodies.push(JSON.parse(request.body) as { batch: Record<string, unknown>[] });
      return Promise.resolve({ status: 200, statusText: 'OK' });
    },
  };
  const analytics = new Analytics({ writeKey: 'wk_test', host: 'http://jejak.test', flushAt: 2, httpClient });
  analytics.track({ userId: 'cust_6281234567890', event: 'Order Completed', properties: { total: 22000 } });
  analytics.identify({ userId: 'cust_6281234567890', traits: { phone: '0812-3456-7890' } });
  await analytics.closeAndFlush();
  return bodies.flatMap((body) => body.batch);
}

describe('the simulated Segment messages', () => {
  it('carry the fields each message type requires', () => {
    const broken = sim.messages.filter((m) => requiredFieldsMissing(m).length > 0);
    expect(broken.slice(0, 3).map((m) => [m, requiredFieldsMissing(m)])).toEqual([]);
    expect(new Set(sim.messages.map((m) => m.type))).toEqual(
      new Set(['track', 'page', 'screen', 'identify']),
    );
  });

  it('are stamped with ISO times inside the simulated period, in order', () => {
    const end = options.start + options.days * DAY_MS;
    let previous = options.start;
    const wrong = sim.messages.filter((message) => {
      const at = Date.parse(message.timestamp);
      const fine = ISO.test(message.timestamp) && at >= previous && at < end;
      previous = at;
      return !fine;
    });
    expect(wrong.map((m) => m.timestamp)).toEqual([]);
  });

  it('never reuse a messageId', () => {
    expect(new Set(sim.messages.map((m) => m.messageId)).size).toBe(sim.messages.length);
  });

  it('have the same top-level fields as @segment/analytics-node sends', async () => {
    const real = await realNodeMessages();
    const ours = sim.messages.filter((m) => m.context.library.name === '@segment/analytics-node');
    for (const type of ['track', 'identify']) {
      const expected = Object.keys(real.find((m) => m.type === type)!).sort();
      expect(Object.keys(ours.find((m) => m.type === type)!).sort()).toEqual(expected);
    }
  });

  it('send counter sales from the POS through the Node library, with the outlet', () => {
    const counter = tracks(sim.messages, 'Order Completed').filter((m) => m.properties.channel === 'store');
    expect(counter.length).toBeGreaterThan(0);
    for (const sale of counter) {
      expect(sale.context.library.name).toBe('@segment/analytics-node');
      expect(sale.userId).toMatch(/^cust_628\d+$/);
      expect(sale.context.traits?.phone).toBeTruthy();
      expect(sale.properties.branch_id).toMatch(/^br_/);
      expect(sale.properties.branch_name).toMatch(/^Kopi Nusantara /);
    }
  });

  it('carry the UTM campaign of an ad on the landing page only', () => {
    const landings = sim.messages.filter(
      (m) => m.type === 'page' && m.context.campaign?.medium === 'paid_social',
    );
    expect(landings.length).toBeGreaterThan(0);
    for (const landing of landings)
      expect(landing.context.page?.search).toContain(`utm_campaign=${landing.context.campaign?.name}`);
    const productViews = tracks(sim.messages, 'Product Viewed');
    expect(productViews.every((m) => m.context.campaign === undefined)).toBe(true);
  });

  it("bring referred friends in with the referrer's code, and credit the referrer when they buy", () => {
    const opened = tracks(sim.messages, 'Referral Link Opened');
    expect(opened.length).toBeGreaterThan(0);
    for (const m of opened)
      expect(m.context.campaign).toMatchObject({ source: 'referral', content: m.properties.referral_code });
    const codes = new Set(tracks(sim.messages, 'Product Shared').map((m) => m.properties.referral_code));
    const converted = tracks(sim.messages, 'Referral Converted');
    expect(converted.length).toBeGreaterThan(0);
    for (const m of converted) expect(codes.has(m.properties.referral_code)).toBe(true);
  });

  it('link the anonymous browser to the new account in the identify that creates it', () => {
    const signUps = sim.messages.filter(
      (m) => m.type === 'identify' && m.context.library.name !== '@segment/analytics-node',
    );
    expect(signUps.length).toBeGreaterThan(0);
    for (const signUp of signUps.slice(0, 50)) {
      expect(signUp.anonymousId).toBeTruthy();
      const before = sim.messages.filter(
        (m) => m.anonymousId === signUp.anonymousId && m.timestamp < signUp.timestamp,
      );
      expect(before.every((m) => m.userId === undefined)).toBe(true);
      const after = sim.messages.filter(
        (m) => m.anonymousId === signUp.anonymousId && m.timestamp > signUp.timestamp,
      );
      expect(after.every((m) => m.userId === signUp.userId)).toBe(true);
    }
  });

  it('score surveys and reviews on their scales', () => {
    const surveys = tracks(sim.messages, 'Survey Responded');
    for (const { properties: p } of surveys) {
      const max = p.survey_type === 'nps' ? 10 : 5;
      expect(p.score).toBeGreaterThanOrEqual(p.survey_type === 'nps' ? 0 : 1);
      expect(p.score).toBeLessThanOrEqual(max);
    }
    expect(new Set(surveys.map((m) => m.properties.survey_type))).toEqual(new Set(['csat', 'nps']));
    for (const { properties: p } of tracks(sim.messages, 'Review Posted'))
      expect([1, 2, 3, 4, 5]).toContain(p.rating);
  });
});
