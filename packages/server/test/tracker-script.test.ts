import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T0, aTrack, startTestApp, type TestApp } from './harness.ts';

const SHOP = 'https://kopisari.id';
const dir = mkdtempSync(join(tmpdir(), 'jejak-tracker-'));
const file = join(dir, 'tracker.js');
let t: TestApp;

beforeAll(async () => {
  writeFileSync(file, '(function(){window.jejak={version:"0.1.0"}})();');
  t = await startTestApp({ trackerFile: file });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /tracker.js', () => {
  it('serves the built script to any site, cacheable for an hour and revalidated by its etag', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/tracker.js', headers: { origin: SHOP } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(response.body).toContain('window.jejak');
    const etag = String(response.headers.etag);
    const again = await t.app.inject({
      method: 'GET',
      url: '/tracker.js',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves a rebuilt script under a new etag', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/tracker.js' })).headers.etag;
    writeFileSync(file, '(function(){window.jejak={version:"0.1.1"}})();');
    const after = await t.app.inject({
      method: 'GET',
      url: '/tracker.js',
      headers: { 'if-none-match': String(before) },
    });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('0.1.1');
  });

  it('says how to build it when it has not been built', async () => {
    const bare = await startTestApp({ trackerFile: join(dir, 'missing.js') });
    const response = await bare.app.inject({ method: 'GET', url: '/tracker.js' });
    await bare.close();
    expect(response.statusCode).toBe(503);
    expect(response.body).toMatch(/npm run build:web/);
  });
});

describe('ingestion from a website', () => {
  const batch = () => [aTrack({ timestamp: new Date(T0).toISOString() })];

  it('takes the tracker’s plain-text batch with the write key in the body, from another origin', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { origin: SHOP, 'content-type': 'text/plain;charset=UTF-8' },
      payload: JSON.stringify({ batch: batch(), writeKey: t.writeKey }),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.json<{ accepted: number }>().accepted).toBe(1);
  });

  it('answers a preflight for a JSON post with the write key in the Authorization header', async () => {
    const response = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/batch',
      headers: {
        origin: SHOP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(String(response.headers['access-control-allow-headers'])).toMatch(/authorization/);
  });

  it('still refuses a batch without a valid write key, in a reply the site can read', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { origin: SHOP, 'content-type': 'text/plain' },
      payload: JSON.stringify({ batch: batch(), writeKey: 'jk_write_not-a-key' }),
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { origin: SHOP, 'content-type': 'text/plain' },
      payload: JSON.stringify({ batch: batch() }),
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
