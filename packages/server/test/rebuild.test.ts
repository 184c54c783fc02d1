import { replay } from '@jejak/core';
import {
  EventRepository,
  JourneyStateRepository,
  TransitionRepository,
  WorkspaceRepository,
} from '@jejak/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedToJourneyEvent } from '../src/journey/journey.service.ts';
import type { RebuildProgress } from '../src/journey/rebuild.service.ts';
import { DAY, HOUR, T0, aTrack, anIdentify, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.close());

const at = (hours: number) => new Date(T0 - 20 * DAY + hours * HOUR).toISOString();

/** What a rebuild must give each customer: the replay of his stored events, to the rebuild's clock. */
async function expectEveryJourneyIsAReplay(workspaceId: string) {
  const db = t.store.db;
  const rules = await t.services.journey.rulesFor(db, workspaceId);
  const states = await db
    .selectFrom('journey_states')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .execute();
  for (const row of states) {
    const events = await new EventRepository(db).listForCustomer(workspaceId, row.customer_id);
    const expected = replay(events.map(storedToJourneyEvent), rules.rules, T0);
    expect(JSON.parse(row.state_json)).toEqual(expected.state);
    const transitions = await new TransitionRepository(db).listForCustomer(workspaceId, row.customer_id);
    expect(transitions.map((r) => [r.kind, r.from_value, r.to_value, r.at, r.cause])).toEqual(
      expected.transitions.map((r) => [r.kind, r.from, r.to, r.at, r.cause]),
    );
  }
  return states.length;
}

describe('rebuild', () => {
  it('gives every customer the replay of his events, properties read where the rules need them', async () => {
    await t.ingest([
      aTrack({
        anonymousId: 'a',
        event: 'Page Viewed',
        properties: { category: 'pricing' },
        timestamp: at(0),
      }),
      aTrack({ anonymousId: 'b', event: 'Page Viewed', properties: { category: 'blog' }, timestamp: at(1) }),
      aTrack({ anonymousId: 'a', event: 'Order Completed', timestamp: at(2) }),
      aTrack({
        anonymousId: 'c',
        event: 'Ticket Opened',
        properties: { category: 'complaint' },
        timestamp: at(3),
      }),
      aTrack({ anonymousId: 'a', event: 'Review Posted', properties: { rating: 5 }, timestamp: at(80) }),
      anIdentify({ anonymousId: 'b', userId: 'u-b', traits: { name: 'Budi' }, timestamp: at(90) }),
    ]);
    const result = await t.services.rebuild.run();
    expect(result).toMatchObject({ workspaces: 1, customers: 3, events: 6 });
    expect(await expectEveryJourneyIsAReplay(t.workspace.id)).toBe(3);
    const a = await t.api('GET', '/journey/overview');
    expect(a.json<{ stages: { key: string; customers: number }[] }>().stages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'advocacy', customers: 1 }),
        expect.objectContaining({ key: 'awareness', customers: 2 }),
      ]),
    );
  });

  it('replays a customer whose events were stored out of time order', async () => {
    await t.ingest([aTrack({ anonymousId: 'a', event: 'Order Completed', timestamp: at(10) })]);
    await t.ingest([aTrack({ anonymousId: 'a', event: 'Product Viewed', timestamp: at(1) })]);
    await t.ingest([aTrack({ anonymousId: 'b', event: 'Product Viewed', timestamp: at(2) })]);
    const result = await t.services.rebuild.run();
    expect(result).toMatchObject({ customers: 2, events: 3 });
    expect(await expectEveryJourneyIsAReplay(t.workspace.id)).toBe(2);
    const transitions = await t.store.db.selectFrom('transitions').select('id').execute();
    expect(result.transitions).toBe(transitions.length);
  });

  it('reads a message id that holds the separator of the packed read like any other', async () => {
    await t.ingest([
      aTrack({ anonymousId: 'a', messageId: 'odd\u001fid\u001f1', event: 'Page Viewed', timestamp: at(0) }),
      aTrack({ anonymousId: 'a', messageId: 'plain', event: 'Order Completed', timestamp: at(1) }),
    ]);
    expect(await t.services.rebuild.run()).toMatchObject({ customers: 1, events: 2 });
    expect(await expectEveryJourneyIsAReplay(t.workspace.id)).toBe(1);
  });

  it('rebuilds one workspace without touching another, and reports progress to the exact count', async () => {
    const other = await t.services.workspaces.create({ name: 'Toko Lain' });
    const otherKey = await t.services.keys.create({ workspaceId: other.id, kind: 'write', name: 'web' });
    await t.services.ingest.ingest(otherKey.row, [aTrack({ anonymousId: 'z', timestamp: at(0) })], {
      endpoint: '/v1/batch',
    });
    await t.ingest([
      aTrack({ anonymousId: 'a', timestamp: at(0) }),
      aTrack({ anonymousId: 'b', timestamp: at(1) }),
    ]);
    const before = await new JourneyStateRepository(t.store.db).get(other.id, await onlyCustomer(other.id));

    const progress: RebuildProgress[] = [];
    const result = await t.services.rebuild.run({
      workspaceId: t.workspace.id,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toMatchObject({ workspaces: 1, customers: 2, events: 2 });
    expect(progress.at(-1)).toEqual({ workspaceId: t.workspace.id, events: 2, totalEvents: 2 });
    expect(await new JourneyStateRepository(t.store.db).get(other.id, before!.customer_id)).toEqual(before);

    expect((await t.services.rebuild.run()).workspaces).toBe(
      (await new WorkspaceRepository(t.store.db).list()).length,
    );
    expect(await expectEveryJourneyIsAReplay(other.id)).toBe(1);
  });
});

/** Every transition and signal of the workspace as plain tuples, in a stable order. */
async function journeyRecord(workspaceId: string) {
  const db = t.store.db;
  const transitions = await db
    .selectFrom('transitions')
    .select([
      'customer_id',
      'kind',
      'from_value',
      'to_value',
      'at',
      'cause',
      'cause_name',
      'channel',
      'branch_id',
    ])
    .where('workspace_id', '=', workspaceId)
    .orderBy('customer_id')
    .orderBy('id')
    .execute();
  const signals = await db
    .selectFrom('journey_signals')
    .select(['customer_id', 'at', 'cause', 'stage', 'name', 'channel', 'branch_id', 'measure', 'score'])
    .select(['sentiment', 'negative', 'first_channel', 'home_branch_id'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('customer_id')
    .orderBy('at')
    .execute();
  return { transitions, signals };
}

describe('touchpoints and signals of the journey', () => {
  it('are the same after ingestion, late events included, as after a rebuild', async () => {
    const kemang = { branch_id: 'br_kemang' };
    await t.ingest([
      aTrack({ anonymousId: 'a', event: 'Store Visited', properties: kemang, timestamp: at(0) }),
      aTrack({ anonymousId: 'a', event: 'Order Completed', properties: kemang, timestamp: at(1) }),
      aTrack({
        anonymousId: 'a',
        event: 'Survey Responded',
        properties: { survey_type: 'csat', score: 2, ...kemang },
        timestamp: at(30),
      }),
      aTrack({ anonymousId: 'b', event: 'Product Viewed', timestamp: at(2) }),
      aTrack({ anonymousId: 'b', event: 'Review Posted', properties: { rating: 5 }, timestamp: at(3) }),
    ]);
    // Late: the refund sorts before the survey, so customer a is replayed.
    await t.ingest([aTrack({ anonymousId: 'a', event: 'Order Refunded', timestamp: at(20) })]);
    await t.services.journey.advanceDue();
    const ingested = await journeyRecord(t.workspace.id);

    await t.services.rebuild.run();
    expect(await journeyRecord(t.workspace.id)).toEqual(ingested);

    const moves = ingested.transitions.filter((r) => r.kind === 'stage');
    expect(moves.map((r) => [r.to_value, r.cause_name, r.branch_id]).sort()).toEqual([
      ['awareness', 'Store Visited', 'br_kemang'],
      ['consideration', 'Product Viewed', null],
      ['experience', 'Survey Responded', 'br_kemang'],
      ['purchase', 'Order Completed', 'br_kemang'],
    ]);
    const signals = ingested.signals.map((r) => [
      r.name,
      r.stage,
      r.measure,
      r.sentiment,
      r.negative,
      r.branch_id,
    ]);
    expect(signals.sort()).toEqual([
      ['Order Refunded', 'purchase', null, 'negative', 1, null],
      ['Review Posted', 'consideration', 'rating', 'positive', 0, null],
      ['Survey Responded', 'experience', 'csat', 'negative', 1, 'br_kemang'],
    ]);
  });
});

async function onlyCustomer(workspaceId: string): Promise<string> {
  const row = await t.store.db
    .selectFrom('journey_states')
    .select('customer_id')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return row.customer_id;
}
