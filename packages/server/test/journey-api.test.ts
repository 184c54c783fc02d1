import { DEFAULT_RULES } from '@jejak/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { DAY, HOUR, T0, aTrack, startTestApp, type ErrorBody, type TestApp } from './harness.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.close());

const at = (h: number) => new Date(T0 - 5 * DAY + h * HOUR).toISOString();

describe('journey API', () => {
  it('counts customers per stage and per status', async () => {
    await t.ingest([
      aTrack({ anonymousId: 'a', event: 'Page Viewed', timestamp: at(0) }),
      aTrack({ anonymousId: 'b', event: 'Product Viewed', timestamp: at(0) }),
      aTrack({ anonymousId: 'c', event: 'Order Completed', timestamp: at(0) }),
    ]);
    const overview = (await t.api('GET', '/journey/overview')).json<{
      customers: number;
      stages: { key: string; label: { id: string }; customers: number }[];
      statuses: { status: string; customers: number }[];
    }>();
    expect(overview.customers).toBe(3);
    expect(overview.stages.map((s) => [s.key, s.customers])).toEqual([
      ['awareness', 1],
      ['consideration', 1],
      ['purchase', 1],
      ['experience', 0],
      ['retention', 0],
      ['advocacy', 0],
    ]);
    expect(overview.stages[0]!.label.id).toBe('Kesadaran');
    expect(overview.statuses.find((s) => s.status === 'new')!.customers).toBe(3);
  });

  it('summarises transitions in a period and refuses a period that ends before it starts', async () => {
    await t.ingest([
      aTrack({ anonymousId: 'a', event: 'Page Viewed', timestamp: at(0) }),
      aTrack({ anonymousId: 'a', event: 'Order Completed', timestamp: at(1) }),
    ]);
    const from = new Date(T0 - 6 * DAY).toISOString();
    const summary = (await t.api('GET', `/journey/transitions?from=${from}`)).json<{
      items: { from: string | null; to: string; count: number }[];
    }>();
    expect(summary.items).toEqual(
      expect.arrayContaining([
        { from: null, to: 'awareness', count: 1 },
        { from: 'awareness', to: 'purchase', count: 1 },
      ]),
    );
    const backwards = await t.api(
      'GET',
      `/journey/transitions?from=${new Date(T0).toISOString()}&to=${from}`,
    );
    expect(backwards.statusCode).toBe(400);
  });

  it('moves a customer to experience when the clock passes 72 hours after the purchase', async () => {
    await t.ingest([
      aTrack({ anonymousId: 'a', event: 'Order Completed', timestamp: new Date(T0).toISOString() }),
    ]);
    t.setNow(T0 + 73 * HOUR);
    expect(await t.services.journey.advanceDue()).toBe(1);
    const [c] = (await t.api('GET', '/customers')).json<{ items: { id: string; stage: string }[] }>().items;
    expect(c!.stage).toBe('experience');
    const detail = (await t.api('GET', `/customers/${c!.id}`)).json<{
      timeline: { kind: string; to?: string; cause?: string; at: number }[];
    }>();
    const move = detail.timeline.find((e) => e.kind === 'transition' && e.to === 'experience')!;
    expect(move.cause).toBe('clock');
    expect(move.at).toBe(T0 + 72 * HOUR);
  });

  it('refuses an invalid rule set naming the field, and recomputes everyone with a valid new one', async () => {
    await t.ingest([aTrack({ anonymousId: 'a', event: 'Product Viewed', timestamp: at(0) })]);
    const broken = structuredClone(DEFAULT_RULES) as { transitions: { to: string }[] };
    broken.transitions[0]!.to = 'purchse';
    const refused = await t.api('PUT', '/journey/rules', { rules: broken });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().error.message).toMatch(/transitions\/0\/to.*purchse/);
    const check = (await t.api('POST', '/journey/rules/validate', { rules: broken })).json<{
      valid: boolean;
    }>();
    expect(check.valid).toBe(false);

    // A business that counts a product view as awareness only: drop the consideration rule for it.
    const rules = structuredClone(DEFAULT_RULES) as { transitions: { to: string }[] };
    rules.transitions = rules.transitions.filter((r) => r.to !== 'consideration');
    const saved = await t.api('PUT', '/journey/rules', { rules });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, rebuilt: { customers: 1, events: 1 } });
    const [c] = (await t.api('GET', '/customers')).json<{ items: { stage: string }[] }>().items;
    expect(c!.stage).toBe('awareness');
    expect((await t.api('GET', '/journey/rules')).json()).toMatchObject({ version: 1, isDefault: false });
  });
});

describe('workspace isolation', () => {
  it('never lets a key of another workspace read or change this one', async () => {
    await t.ingest([aTrack({ anonymousId: 'a' })]);
    const other = await t.services.workspaces.create({ name: 'Toko Lain' });
    const otherKey = await t.services.keys.create({ workspaceId: other.id, kind: 'secret', name: 'other' });
    for (const [method, url, body] of [
      ['GET', '/customers', undefined],
      ['GET', '/journey/overview', undefined],
      ['GET', '/journey/rules', undefined],
      ['PUT', '/journey/rules', { rules: DEFAULT_RULES }],
      ['GET', '/merges', undefined],
      ['GET', '/quarantine', undefined],
      ['GET', '/keys', undefined],
      ['POST', '/keys', { kind: 'write', name: 'stolen' }],
    ] as const) {
      const response = await t.api(method, url, body, otherKey.key);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${other.id}/customers`,
      headers: { authorization: `Bearer ${otherKey.key}` },
    });
    expect(own.json<{ items: unknown[] }>().items).toHaveLength(0);
  });

  it('refuses the admin API without a key and to a write key', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${t.workspace.id}/customers` }))
        .statusCode,
    ).toBe(401);
    expect((await t.api('GET', '/customers', undefined, t.writeKey)).statusCode).toBe(403);
  });

  it('refuses to start when a route declares no access', async () => {
    const { app } = await buildApp({ config: loadConfig({}, { logLevel: 'silent' }), store: t.store });
    expect(() => app.get('/api/v1/undeclared', () => ({}))).toThrow(/declares no access/);
    await app.close();
  });
});
