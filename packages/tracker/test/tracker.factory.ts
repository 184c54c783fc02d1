import { memoryStore, type KeyValueStore } from '../src/store.ts';
import type { PageInfo, SendMode, SendResult, TrackerEnv } from '../src/tracker.ts';

export const T0 = Date.parse('2026-11-24T03:00:00Z');

export interface Sent {
  mode: SendMode;
  body: { batch: Record<string, unknown>[]; sentAt: string; writeKey: string };
}

/**
 * A browser made of plain objects: storage in memory, a page that can move, a clock, ids that count,
 * timers run by the test, and a network that answers what the test scripts (`sent` by default).
 */
export function aBrowser(overrides: { store?: KeyValueStore; url?: string; answers?: SendResult[] } = {}) {
  let page: PageInfo = pageAt(overrides.url ?? 'https://kopisari.id/');
  let clock = T0;
  let ids = 0;
  const timers: { run: () => void; ms: number }[] = [];
  const sent: Sent[] = [];
  const answers = [...(overrides.answers ?? [])];
  const env: TrackerEnv = {
    writeKey: 'jk_write_test',
    store: overrides.store ?? memoryStore(),
    session: memoryStore(),
    page: () => page,
    userAgent: 'Mozilla/5.0 (Test)',
    locale: 'id-ID',
    timezone: 'Asia/Jakarta',
    now: () => clock,
    uuid: () => `id-${++ids}`,
    send: (body, mode) => {
      sent.push({ mode, body: JSON.parse(body) as Sent['body'] });
      return Promise.resolve(answers.shift() ?? 'sent');
    },
    schedule: (run, ms) => void timers.push({ run, ms }),
  };
  return {
    env,
    sent,
    timers,
    /** Runs the timers set so far, as if their time had come, and lets the sends settle. */
    async tick() {
      for (const timer of timers.splice(0)) timer.run();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    goTo(url: string, title = 'Kopi Sari') {
      page = { ...pageAt(url), title, referrer: page.url };
    },
    advance(ms: number) {
      clock += ms;
    },
    messages: () => sent.flatMap((s) => s.body.batch),
  };
}

function pageAt(url: string): PageInfo {
  const parsed = new URL(url);
  return { url, path: parsed.pathname, search: parsed.search, title: 'Kopi Sari', referrer: '' };
}
