import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, T0, aTrack, anIdentify, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.close());

interface Detail {
  id: string;
  identityKeys: { kind: string; value: string }[];
  journey: { stage: string | null } | null;
  timeline: { kind: string; name?: string; transition?: string; to?: string }[];
}

const at = (h: number) => new Date(T0 - 20 * DAY + h * HOUR).toISOString();

async function customers() {
  return (await t.api('GET', '/customers')).json<{
    items: { id: string; name: string | null; stage: string | null }[];
  }>().items;
}
async function detail(id: string) {
  return (await t.api('GET', `/customers/${id}`)).json<Detail>();
}

describe('identity', () => {
  it('links an anonymous visitor to the customer who identifies on the same device', async () => {
    await t.ingest([
      aTrack({ anonymousId: 'a-1', event: 'Product Viewed', timestamp: at(0) }),
      anIdentify({ anonymousId: 'a-1', userId: 'u-1', traits: { name: 'Dewi Lestari' }, timestamp: at(1) }),
      aTrack({ userId: 'u-1', anonymousId: undefined, event: 'Order Completed', timestamp: at(2) }),
    ]);
    const list = await customers();
    expect(list).toHaveLength(1);
    expect(list[0]!.name).toBe('Dewi Lestari');
    expect(list[0]!.stage).toBe('purchase');
  });

  it('recognises the same phone number however it is written, and finds the customer by it', async () => {
    await t.ingest([
      anIdentify({ anonymousId: 'pos-1', traits: { phone: '0812-3456-7890' }, timestamp: at(0) }),
      anIdentify({ anonymousId: 'web-9', traits: { phone: '+62 812 3456 7890' }, timestamp: at(1) }),
    ]);
    const list = await customers();
    expect(list).toHaveLength(1);
    const found = (await t.api('GET', '/customers?search=0812%203456')).json<{ items: unknown[] }>();
    expect(found.items).toHaveLength(1);
  });

  it('merges two customers who turn out to be one, replays the journey, and undoes the merge', async () => {
    await t.ingest([
      aTrack({ anonymousId: 'laptop', event: 'Ad Clicked', timestamp: at(0) }),
      aTrack({ anonymousId: 'laptop', event: 'Product Viewed', timestamp: at(1) }),
      aTrack({ anonymousId: 'phone', event: 'Order Completed', timestamp: at(5) }),
    ]);
    expect(await customers()).toHaveLength(2);
    await t.ingest([anIdentify({ anonymousId: 'laptop', userId: 'u-7', timestamp: at(6) })]);
    await t.ingest([anIdentify({ anonymousId: 'phone', userId: 'u-7', timestamp: at(7) })]);

    const merged = await customers();
    expect(merged).toHaveLength(1);
    const one = await detail(merged[0]!.id);
    expect(one.identityKeys.map((k) => k.value).sort()).toEqual(['laptop', 'phone', 'u-7']);
    const stages = one.timeline
      .filter((e) => e.transition === 'stage')
      .map((e) => e.to)
      .reverse();
    expect(stages).toEqual(['awareness', 'consideration', 'purchase']);

    const merges = (await t.api('GET', '/merges')).json<{
      items: { id: string; undoneAt: number | null }[];
    }>();
    expect(merges.items).toHaveLength(1);
    const undo = await t.api('POST', `/merges/${merges.items[0]!.id}/undo`, {});
    expect(undo.statusCode).toBe(200);
    const apart = await customers();
    expect(apart).toHaveLength(2);
    const byStage = Object.fromEntries(apart.map((c) => [c.stage ?? 'none', c.id]));
    // Undoing replays both up to now: the phone's purchase was 20 days ago, so its experience timer has fired.
    expect(Object.keys(byStage).sort()).toEqual(['consideration', 'experience']);
    const again = await t.api('POST', `/merges/${merges.items[0]!.id}/undo`, {});
    expect(again.statusCode).toBe(409);
  });

  it('does not merge two identified people who share a device', async () => {
    await t.ingest([
      anIdentify({ anonymousId: 'family-tablet', userId: 'ayah', timestamp: at(0) }),
      anIdentify({ anonymousId: 'family-tablet', userId: 'ibu', timestamp: at(1) }),
    ]);
    expect(await customers()).toHaveLength(2);
  });

  it('replays a customer when an event arrives late, as if it had come in order', async () => {
    await t.ingest([aTrack({ anonymousId: 'late', event: 'Order Completed', timestamp: at(10) })]);
    await t.ingest([
      aTrack({ anonymousId: 'late', event: 'Ad Clicked', timestamp: at(1) }),
      aTrack({ anonymousId: 'late', event: 'Product Viewed', timestamp: at(2) }),
    ]);
    const [c] = await customers();
    const stages = (await detail(c!.id)).timeline
      .filter((e) => e.transition === 'stage')
      .map((e) => e.to)
      .reverse();
    expect(stages).toEqual(['awareness', 'consideration', 'purchase']);
  });
});
