import { Analytics, type HTTPClient, type HTTPClientRequest } from '@segment/analytics-node';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { BatchBodySchema, normalizeMessage, type NormalizedMessage } from '../../src/ingest/index.ts';

/** The library's own transport hook: keeps each request body instead of sending it. */
class CapturingHttpClient implements HTTPClient {
  readonly bodies: unknown[] = [];

  makeRequest(request: HTTPClientRequest) {
    this.bodies.push(JSON.parse(request.body));
    return Promise.resolve({ status: 200, statusText: 'OK' });
  }
}

async function sendWithRealClient(): Promise<unknown[]> {
  const http = new CapturingHttpClient();
  const analytics = new Analytics({
    writeKey: 'wk_test',
    host: 'http://jejak.test',
    flushAt: 4,
    httpClient: http,
  });
  analytics.identify({
    userId: 'user-1',
    traits: { name: 'Siti', phone: '0812-3456-7890', email: 'Siti@Toko.co.id' },
  });
  analytics.track({
    anonymousId: 'anon-1',
    event: 'Product Viewed',
    properties: { sku: 'BTK-01', price: 350000 },
    context: { campaign: { name: 'promo-batik', source: 'instagram', medium: 'paid_social' } },
  });
  analytics.page({
    anonymousId: 'anon-1',
    category: 'Produk',
    name: 'Batik Tulis',
    properties: { path: '/p/1' },
  });
  analytics.screen({ userId: 'user-1', name: 'Keranjang' });
  analytics.group({ userId: 'user-1', groupId: 'toko-1', traits: { name: 'Toko Batik' } });
  analytics.alias({ userId: 'user-1', previousId: 'anon-1' });
  analytics.track({
    userId: 'user-2',
    event: 'Order Completed',
    timestamp: new Date('2025-01-02T03:04:05Z'),
  });
  await analytics.closeAndFlush({ timeout: 5000 });
  return http.bodies;
}

describe('messages built by @segment/analytics-node', () => {
  it('are all accepted, with the expected type, name, keys and channel', async () => {
    const bodies = await sendWithRealClient();
    const batchBody = Compile(BatchBodySchema);
    const normalized: NormalizedMessage[] = [];
    for (const body of bodies) {
      if (!batchBody.Check(body)) {
        throw new Error(`batch body refused: ${JSON.stringify(batchBody.Errors(body)[0])}`);
      }
      const receivedAt = Date.parse(body.sentAt ?? '');
      for (const item of body.batch) {
        const result = normalizeMessage(item, {
          receivedAt,
          batchSentAt: body.sentAt,
          batchContext: body.context,
        });
        if (!result.ok) throw new Error(`refused: ${result.reason}`);
        normalized.push(result.message);
      }
    }

    expect(bodies.length).toBeGreaterThan(1);
    expect(
      normalized.map((m) => [m.type, m.name, m.channel, m.identityKeys.map((k) => `${k.kind}:${k.value}`)]),
    ).toEqual([
      [
        'identify',
        'Identified',
        'other',
        ['user_id:user-1', 'phone:+6281234567890', 'email:siti@toko.co.id'],
      ],
      ['track', 'Product Viewed', 'ads', ['anonymous_id:anon-1']],
      ['page', 'Page Viewed', 'web', ['anonymous_id:anon-1']],
      ['screen', 'Screen Viewed', 'app', ['user_id:user-1']],
      ['group', 'Group Joined', 'other', ['user_id:user-1']],
      ['alias', 'Aliased', 'other', ['user_id:user-1', 'user_id:anon-1', 'anonymous_id:anon-1']],
      ['track', 'Order Completed', 'other', ['user_id:user-2']],
    ]);
    expect(normalized.every((m) => m.messageId.startsWith('node-next-'))).toBe(true);
    expect(normalized[2]?.properties).toEqual({ path: '/p/1', name: 'Batik Tulis', category: 'Produk' });
    expect(normalized[6]?.at).toBe(Date.parse('2025-01-02T03:04:05Z'));
  });
});
