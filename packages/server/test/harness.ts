import { openTestStore } from '../../storage/test/test-database.ts';
import { buildApp, type AppOptions } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';

export const T0 = Date.parse('2026-06-01T08:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * A real app on a real database of the project's dialect, with a clock the test moves by hand,
 * one workspace, a write key for it and an installation-wide secret key.
 */
export async function startTestApp(
  options: {
    config?: Partial<Config>;
    afterAccessControl?: AppOptions['afterAccessControl'];
    trackerFile?: string;
  } = {},
) {
  const store = await openTestStore();
  let clock = T0;
  const now = () => clock;
  const config = loadConfig({}, { logLevel: 'silent', ...options.config });
  const { app, services, routes } = await buildApp({
    config,
    store,
    now,
    ...(options.afterAccessControl ? { afterAccessControl: options.afterAccessControl } : {}),
    ...(options.trackerFile ? { trackerFile: options.trackerFile } : {}),
  });
  const workspace = await services.workspaces.create({ name: 'Kopi Uji' });
  const write = await services.keys.create({ workspaceId: workspace.id, kind: 'write', name: 'web' });
  const admin = await services.keys.create({ workspaceId: null, kind: 'secret', name: 'admin' });
  const basic = `Basic ${Buffer.from(`${write.key}:`).toString('base64')}`;

  const ingest = (batch: unknown[], extra: Record<string, unknown> = {}) =>
    app.inject({
      method: 'POST',
      url: '/v1/batch',
      headers: { authorization: basic },
      payload: { batch, ...extra },
    });
  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, key = admin.key) =>
    app.inject({
      method,
      url: `/api/v1/workspaces/${workspace.id}${url}`,
      headers: { authorization: `Bearer ${key}` },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  return {
    app,
    services,
    routes,
    store,
    workspace,
    writeKey: write.key,
    adminKey: admin.key,
    basic,
    ingest,
    api,
    setNow: (at: number) => {
      clock = at;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

let counter = 0;

/** A Segment track message as a client would send it. */
export function aTrack(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    type: 'track',
    messageId: `msg-${counter}-${Math.random().toString(36).slice(2)}`,
    anonymousId: 'anon-1',
    event: 'Product Viewed',
    properties: {},
    timestamp: new Date(T0 - DAY).toISOString(),
    ...overrides,
  };
}

export function anIdentify(overrides: Record<string, unknown> = {}) {
  const { event: _event, ...track } = aTrack();
  return { ...track, type: 'identify', traits: {}, ...overrides };
}

/** The body of every 4xx and 5xx answer. */
export interface ErrorBody {
  error: { code: string; message: string };
}
