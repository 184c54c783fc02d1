import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Analytics } from '@segment/analytics-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type apiClient,
  createWorkspaceWithWriteKey,
  startServerProcess,
  tempDataDir,
  type ServerProcess,
} from './server-process.ts';

interface CustomerDetail {
  id: string;
  phone: string | null;
  identityKeys: { kind: string; value: string }[];
  journey: { stage: string | null; status: string } | null;
  timeline: { kind: string; name?: string; messageId?: string }[];
}

/**
 * The real @segment/analytics-node client, pointed at a real `jejak serve` process. A small proxy
 * in front of the server can swallow the server's answer to the first batch and answer 503
 * instead, so the client retries a batch the server already stored: the retry must be a no-op.
 */
describe('ingestion with the real Segment client', () => {
  let server: ServerProcess;
  let data: ReturnType<typeof tempDataDir>;
  let api: ReturnType<typeof apiClient>;
  let workspaceId: string;
  let writeKey: string;
  let proxy: Server;
  let proxyUrl: string;
  let failNext = 0;
  let forwarded = 0;

  beforeAll(async () => {
    data = tempDataDir();
    server = await startServerProcess(data.dir);
    if (!server.adminKey) throw new Error(`no admin key printed on first start:\n${server.output()}`);
    ({ api, workspaceId, writeKey } = await createWorkspaceWithWriteKey(server.url, server.adminKey));
    const target = new URL(server.url);
    proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const upstream = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            path: req.url,
            method: req.method,
            headers: req.headers,
          },
          (up) => {
            const body: Buffer[] = [];
            up.on('data', (c: Buffer) => body.push(c));
            up.on('end', () => {
              forwarded += 1;
              if (failNext > 0) {
                failNext -= 1;
                res
                  .writeHead(503, { 'content-type': 'application/json' })
                  .end('{"error":"lost on the way back"}');
                return;
              }
              res.writeHead(up.statusCode ?? 502, up.headers).end(Buffer.concat(body));
            });
          },
        );
        upstream.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((r) => proxy?.close(() => r()));
    await server?.stop();
    data?.remove();
  });

  const client = (host: string) =>
    new Analytics({
      writeKey,
      host,
      flushAt: 50,
      flushInterval: 100,
      maxRetries: 5,
      httpRequestTimeout: 10_000,
    });

  async function customerByKey(search: string): Promise<CustomerDetail> {
    const list = await api.get<{ items: { id: string }[] }>(
      `/api/v1/workspaces/${workspaceId}/customers?search=${encodeURIComponent(search)}`,
    );
    expect(list.items).toHaveLength(1);
    return api.get<CustomerDetail>(`/api/v1/workspaces/${workspaceId}/customers/${list.items[0]!.id}`);
  }

  it('links an anonymous visitor to the customer who identifies later, with the phone in E.164', async () => {
    const analytics = client(server.url);
    analytics.track({
      anonymousId: 'anon-e2e-1',
      event: 'Product Viewed',
      properties: { product_id: 'kopi-susu', price: 22000 },
      context: { campaign: { source: 'instagram', medium: 'cpc', name: 'promo-gajian' } },
    });
    analytics.page({
      anonymousId: 'anon-e2e-1',
      name: 'Harga',
      properties: { path: '/harga', category: 'pricing' },
    });
    analytics.identify({
      anonymousId: 'anon-e2e-1',
      userId: 'cust-e2e-1',
      traits: { name: 'Siti Rahmawati', phone: '0812-3456-7890', email: 'Siti@Example.com' },
    });
    analytics.track({
      userId: 'cust-e2e-1',
      event: 'Order Completed',
      properties: { order_id: 'o-1', total: 45000 },
    });
    await analytics.closeAndFlush();

    const customer = await customerByKey('cust-e2e-1');
    expect(customer.identityKeys).toEqual(
      expect.arrayContaining([
        { kind: 'anonymous_id', value: 'anon-e2e-1' },
        { kind: 'user_id', value: 'cust-e2e-1' },
        { kind: 'phone', value: '+6281234567890' },
        { kind: 'email', value: 'siti@example.com' },
      ]),
    );
    expect(customer.phone).toBe('+6281234567890');
    expect(customer.journey?.stage).toBe('purchase');
    const names = customer.timeline.filter((t) => t.kind === 'event').map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['Product Viewed', 'Page Viewed', 'Identified', 'Order Completed']),
    );
  });

  it('stores a batch once when the client retries it after a lost answer', async () => {
    failNext = 1;
    const before = forwarded;
    const analytics = client(proxyUrl);
    for (let i = 0; i < 5; i += 1) {
      analytics.track({ anonymousId: 'anon-retry', event: 'Product Viewed', properties: { n: i } });
    }
    await analytics.closeAndFlush();
    expect(forwarded - before).toBeGreaterThanOrEqual(2); // the first answer was swallowed, the batch sent again

    const customer = await customerByKey('anon-retry');
    const events = customer.timeline.filter((t) => t.kind === 'event');
    expect(events).toHaveLength(5);
    expect(new Set(events.map((e) => e.messageId)).size).toBe(5);
  });

  it('merges two known customers on alias, and the merge can be undone', async () => {
    const analytics = client(server.url);
    analytics.identify({ userId: 'old-account-7', traits: { name: 'Budi Santoso' } });
    analytics.track({ userId: 'old-account-7', event: 'Order Completed', properties: { total: 30000 } });
    analytics.identify({ userId: 'new-account-7', traits: { email: 'budi@example.com' } });
    await analytics.closeAndFlush();
    const aliasing = client(server.url);
    aliasing.alias({ previousId: 'old-account-7', userId: 'new-account-7' });
    await aliasing.closeAndFlush();

    const merged = await customerByKey('budi@example.com');
    expect(merged.identityKeys.map((k) => k.value)).toEqual(
      expect.arrayContaining(['old-account-7', 'new-account-7']),
    );
    expect(merged.journey?.stage).toBe('purchase');

    const merges = await api.get<{ items: { id: string; mergedId: string; survivorId: string }[] }>(
      `/api/v1/workspaces/${workspaceId}/merges`,
    );
    const merge = merges.items.find((m) => m.survivorId === merged.id || m.mergedId === merged.id);
    expect(merge).toBeDefined();
    await api.post(`/api/v1/workspaces/${workspaceId}/merges/${merge!.id}/undo`, {});

    const oldOne = await customerByKey('old-account-7');
    const newOne = await customerByKey('new-account-7');
    expect(oldOne.id).not.toBe(newOne.id);
    expect(oldOne.journey?.stage).toBe('purchase');
    expect(newOne.journey?.stage ?? null).toBeNull();
  });
});
