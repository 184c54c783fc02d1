import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, T0, aTrack, anIdentify, startTestApp, type ErrorBody, type TestApp } from './harness.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => t.close());

async function onlyCustomer() {
  const list = (await t.api('GET', '/customers')).json<{ items: { id: string; stage: string | null }[] }>();
  expect(list.items).toHaveLength(1);
  return list.items[0]!;
}

describe('POST /v1/batch', () => {
  it('stores valid events and moves the customer along the journey', async () => {
    const at = (h: number) => new Date(T0 - 10 * DAY + h * HOUR).toISOString();
    const response = await t.ingest([
      aTrack({ event: 'Page Viewed', timestamp: at(0) }),
      aTrack({ event: 'Product Viewed', timestamp: at(1) }),
      aTrack({ event: 'Order Completed', properties: { total: 45000 }, timestamp: at(2) }),
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ success: true, accepted: 3, duplicates: 0, rejected: [] });
    const customer = await onlyCustomer();
    expect(customer.stage).toBe('purchase');
    const detail = (await t.api('GET', `/customers/${customer.id}`)).json<{
      timeline: { kind: string; to?: string; transition?: string }[];
    }>();
    const stages = detail.timeline
      .filter((e) => e.kind === 'transition' && e.transition === 'stage')
      .map((e) => e.to);
    expect(stages.reverse()).toEqual(['awareness', 'consideration', 'purchase']);
  });

  it('takes the write key from the body as Segment allows', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      payload: { writeKey: t.writeKey, batch: [aTrack()] },
    });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a request without a key, with a wrong key, or with a secret key', async () => {
    const none = await t.app.inject({ method: 'POST', url: '/v1/batch', payload: { batch: [aTrack()] } });
    expect(none.statusCode).toBe(401);
    expect(none.json<ErrorBody>().error.message).toMatch(/write key is required/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: `Basic ${Buffer.from('jk_write_nope:').toString('base64')}` },
      payload: { batch: [aTrack()] },
    });
    expect(wrong.statusCode).toBe(401);
    const secret = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: `Basic ${Buffer.from(`${t.adminKey}:`).toString('base64')}` },
      payload: { batch: [aTrack()] },
    });
    expect(secret.statusCode).toBe(403);
    expect((await t.api('GET', '/customers')).json<{ items: unknown[] }>().items).toHaveLength(0);
  });

  it('makes a retry with the same messageId a no-op', async () => {
    const message = aTrack({ messageId: 'same-id' });
    await t.ingest([message]);
    const again = await t.ingest([message, message]);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 2 });
    const customer = await onlyCustomer();
    const detail = (await t.api('GET', `/customers/${customer.id}`)).json<{ timeline: { kind: string }[] }>();
    expect(detail.timeline.filter((e) => e.kind === 'event')).toHaveLength(1);
  });

  it('keeps the valid events of a batch, answers the invalid ones by index and keeps them in quarantine', async () => {
    const response = await t.ingest([aTrack(), aTrack({ event: '' }), aTrack({ anonymousId: undefined })]);
    expect(response.statusCode).toBe(200);
    const body = response.json<{ accepted: number; rejected: { index: number; reason: string }[] }>();
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 2]);
    expect(body.rejected[0]!.reason).toMatch(/event/);
    expect(body.rejected[1]!.reason).toMatch(/userId or anonymousId/);
    const quarantine = (await t.api('GET', '/quarantine')).json<{
      items: { batchIndex: number; reason: string }[];
    }>();
    expect(quarantine.items.map((q) => q.batchIndex).sort()).toEqual([1, 2]);
  });

  it('answers 400 when no message of the batch is valid', async () => {
    const response = await t.ingest([aTrack({ event: 42 })]);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.code).toBe('all_events_invalid');
  });

  it('refuses malformed JSON with a clear 400 and stores nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: t.basic, 'content-type': 'application/json' },
      payload: '{"batch": [',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.code).toBe('malformed_json');
    expect((await t.api('GET', '/customers')).json<{ items: unknown[] }>().items).toHaveLength(0);
  });

  it('asks for JSON when the body is sent as a form', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: {
        authorization: `Basic ${Buffer.from(`${t.writeKey}:`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: 'batch=1',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json<ErrorBody>().error.message).toMatch(/Content-Type: application\/json/);
  });

  it('refuses a batch over 500 KB with 413 and a message over 32 KB by itself', async () => {
    const big = 'x'.repeat(40_000);
    const batch = Array.from({ length: 14 }, () => aTrack({ properties: { big } }));
    const tooLarge = await t.ingest(batch);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json<ErrorBody>().error.message).toMatch(/too large.*500 KB/);
    const one = await t.ingest([aTrack(), aTrack({ properties: { big } })]);
    expect(one.statusCode).toBe(200);
    expect(one.json<{ rejected: { reason: string }[] }>().rejected[0]!.reason).toMatch(/32 ?KB|32768/);
  });

  it('corrects the clock skew of a device from sentAt', async () => {
    const deviceAhead = 10 * 60_000;
    await t.ingest([aTrack({ timestamp: new Date(T0 + deviceAhead - HOUR).toISOString() })], {
      sentAt: new Date(T0 + deviceAhead).toISOString(),
    });
    const customer = await onlyCustomer();
    const detail = (await t.api('GET', `/customers/${customer.id}`)).json<{
      timeline: { kind: string; at: number }[];
    }>();
    expect(detail.timeline.find((e) => e.kind === 'event')!.at).toBe(T0 - HOUR);
  });
});

describe('single-message endpoints', () => {
  it('accepts /v1/track and /v1/identify and refuses an invalid one with 400 naming the field', async () => {
    const { type: _type, ...track } = aTrack();
    const ok = await t.app.inject({
      method: 'POST',
      url: '/v1/track',
      headers: { authorization: t.basic },
      payload: track,
    });
    expect(ok.statusCode).toBe(200);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/v1/track',
      headers: { authorization: t.basic },
      payload: { ...track, messageId: 'other', event: undefined },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toMatch(/event/);
    const { type: _t2, ...identify } = anIdentify({ userId: 'u-1', traits: { phone: '0812 3456 7890' } });
    const id = await t.app.inject({
      method: 'POST',
      url: '/v1/identify',
      headers: { authorization: t.basic },
      payload: identify,
    });
    expect(id.statusCode).toBe(200);
  });
});
