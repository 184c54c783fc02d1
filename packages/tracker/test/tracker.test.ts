import { describe, expect, it } from 'vitest';
import { memoryStore } from '../src/store.ts';
import { KEYS, Tracker } from '../src/tracker.ts';
import { aBrowser, T0 } from './tracker.factory.ts';

describe('Tracker messages', () => {
  it('sends a page view in Segment’s shape, with the page, the library and the browser as context', async () => {
    const browser = aBrowser({ url: 'https://kopisari.id/menu?ukuran=besar' });
    new Tracker(browser.env).page();
    await browser.tick();
    expect(browser.sent).toHaveLength(1);
    const { body } = browser.sent[0]!;
    expect(body.writeKey).toBe('jk_write_test');
    expect(body.sentAt).toBe(new Date(T0).toISOString());
    expect(body.batch).toEqual([
      {
        type: 'page',
        messageId: 'id-2',
        timestamp: new Date(T0).toISOString(),
        anonymousId: 'id-1',
        properties: {
          url: 'https://kopisari.id/menu?ukuran=besar',
          path: '/menu',
          search: '?ukuran=besar',
          title: 'Kopi Sari',
          referrer: '',
        },
        context: {
          library: { name: 'jejak-tracker', version: '0.1.0' },
          page: {
            url: 'https://kopisari.id/menu?ukuran=besar',
            path: '/menu',
            search: '?ukuran=besar',
            title: 'Kopi Sari',
            referrer: '',
          },
          userAgent: 'Mozilla/5.0 (Test)',
          locale: 'id-ID',
          timezone: 'Asia/Jakarta',
        },
      },
    ]);
  });

  it('names the referral code of the link that brought the visitor as Segment’s context.referrer', async () => {
    const browser = aBrowser();
    new Tracker({ ...browser.env, referralCode: 'K7QXH3' }).identify('u-1', { name: 'Budi' });
    await browser.tick();
    expect(browser.sent[0]!.body.batch[0]).toMatchObject({
      type: 'identify',
      context: { referrer: { type: 'jejak', id: 'K7QXH3' } },
    });
  });

  it('sends custom events with their properties, and ignores an event without a name', async () => {
    const browser = aBrowser();
    const tracker = new Tracker(browser.env);
    tracker.track('Product Added', { product_id: 'kopi-susu', price: 25_000 });
    tracker.track('   ');
    tracker.track('Cart Viewed', ['not', 'properties'] as unknown as Record<string, unknown>);
    await browser.tick();
    expect(browser.messages().map((m) => [m.type, m.event, m.properties])).toEqual([
      ['track', 'Product Added', { product_id: 'kopi-susu', price: 25_000 }],
      ['track', 'Cart Viewed', {}],
    ]);
  });

  it('keeps the anonymous id between visits, and adds the user id once the visitor logs in', async () => {
    const store = memoryStore();
    const first = aBrowser({ store });
    const tracker = new Tracker(first.env);
    tracker.page();
    tracker.identify('c-42', { name: 'Siti', phone: '0812-3456-7890' });
    tracker.track('Order Completed', { total: 45_000 });
    await first.tick();
    const [page, identify, order] = first.messages();
    expect(page).toMatchObject({ anonymousId: 'id-1' });
    expect(page).not.toHaveProperty('userId');
    expect(identify).toMatchObject({
      type: 'identify',
      anonymousId: 'id-1',
      userId: 'c-42',
      traits: { name: 'Siti', phone: '0812-3456-7890' },
    });
    expect(order).toMatchObject({ anonymousId: 'id-1', userId: 'c-42' });

    const nextVisit = aBrowser({ store });
    new Tracker(nextVisit.env).page();
    await nextVisit.tick();
    expect(nextVisit.messages()[0]).toMatchObject({ anonymousId: 'id-1', userId: 'c-42' });
  });

  it('takes traits alone on an identify, without a user id', async () => {
    const browser = aBrowser();
    new Tracker(browser.env).identify({ email: 'siti@kopisari.id' });
    await browser.tick();
    expect(browser.messages()[0]).toMatchObject({ type: 'identify', traits: { email: 'siti@kopisari.id' } });
    expect(browser.messages()[0]).not.toHaveProperty('userId');
  });

  it('forgets the visitor at logout: no user id, a new anonymous id', async () => {
    const browser = aBrowser();
    const tracker = new Tracker(browser.env);
    tracker.identify('c-42');
    tracker.reset();
    tracker.track('Page Left');
    await browser.tick();
    const last = browser.messages().at(-1)!;
    expect(last.anonymousId).not.toBe('id-1');
    expect(last).not.toHaveProperty('userId');
    expect(browser.env.store.get(KEYS.userId)).toBeNull();
    expect(browser.env.store.get(KEYS.anonymousId)).toBe(last.anonymousId);
  });
});

describe('Tracker campaign', () => {
  it('takes the UTM parameters of the landing page as the campaign, and keeps it for the visit', async () => {
    const browser = aBrowser({
      url: 'https://kopisari.id/?utm_source=instagram&utm_medium=social&utm_campaign=promo-gajian&utm_content=reel',
    });
    const tracker = new Tracker(browser.env);
    tracker.page();
    browser.goTo('https://kopisari.id/menu');
    tracker.page();
    tracker.track('Product Viewed');
    await browser.tick();
    const campaign = { name: 'promo-gajian', source: 'instagram', medium: 'social', content: 'reel' };
    for (const message of browser.messages()) {
      expect((message.context as { campaign?: unknown }).campaign).toEqual(campaign);
    }
    expect(browser.messages()[1]).toMatchObject({
      properties: { path: '/menu', referrer: (browser.messages()[0]!.properties as { url: string }).url },
    });
  });

  it('takes a new campaign when the visitor lands again from another link', async () => {
    const browser = aBrowser({ url: 'https://kopisari.id/?utm_source=instagram' });
    const tracker = new Tracker(browser.env);
    tracker.page();
    browser.goTo('https://kopisari.id/promo?utm_source=whatsapp&utm_medium=chat');
    tracker.page();
    await browser.tick();
    const campaigns = browser.messages().map((m) => (m.context as { campaign?: unknown }).campaign);
    expect(campaigns).toEqual([{ source: 'instagram' }, { source: 'whatsapp', medium: 'chat' }]);
  });

  it('sends no campaign for a visit that came without one', async () => {
    const browser = aBrowser();
    new Tracker(browser.env).page();
    await browser.tick();
    expect(browser.messages()[0]!.context).not.toHaveProperty('campaign');
  });
});

describe('Tracker batching', () => {
  it('waits a moment and sends what came meanwhile as one batch', async () => {
    const browser = aBrowser();
    const tracker = new Tracker(browser.env, { flushInterval: 1000 });
    tracker.page();
    tracker.track('Product Viewed');
    expect(browser.sent).toHaveLength(0);
    expect(browser.timers.map((t) => t.ms)).toEqual([1000]);
    await browser.tick();
    expect(browser.sent.map((s) => s.body.batch.length)).toEqual([2]);
    expect(tracker.pending).toBe(0);
  });

  it('sends at once when enough messages are waiting', async () => {
    const browser = aBrowser();
    const tracker = new Tracker(browser.env, { flushAt: 3 });
    for (let i = 0; i < 3; i++) tracker.track(`Step ${i}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(browser.sent.map((s) => s.body.batch.length)).toEqual([3]);
  });

  it('tries a failed batch again later, in order, and drops one the server refuses', async () => {
    const browser = aBrowser({ answers: ['failed', 'sent', 'refused'] });
    const tracker = new Tracker(browser.env);
    tracker.track('First');
    await browser.tick();
    expect(tracker.pending).toBe(1);
    expect(browser.timers.map((t) => t.ms)).toEqual([1000]);
    tracker.track('Second');
    await browser.tick();
    expect(browser.sent.map((s) => s.body.batch.map((m) => m.event))).toEqual([
      ['First'],
      ['First', 'Second'],
    ]);
    tracker.track('Refused');
    await browser.tick();
    expect(tracker.pending).toBe(0);
  });

  it('gives a batch up after the last attempt, so a dead server does not fill the page’s memory', async () => {
    const browser = aBrowser({ answers: Array(10).fill('failed') });
    const tracker = new Tracker(browser.env, { maxAttempts: 3 });
    tracker.track('Lost');
    for (let i = 0; i < 5; i++) await browser.tick();
    expect(browser.sent).toHaveLength(3);
    expect(tracker.pending).toBe(0);
  });

  it('sends everything left as beacons when the page goes away, each under the beacon limit', async () => {
    const browser = aBrowser();
    const tracker = new Tracker(browser.env, { flushAt: 1000 });
    const note = 'x'.repeat(10_000);
    for (let i = 0; i < 12; i++) tracker.track('Read', { note });
    await tracker.flush('beacon');
    expect(browser.sent.every((s) => s.mode === 'beacon')).toBe(true);
    expect(browser.sent.reduce((n, s) => n + s.body.batch.length, 0)).toBe(12);
    for (const s of browser.sent) expect(JSON.stringify(s.body).length).toBeLessThan(64_000);
    expect(tracker.pending).toBe(0);
  });
});
