import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, T0, aTrack, anIdentify, startTestApp, type ErrorBody, type TestApp } from './harness.ts';

interface ListItem {
  id: string;
  name: string | null;
  stage: string | null;
  status: string | null;
  value: number;
  lastSeenAt: number;
}

type Entry =
  | { kind: 'event'; at: number; name: string; messageId: string; campaign: Record<string, string> | null }
  | {
      kind: 'transition';
      at: number;
      transition: string;
      to: string;
      cause: string;
      causeName: string | null;
    };

interface Detail {
  id: string;
  value: number;
  firstTouch: { name: string; channel: string; campaign: Record<string, string> | null } | null;
  identityKeys: { kind: string; value: string }[];
  transitions: Extract<Entry, { kind: 'transition' }>[];
  timeline: Entry[];
  timelineNextCursor: string | null;
}

const at = (h: number) => new Date(T0 - 20 * DAY + h * HOUR).toISOString();
const campaign = { source: 'instagram', medium: 'social', name: 'promo-gajian' };

let t: TestApp;
let dewi: ListItem;
let budi: ListItem;

async function list(query = ''): Promise<ListItem[]> {
  const response = await t.api('GET', `/customers${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: ListItem[] }>().items;
}
const detail = async (id: string) => (await t.api('GET', `/customers/${id}`)).json<Detail>();

beforeAll(async () => {
  t = await startTestApp();
  await t.ingest([
    aTrack({
      anonymousId: 'dewi-hp',
      type: 'page',
      name: 'Beranda',
      event: undefined,
      properties: { path: '/' },
      context: { campaign },
      timestamp: at(0),
    }),
    anIdentify({
      anonymousId: 'dewi-hp',
      userId: 'u-dewi',
      traits: { name: 'Dewi Lestari', email: 'Dewi@Kopi.ID', phone: '0812-1111-2222' },
      timestamp: at(1),
    }),
    aTrack({
      userId: 'u-dewi',
      anonymousId: undefined,
      event: 'Order Completed',
      properties: { total: 85_000 },
      timestamp: at(2),
    }),
    aTrack({
      userId: 'u-dewi',
      anonymousId: undefined,
      event: 'Order Completed',
      properties: { revenue: 40_000 },
      timestamp: at(100),
    }),
    aTrack({ anonymousId: 'budi-laptop', event: 'Product Viewed', timestamp: at(3) }),
    anIdentify({ anonymousId: 'budi-laptop', traits: { name: 'Budi Santoso' }, timestamp: at(4) }),
  ]);
  const items = await list();
  dewi = items.find((c) => c.name === 'Dewi Lestari')!;
  budi = items.find((c) => c.name === 'Budi Santoso')!;
});
afterAll(() => t.close());

describe('customers list', () => {
  it('shows each customer’s stage, status, last seen and the worth of his orders in Rupiah', () => {
    expect(dewi).toMatchObject({ stage: 'retention', value: 125_000, lastSeenAt: Date.parse(at(100)) });
    expect(budi).toMatchObject({ stage: 'consideration', status: 'new', value: 0 });
  });

  it('finds a customer by any identity key, written the way a person types it', async () => {
    const names = async (search: string) =>
      (await list(`?search=${encodeURIComponent(search)}`)).map((c) => c.name);
    expect(await names('DEWI@kopi.id')).toEqual(['Dewi Lestari']);
    expect(await names('+62 812-1111-2222')).toEqual(['Dewi Lestari']);
    expect(await names('dewi-hp')).toEqual(['Dewi Lestari']);
    expect(await names('budi-laptop')).toEqual(['Budi Santoso']);
    expect(await names('santos')).toEqual(['Budi Santoso']);
  });

  it('filters by stage and by status', async () => {
    expect((await list('?stage=consideration')).map((c) => c.name)).toEqual(['Budi Santoso']);
    expect((await list('?stage=retention&status=new')).map((c) => c.name)).toEqual([]);
    const bad = await t.api('GET', '/customers?status=sleepy');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toMatch(/status/);
  });

  it('pages with a limit given in the query string, and refuses one that is no number', async () => {
    const first = (await t.api('GET', '/customers?limit=1')).json<{
      items: ListItem[];
      nextCursor: string;
    }>();
    expect(first.items.map((c) => c.name)).toEqual(['Dewi Lestari']);
    const rest = await list(`?limit=1&cursor=${first.nextCursor}`);
    expect(rest.map((c) => c.name)).toEqual(['Budi Santoso']);
    const bad = await t.api('GET', '/customers?limit=lots');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toMatch(/limit/);
  });

  it('refuses a cursor it did not hand out, naming it', async () => {
    const response = await t.api('GET', '/customers?cursor=not-a-cursor');
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.code).toBe('invalid_cursor');
  });
});

describe('customer page', () => {
  it('names the event that caused each move, and the clock for a move in time', async () => {
    const page = await detail(dewi.id);
    expect(page.transitions.filter((m) => m.transition === 'stage').map((m) => [m.to, m.causeName])).toEqual([
      ['retention', 'Order Completed'],
      ['experience', null],
      ['purchase', 'Order Completed'],
      ['awareness', 'Page Viewed'],
    ]);
    expect(page.transitions.find((m) => m.to === 'experience')?.cause).toBe('clock');
  });

  it('shows where the customer came from, with the campaign of the page he landed on', async () => {
    const page = await detail(dewi.id);
    expect(page.value).toBe(125_000);
    expect(page.firstTouch).toMatchObject({ name: 'Page Viewed', channel: 'social', campaign });
    const landing = page.timeline.find((e) => e.kind === 'event' && e.name === 'Page Viewed');
    expect(landing).toMatchObject({ campaign });
    expect(page.identityKeys.map((k) => k.kind).sort()).toEqual([
      'anonymous_id',
      'email',
      'phone',
      'user_id',
    ]);
  });

  it('pages the timeline newest first, each entry once, a move above the event that caused it', async () => {
    const whole = (await detail(dewi.id)).timeline;
    const paged: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await t.api(
        'GET',
        `/customers/${dewi.id}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: Entry[]; nextCursor: string | null }>();
      paged.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 50);
    expect(paged).toEqual(whole);
    expect(pages).toBe(Math.ceil(whole.length / 2));
    const times = paged.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const order = paged.findIndex((e) => e.kind === 'event' && e.at === Date.parse(at(2)));
    expect(paged[order - 1]).toMatchObject({ kind: 'transition', to: 'purchase' });
  });

  it('answers 404 for the timeline of a customer of no one, and 400 for a foreign cursor', async () => {
    expect((await t.api('GET', '/customers/nobody/timeline')).statusCode).toBe(404);
    const response = await t.api('GET', `/customers/${dewi.id}/timeline?cursor=WzEsMl0`);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.code).toBe('invalid_cursor');
  });
});

describe('merges of one customer', () => {
  it('lists the merges a customer took part in, and the value follows the orders', async () => {
    const merged = await t.api('POST', '/merges', { survivorId: budi.id, mergedId: dewi.id });
    expect(merged.statusCode, merged.body).toBe(201);
    const mergeId = merged.json<{ id: string }>().id;
    expect((await list()).map((c) => [c.name, c.value])).toEqual([['Budi Santoso', 125_000]]);
    for (const id of [budi.id, dewi.id]) {
      const page = (await t.api('GET', `/merges?customerId=${id}`)).json<{ items: { id: string }[] }>();
      expect(page.items.map((m) => m.id)).toEqual([mergeId]);
    }
    const stranger = (await t.api('GET', '/merges?customerId=nobody')).json<{ items: unknown[] }>();
    expect(stranger.items).toEqual([]);

    expect((await t.api('POST', `/merges/${mergeId}/undo`)).statusCode).toBe(200);
    expect((await detail(dewi.id)).value).toBe(125_000);
    expect((await detail(budi.id)).value).toBe(0);
  });
});
