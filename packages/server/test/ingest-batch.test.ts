import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeMessage, toJourneyEvent } from '@jejak/core';
import { EventRepository } from '@jejak/storage';
import { DAY, HOUR, T0, aTrack, anIdentify, startTestApp, type TestApp } from './harness.ts';

/*
 * A batch is stored set-wise (one bulk read of identities and states, bulk writes), and must come out
 * exactly as if its messages had been stored one by one in arrival order. These tests pin the cases
 * where messages of one batch depend on each other.
 */

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.close());

const at = (h: number) => new Date(T0 - 20 * DAY + h * HOUR).toISOString();

interface Detail {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  traits: Record<string, unknown>;
  identityKeys: { kind: string; value: string }[];
  timeline: { kind: string; name?: string; transition?: string; to?: string; cause?: string }[];
}

async function customers() {
  return (await t.api('GET', '/customers')).json<{ items: { id: string; stage: string | null }[] }>().items;
}
async function detail(id: string) {
  return (await t.api('GET', `/customers/${id}`)).json<Detail>();
}
const stagesOf = (d: Detail) =>
  d.timeline
    .filter((e) => e.transition === 'stage')
    .map((e) => e.to)
    .reverse();
const eventsOf = (d: Detail) => d.timeline.filter((e) => e.kind === 'event').map((e) => e.name);

describe('a batch whose messages depend on each other', () => {
  it('lands a later message on the customer an earlier message of the same batch created by phone', async () => {
    const phone = '0812-7777-1234';
    const response = await t.ingest([
      aTrack({ anonymousId: 'x-1', timestamp: at(0) }),
      aTrack({ anonymousId: 'x-2', timestamp: at(1) }),
      anIdentify({ anonymousId: 'pos-1', traits: { phone }, timestamp: at(2) }),
      aTrack({ anonymousId: 'x-3', timestamp: at(3) }),
      aTrack({ anonymousId: 'x-4', timestamp: at(4) }),
      aTrack({ anonymousId: 'x-5', timestamp: at(5) }),
      anIdentify({ anonymousId: 'web-9', traits: { phone: '+62 812 7777 1234' }, timestamp: at(6) }),
      aTrack({ anonymousId: 'web-9', event: 'Order Completed', timestamp: at(7) }),
    ]);
    expect(response.json()).toMatchObject({ accepted: 8, duplicates: 0 });
    const list = await customers();
    expect(list).toHaveLength(6);
    const buyer = list.find((c) => c.stage === 'purchase')!;
    const d = await detail(buyer.id);
    expect(d.identityKeys.map((k) => `${k.kind}:${k.value}`).sort()).toEqual([
      'anonymous_id:pos-1',
      'anonymous_id:web-9',
      'phone:+6281277771234',
    ]);
    expect(eventsOf(d)).toHaveLength(3);
    expect(d.phone).toBe('+6281277771234');
  });

  it('stores a message id repeated inside the batch once and moves the journey once', async () => {
    const order = aTrack({ anonymousId: 'dup', event: 'Order Completed', timestamp: at(1) });
    const response = await t.ingest([
      aTrack({ anonymousId: 'dup', event: 'Product Viewed', timestamp: at(0) }),
      order,
      order,
      { ...order, event: 'Review Posted' },
    ]);
    expect(response.json()).toMatchObject({ accepted: 2, duplicates: 2 });
    const [c] = await customers();
    const d = await detail(c!.id);
    expect(eventsOf(d)).toEqual(['Order Completed', 'Product Viewed']);
    expect(stagesOf(d)).toEqual(['consideration', 'purchase']);
  });

  it('replays a customer whose event came late while applying another customer’s in order', async () => {
    await t.ingest([
      aTrack({ anonymousId: 'late', event: 'Order Completed', timestamp: at(10) }),
      aTrack({ anonymousId: 'steady', event: 'Ad Clicked', timestamp: at(10) }),
    ]);
    await t.ingest([
      aTrack({ anonymousId: 'steady', event: 'Product Viewed', timestamp: at(11) }),
      aTrack({ anonymousId: 'late', event: 'Ad Clicked', timestamp: at(1) }),
      aTrack({ anonymousId: 'steady', event: 'Order Completed', timestamp: at(12) }),
      aTrack({ anonymousId: 'late', event: 'Product Viewed', timestamp: at(2) }),
      aTrack({ anonymousId: 'late', event: 'Product Viewed', timestamp: at(13) }),
    ]);
    const list = await customers();
    expect(list).toHaveLength(2);
    const byKey = new Map<string, Detail>();
    for (const c of list) {
      const d = await detail(c.id);
      byKey.set(d.identityKeys[0]!.value, d);
    }
    expect(stagesOf(byKey.get('late')!)).toEqual(['awareness', 'consideration', 'purchase']);
    expect(stagesOf(byKey.get('steady')!)).toEqual(['awareness', 'consideration', 'purchase']);
    expect(eventsOf(byKey.get('late')!)).toHaveLength(4);
  });

  it('merges two customers met earlier in the same batch and keeps applying the merged journey', async () => {
    const response = await t.ingest([
      aTrack({ anonymousId: 'laptop', event: 'Ad Clicked', timestamp: at(0) }),
      aTrack({ anonymousId: 'phone', event: 'Product Viewed', timestamp: at(1) }),
      anIdentify({ anonymousId: 'laptop', userId: 'u-9', traits: { name: 'Rina' }, timestamp: at(2) }),
      anIdentify({
        anonymousId: 'phone',
        userId: 'u-9',
        traits: { email: 'rina@toko.id' },
        timestamp: at(3),
      }),
      aTrack({ anonymousId: 'phone', event: 'Order Completed', timestamp: at(4) }),
      aTrack({ anonymousId: 'bystander', event: 'Ad Clicked', timestamp: at(5) }),
    ]);
    expect(response.json()).toMatchObject({ accepted: 6, duplicates: 0 });
    const list = await customers();
    expect(list).toHaveLength(2);
    const rina = await detail(list.find((c) => c.stage === 'purchase')!.id);
    expect(rina.identityKeys.map((k) => k.value).sort()).toEqual(['laptop', 'phone', 'rina@toko.id', 'u-9']);
    expect(eventsOf(rina)).toHaveLength(5);
    expect(stagesOf(rina)).toEqual(['awareness', 'consideration', 'purchase']);
    expect([rina.name, rina.email]).toEqual(['Rina', 'rina@toko.id']);
    const merges = (await t.api('GET', '/merges')).json<{ items: unknown[] }>();
    expect(merges.items).toHaveLength(1);
  });

  it('folds several identifies of one customer in message order: the later trait wins, the rest stays', async () => {
    await t.ingest([
      anIdentify({ userId: 'u-5', traits: { name: 'Budi', tier: 'silver' }, timestamp: at(0) }),
    ]);
    await t.ingest([
      anIdentify({ userId: 'u-5', traits: { tier: 'gold', email: 'BUDI@toko.id' }, timestamp: at(1) }),
      aTrack({ userId: 'u-5', timestamp: at(2) }),
      anIdentify({ userId: 'u-5', traits: { name: 'Budi Santoso' }, timestamp: at(3) }),
      anIdentify({ userId: 'u-5', traits: {}, timestamp: at(9) }),
      anIdentify({ userId: 'u-6', traits: { name: 'Ani' }, timestamp: at(4) }),
      anIdentify({ userId: 'u-6', traits: { phone: '0812 1111 2222' }, timestamp: at(5) }),
    ]);
    const list = await customers();
    const details = await Promise.all(list.map((c) => detail(c.id)));
    const budi = details.find((d) => d.identityKeys.some((k) => k.value === 'u-5'))!;
    expect(budi).toMatchObject({ name: 'Budi Santoso', email: 'budi@toko.id' });
    expect(budi.traits).toEqual({ name: 'Budi Santoso', tier: 'gold', email: 'BUDI@toko.id' });
    const ani = details.find((d) => d.identityKeys.some((k) => k.value === 'u-6'))!;
    expect(ani).toMatchObject({ name: 'Ani', phone: '+6281211112222' });
  });
});

/** Each live customer by its identity keys, with its events, profile, journey state and transitions. */
async function snapshot(workspaceId: string) {
  const db = t.store.db;
  const keys = await db
    .selectFrom('identity_keys')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .execute();
  const customers = await db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .execute();
  const events = await db.selectFrom('events').selectAll().where('workspace_id', '=', workspaceId).execute();
  const states = await db
    .selectFrom('journey_states')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .execute();
  const transitions = await db
    .selectFrom('transitions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const merges = await db
    .selectFrom('merges')
    .select('cause_message_id')
    .where('workspace_id', '=', workspaceId)
    .execute();
  return {
    merges: merges.map((m) => m.cause_message_id).sort(),
    customers: Object.fromEntries(
      customers
        .filter((c) => c.merged_into === null)
        .map((c) => {
          const own = keys.filter((k) => k.customer_id === c.id).map((k) => `${k.kind}:${k.value}`);
          const state = states.find((s) => s.customer_id === c.id);
          return [
            own.sort().join(' '),
            {
              profile: [c.name, c.email, c.phone, c.traits_json, c.first_seen_at, c.last_seen_at],
              events: events
                .filter((e) => e.customer_id === c.id)
                .map((e) => `${e.message_id} ${e.identity_key}`)
                .sort(),
              state: state && [state.stage, state.status, state.due_at, state.state_json],
              transitions: transitions
                .filter((tr) => tr.customer_id === c.id)
                .map((tr) => `${tr.kind} ${tr.from_value}>${tr.to_value} ${tr.at} ${tr.cause}`),
            },
          ];
        }),
    ),
  };
}

/**
 * The reference the batch path must match: the per-message services (resolve, store, profile, journey)
 * called for one message at a time, each in its own transaction, into a second workspace.
 */
async function ingestOneByOne(messages: readonly unknown[], workspaceId?: string) {
  const { identity, journey, store, now } = t.services;
  const workspace = workspaceId
    ? { id: workspaceId }
    : await t.services.workspaces.create({ name: 'Satu per satu' });
  for (const raw of messages) {
    const normalized = normalizeMessage(raw, { receivedAt: now() });
    if (!normalized.ok) continue;
    const message = normalized.message;
    await store.db.transaction().execute(async (trx) => {
      const events = new EventRepository(trx);
      if ((await events.existing(workspace.id, [message.messageId])).size > 0) return;
      const { customerId, identityKey, merged } = await identity.resolve(trx, workspace.id, message);
      await events.insert({
        workspace_id: workspace.id,
        message_id: message.messageId,
        customer_id: customerId,
        type: message.type,
        name: message.name,
        channel: message.channel,
        at: message.at,
        received_at: message.receivedAt,
        identity_key: identityKey,
        properties_json: JSON.stringify(message.properties),
        payload_json: '{}',
      });
      if (message.type === 'identify') await identity.updateProfile(trx, workspace.id, customerId, message);
      const rules = await journey.rulesFor(trx, workspace.id);
      await journey.apply(trx, workspace.id, customerId, toJourneyEvent(message), rules, merged.length > 0);
    });
  }
  return workspace;
}

describe('a batch against the same messages stored one by one', () => {
  it('ends in the same customers, keys, profiles, journeys and transitions', async () => {
    const messages = [
      aTrack({ anonymousId: 'a', event: 'Ad Clicked', timestamp: at(0) }),
      aTrack({ anonymousId: 'b', event: 'Product Viewed', timestamp: at(1) }),
      anIdentify({
        anonymousId: 'a',
        userId: 'u-1',
        traits: { name: 'Sari', phone: '0812 3000 4000' },
        timestamp: at(2),
      }),
      aTrack({ anonymousId: 'b', event: 'Order Completed', timestamp: at(3) }),
      anIdentify({ anonymousId: 'b', traits: { phone: '+6281230004000' }, timestamp: at(4) }),
      aTrack({ anonymousId: 'a', event: 'Product Viewed', timestamp: at(1.5) }),
      anIdentify({ anonymousId: 'tablet', userId: 'ayah', timestamp: at(5) }),
      anIdentify({ anonymousId: 'tablet', userId: 'ibu', timestamp: at(6) }),
      aTrack({ anonymousId: 'tablet', event: 'Order Completed', timestamp: at(7) }),
      { type: 'alias', messageId: 'alias-1', previousId: 'c', userId: 'u-2', timestamp: at(8) },
      aTrack({ anonymousId: 'c', event: 'Review Posted', properties: { rating: 5 }, timestamp: at(9) }),
      aTrack({ userId: 'u-2', anonymousId: undefined, event: 'Order Completed', timestamp: at(8.5) }),
      aTrack({ anonymousId: 'd', event: 'Ticket Opened', timestamp: at(10) }),
    ];
    const other = await ingestOneByOne(messages);
    expect((await t.ingest(messages)).json()).toMatchObject({ accepted: messages.length });

    const batched = await snapshot(t.workspace.id);
    expect(batched.merges).toHaveLength(1);
    expect(Object.keys(batched.customers).length).toBeGreaterThan(3);
    expect(batched).toEqual(await snapshot(other.id));
  });
});

/**
 * A seeded mix of what makes batches hard: people on several devices, shared devices, identifies
 * with phones and emails written two ways, aliases, late events, repeated message ids.
 */
function generatedStream(seed: number, count: number): Record<string, unknown>[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const people = Array.from({ length: 25 }, (_, i) => ({
    devices: [`dev-${i}-a`, `dev-${i}-b`],
    userId: i % 3 === 0 ? undefined : `user-${i}`,
    phone: i % 2 === 0 ? `0812 5555 ${String(1000 + i)}` : undefined,
  }));
  const stream: Record<string, unknown>[] = [];
  for (let n = 0; n < count; n++) {
    if (n > 0 && random() < 0.04) {
      stream.push(pick(stream));
      continue;
    }
    const person = pick(people);
    const late = random() < 0.1 ? 30 * HOUR : 0;
    const base = {
      messageId: `gen-${seed}-${n}`,
      anonymousId: random() < 0.05 ? 'kiosk' : pick(person.devices),
      timestamp: new Date(T0 - 20 * DAY + n * HOUR - late).toISOString(),
      ...(person.userId !== undefined && random() < 0.4 ? { userId: person.userId } : {}),
    };
    const kind = random();
    if (kind < 0.15) {
      const phone =
        person.phone && random() < 0.7
          ? { phone: random() < 0.5 ? person.phone : person.phone.replace(/^0/, '+62 ') }
          : {};
      stream.push({
        ...base,
        type: 'identify',
        traits: { ...phone, ...(random() < 0.5 ? { name: pick(['Siti', 'Budi']) } : {}) },
      });
    } else if (kind < 0.18 && person.userId !== undefined) {
      const { anonymousId: _anonymousId, ...rest } = base;
      stream.push({ ...rest, type: 'alias', previousId: pick(person.devices), userId: person.userId });
    } else {
      stream.push({
        ...base,
        type: 'track',
        event: pick(['Ad Clicked', 'Product Viewed', 'Order Completed', 'Ticket Opened', 'Review Posted']),
        properties: { rating: 1 + Math.floor(random() * 5) },
      });
    }
  }
  return stream;
}

describe('a generated stream in batches against the same stream stored one message at a time', () => {
  it.each([1, 2])('ends the same, with the clock job running between batches (seed %i)', async (seed) => {
    const messages = generatedStream(seed, 160);
    const other = await ingestOneByOne([]);
    for (let i = 0; i < messages.length; i += 40) {
      const batch = messages.slice(i, i + 40);
      expect((await t.ingest(batch)).statusCode).toBe(200);
      await ingestOneByOne(batch, other.id);
      // A clock ahead of the next batch's events makes those late for whom it advanced: replays,
      // which must reach that clock again. Not after the last batch, where it would hide a replay that fell short.
      if (i + 40 >= messages.length) break;
      t.setNow(T0 - 20 * DAY + (i + 40) * HOUR + 4 * DAY);
      await t.services.journey.advanceDue();
    }
    const batched = await snapshot(t.workspace.id);
    expect(batched.merges.length).toBeGreaterThan(0);
    expect(batched).toEqual(await snapshot(other.id));
  });
});

describe('batches posted at the same time', () => {
  it('stores every one of them, each answered with its own counts', async () => {
    const batchOf = (n: number) => [
      aTrack({ anonymousId: `par-${n}`, event: 'Ad Clicked', timestamp: at(n) }),
      aTrack({ anonymousId: `par-${n}`, event: 'Order Completed', timestamp: at(n + 1) }),
      ...(n === 2 ? [aTrack({ event: '' })] : []),
    ];
    const responses = await Promise.all([0, 1, 2, 3].map((n) => t.ingest(batchOf(n))));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const bodies = responses.map((r) =>
      r.json<{ accepted: number; duplicates: number; rejected: unknown[] }>(),
    );
    expect(bodies.map((b) => [b.accepted, b.duplicates, b.rejected.length])).toEqual([
      [2, 0, 0],
      [2, 0, 0],
      [2, 0, 1],
      [2, 0, 0],
    ]);
    const list = await customers();
    expect(list.map((c) => c.stage)).toEqual(['purchase', 'purchase', 'purchase', 'purchase']);
  });
});
