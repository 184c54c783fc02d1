import { sql } from 'kysely';
import { CustomerRepository } from '@jejak/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, T0, aTrack, anIdentify, startTestApp, type ErrorBody, type TestApp } from './harness.ts';

/*
 * Saved segments kept current through ingestion, the segment clock and rule edits, each time checked
 * against the same rule written as SQL over the stored customers and events.
 */

const RULES = {
  match: 'all',
  conditions: [
    { type: 'event_count', event: 'Order Completed', days: 30, op: 'gte', value: 2 },
    {
      match: 'any',
      conditions: [
        { type: 'trait', trait: 'city', op: 'eq', value: 'Bandung' },
        {
          type: 'event_sum',
          event: 'Order Completed',
          property: 'revenue',
          days: 30,
          op: 'gte',
          value: 100_000,
        },
      ],
    },
  ],
};

let t: TestApp;
let ws: string;
let segmentId: string;

/** A small pseudo-random generator, so the data is the same on every run and dialect. */
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function order(user: string, at: number, revenue: number) {
  return aTrack({
    userId: user,
    anonymousId: undefined,
    event: 'Order Completed',
    properties: { revenue, total: revenue },
    timestamp: new Date(at).toISOString(),
  });
}

/** The segment's rule, in SQL, at `now`. */
async function membersBySql(now: number, minOrders = 2): Promise<string[]> {
  const postgres = t.store.dialect === 'postgres';
  const city = postgres
    ? sql.raw(`(c.traits_json::json->>'city')`)
    : sql.raw(`json_extract(c.traits_json, '$.city')`);
  const revenue = postgres
    ? sql.raw(`(e.properties_json::json->>'revenue')::numeric`)
    : sql.raw(`json_extract(e.properties_json, '$.revenue')`);
  const since = now - 30 * DAY;
  const result = await sql<{ id: string }>`
    select c.id from customers c
    where c.workspace_id = ${ws} and c.merged_into is null and c.erased_at is null
      and (select count(*) from events e where e.workspace_id = c.workspace_id and e.customer_id = c.id
           and e.name = 'Order Completed' and e.at > ${since} and e.at <= ${now}) >= ${minOrders}
      and (lower(${city}) = 'bandung'
           or (select coalesce(sum(${revenue}), 0) from events e where e.workspace_id = c.workspace_id
               and e.customer_id = c.id and e.name = 'Order Completed' and e.at > ${since} and e.at <= ${now}) >= 100000)
    order by c.id`.execute(t.store.db);
  return result.rows.map((r) => r.id);
}

async function membersByApi(): Promise<string[]> {
  const page = await t.api('GET', `/segments/${segmentId}/members?limit=500`);
  expect(page.statusCode).toBe(200);
  return page
    .json<{ items: { customerId: string }[] }>()
    .items.map((m) => m.customerId)
    .sort();
}

async function segmentEvents(name: string): Promise<{ customer_id: string; properties_json: string }[]> {
  return t.store.db
    .selectFrom('events')
    .select(['customer_id', 'properties_json'])
    .where('workspace_id', '=', ws)
    .where('name', '=', name)
    .execute();
}

beforeAll(async () => {
  t = await startTestApp();
  ws = t.workspace.id;
  const random = generator(42);
  const batch: unknown[] = [];
  for (let i = 0; i < 60; i++) {
    const user = `u-${String(i).padStart(3, '0')}`;
    batch.push(
      anIdentify({
        userId: user,
        anonymousId: undefined,
        traits: { name: `Pelanggan ${i}`, city: random() < 0.4 ? 'bandung' : 'Jakarta' },
        timestamp: new Date(T0 - 60 * DAY).toISOString(),
      }),
    );
    const orders = Math.floor(random() * 4);
    for (let k = 0; k < orders; k++) {
      batch.push(
        order(user, T0 - Math.floor(random() * 40 * DAY) - 1, 20_000 + Math.floor(random() * 8) * 10_000),
      );
    }
  }
  expect((await t.ingest(batch)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('saved segments', () => {
  it('refuses invalid rules with a message naming the field', async () => {
    const bad = await t.api('POST', '/segments/preview', {
      rules: {
        match: 'all',
        conditions: [{ type: 'event_count', event: 'Order Completed', days: 0, op: 'gte', value: 1 }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toContain('/conditions/0/days');
    const loop = await t.api('POST', '/segments/preview', {
      rules: {
        match: 'all',
        conditions: [{ type: 'event_count', event: 'Segment Entered', days: 5, op: 'gte', value: 1 }],
      },
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.json<ErrorBody>().error.message).toContain('/conditions/0/event');
    const stage = await t.api('POST', '/segments/preview', {
      rules: { match: 'any', conditions: [{ type: 'stage', in: ['bulan'] }] },
    });
    expect(stage.json<ErrorBody>().error.message).toContain('/conditions/0/in/0');
  });

  it('previews, saves and lists the members SQL finds, each with a Segment Entered event', async () => {
    const expected = await membersBySql(T0);
    expect(expected.length).toBeGreaterThan(3);
    const preview = await t.api('POST', '/segments/preview', { rules: RULES });
    expect(preview.json()).toMatchObject({ members: expected.length });
    const created = await t.api('POST', '/segments', { name: 'Pembeli aktif', rules: RULES });
    expect(created.statusCode).toBe(201);
    segmentId = created.json<{ id: string }>().id;
    expect(created.json()).toMatchObject({ members: expected.length });
    expect(await membersByApi()).toEqual(expected);
    const entered = await segmentEvents('Segment Entered');
    expect(entered.map((e) => e.customer_id).sort()).toEqual(expected);
    expect(JSON.parse(entered[0]!.properties_json)).toEqual({
      segment_id: segmentId,
      segment_name: 'Pembeli aktif',
    });
  });

  it('keeps membership current as events arrive, in the ingesting transaction', async () => {
    const before = await membersBySql(T0);
    const outsiders = await t.store.db
      .selectFrom('identity_keys')
      .select(['value', 'customer_id'])
      .where('workspace_id', '=', ws)
      .where('kind', '=', 'user_id')
      .where('customer_id', 'not in', before)
      .orderBy('value')
      .execute();
    const joining = outsiders.slice(0, 3);
    const batch = joining.flatMap((o) => [
      order(o.value, T0 - 2 * DAY, 150_000),
      order(o.value, T0 - DAY, 150_000),
    ]);
    expect((await t.ingest(batch)).statusCode).toBe(200);
    const after = await membersBySql(T0);
    for (const o of joining) expect(after).toContain(o.customer_id);
    expect(await membersByApi()).toEqual(after);
    const entered = (await segmentEvents('Segment Entered')).map((e) => e.customer_id);
    for (const o of joining) expect(entered).toContain(o.customer_id);
    // The customer page shows the segment; the timeline shows the event.
    const mine = await t.api('GET', `/customers/${joining[0]!.customer_id}/segments`);
    expect(mine.json()).toMatchObject({ items: [{ id: segmentId, name: 'Pembeli aktif' }] });
  });

  it('lets members whose orders leave the window go when the segment clock passes their due time', async () => {
    const before = await membersByApi();
    t.setNow(T0 + 12 * DAY);
    const evaluated = await t.services.segments.tick();
    expect(evaluated).toBeGreaterThan(0);
    const expected = await membersBySql(T0 + 12 * DAY);
    expect(expected.length).toBeLessThan(before.length);
    expect(await membersByApi()).toEqual(expected);
    const left = (await segmentEvents('Segment Left')).map((e) => e.customer_id).sort();
    expect(left).toEqual(before.filter((id) => !expected.includes(id)));
    // Nobody else is due before the next window edge: a second tick at the same time does nothing.
    expect(await t.services.segments.tick()).toBe(0);
  });

  it('recomputes membership when the rules are edited, and records a daily count for the trend', async () => {
    const wider = { ...RULES, conditions: [{ ...RULES.conditions[0]!, value: 1 }, RULES.conditions[1]!] };
    const preview = await t.api('POST', '/segments/preview', { rules: wider });
    const edited = await t.api('PUT', `/segments/${segmentId}`, { name: 'Pembeli aktif', rules: wider });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ members: preview.json<{ members: number }>().members });
    const trend = await t.api('GET', '/segments/trend?days=30');
    const items = trend.json<{ items: { segmentId: string; day: string; members: number }[] }>().items;
    expect(items.filter((i) => i.segmentId === segmentId).map((i) => i.day)).toEqual([
      '2026-06-01',
      '2026-06-13',
    ]);
    expect(items.at(-1)!.members).toBe(preview.json<{ members: number }>().members);
    const csv = await t.api('GET', `/segments/${segmentId}/members.csv`);
    expect(csv.body.split('\n')[0]).toBe('customer_id,name,email,phone,entered_at');
  });

  it('gives promotions restricted to a segment the saved segments a customer is in', async () => {
    const [member] = await membersByApi();
    const customer = (await new CustomerRepository(t.store.db).get(ws, member!))!;
    expect((await t.services.promotionAudience.of(t.store.db, ws, customer)).segments).toContain(
      'Pembeli aktif',
    );
  });

  it('takes a customer merged into another out of his segments, and puts him back when the merge is undone', async () => {
    const now = T0 + 12 * DAY;
    const [survivor, merged] = await membersByApi();
    const merge = await t.services.merges.merge(ws, survivor!, merged!);
    expect(await membersByApi()).not.toContain(merged);
    // The rules were widened above to one order or more.
    expect(await membersByApi()).toEqual(await membersBySql(now, 1));
    await t.services.merges.undo(ws, merge.id);
    expect(await membersByApi()).toContain(merged);
    expect(await membersByApi()).toEqual(await membersBySql(now, 1));
  });

  it('does not let Segment Entered and Left events move the journey', async () => {
    const customer = (await membersByApi())[0]!;
    const state = await t.store.db
      .selectFrom('journey_states')
      .select(['stage', 'status', 'last_message_id'])
      .where('workspace_id', '=', ws)
      .where('customer_id', '=', customer)
      .executeTakeFirstOrThrow();
    expect(state.last_message_id.startsWith('segment-')).toBe(false);
    const rules = await t.services.journey.rulesFor(t.store.db, ws);
    await t.services.journey.replayCustomer(t.store.db, ws, customer, rules, t.services.now());
    const replayed = await t.store.db
      .selectFrom('journey_states')
      .select(['stage', 'status', 'last_message_id'])
      .where('workspace_id', '=', ws)
      .where('customer_id', '=', customer)
      .executeTakeFirstOrThrow();
    expect(replayed).toEqual(state);
  });
});
