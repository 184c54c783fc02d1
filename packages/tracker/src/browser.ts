import { firstPartyStore, sessionStore } from './store.ts';
import { LIBRARY, Tracker, type PageInfo, type Properties } from './tracker.ts';
import { browserSend } from './transport.ts';

/*
 * The script a website includes with one tag:
 *   <script async src="https://HOST/tracker.js" data-write-key="KEY"></script>
 * It sends a page view on load and on every in-page navigation (history.pushState, replaceState,
 * back and forward), and exposes window.jejak.track / identify / page / reset. Calls made before it
 * loaded, through the stub `window.jejak = window.jejak || []` that queues [method, ...args], run
 * first, in order. `data-auto-page="false"` turns automatic page views off; `data-host` sends to
 * another address than the one the script came from.
 */

type Call = [method: string, ...args: unknown[]];

interface JejakApi {
  version: string;
  track(event: string, properties?: Properties): void;
  identify(userId?: string | number | Properties | null, traits?: Properties): void;
  page(name?: string, properties?: Properties): void;
  reset(): void;
  flush(): Promise<void>;
  anonymousId(): string;
  push(call: Call): void;
}

type JejakWindow = Window & { jejak?: unknown };

function currentPage(): PageInfo {
  return {
    url: location.href,
    path: location.pathname,
    search: location.search,
    title: document.title,
    referrer: document.referrer,
  };
}

function uuid(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The code the `/ajak/` link kept in its first-party cookie (`jejak_ref`), if the visitor came through one. */
function referralCookie(): string | undefined {
  const match = /(?:^|;\s*)jejak_ref=([^;]+)/.exec(safely(() => document.cookie) ?? '');
  return match ? decodeURIComponent(match[1]!) : undefined;
}

function start(): void {
  const w = window as JejakWindow;
  if (typeof w.jejak === 'object' && w.jejak !== null && 'version' in w.jejak) return; // included twice
  const script = (document.currentScript ??
    document.querySelector('script[data-write-key]')) as HTMLScriptElement | null;
  const writeKey = script?.dataset.writeKey;
  if (!script || !writeKey) {
    console.warn('Jejak: add data-write-key="..." to the tracker.js script tag');
    return;
  }
  const host = (script.dataset.host ?? new URL(script.src, location.href).origin).replace(/\/+$/, '');
  const tracker = new Tracker({
    writeKey,
    store: firstPartyStore(
      safely(() => localStorage),
      { read: () => document.cookie, write: (cookie) => (document.cookie = cookie) },
    ),
    session: sessionStore(safely(() => sessionStorage)),
    page: currentPage,
    userAgent: navigator.userAgent,
    locale: navigator.language,
    timezone: safely(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    referralCode: referralCookie(),
    now: () => Date.now(),
    uuid,
    send: browserSend(`${host}/v1/batch`),
    schedule: (run, ms) => setTimeout(run, ms),
  });

  const api: JejakApi = {
    version: LIBRARY.version,
    track: (event, properties) => tracker.track(event, properties),
    identify: (userId, traits) => tracker.identify(userId, traits),
    page: (name, properties) => tracker.page(name, properties),
    reset: () => tracker.reset(),
    flush: () => tracker.flush(),
    anonymousId: () => tracker.anonymousId,
    push: (call) => dispatch(api, call),
  };
  const queued = Array.isArray(w.jejak) ? (w.jejak as Call[]) : [];
  w.jejak = api;
  for (const call of queued) dispatch(api, call);

  const autoPage = script.dataset.autoPage !== 'false';
  if (autoPage) {
    if (!queued.some((call) => call[0] === 'page')) tracker.page();
    followHistory(() => tracker.page());
  }
  const leave = () => void tracker.flush('beacon');
  addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && leave());
  addEventListener('pagehide', leave);
}

function dispatch(api: JejakApi, call: Call): void {
  if (!Array.isArray(call)) return;
  const [method, ...args] = call;
  const fn = (api as unknown as Record<string, unknown>)[method];
  if (method === 'push' || typeof fn !== 'function') return;
  (fn as (...a: unknown[]) => unknown)(...args);
}

/** A page view whenever the path or query changes without a page load (single-page sites). */
function followHistory(onChange: () => void): void {
  let last = location.pathname + location.search;
  const check = () => {
    const now = location.pathname + location.search;
    if (now !== last) {
      last = now;
      onChange();
    }
  };
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name].bind(history);
    history[name] = (...args: Parameters<History['pushState']>) => {
      original(...args);
      check();
    };
  }
  addEventListener('popstate', check);
}

start();
