import { version } from '../package.json';
import { campaignFromSearch, type Campaign } from './campaign.ts';
import type { KeyValueStore } from './store.ts';

/** What the page looks like now: Segment's `context.page`, and the default page properties. */
export interface PageInfo {
  url: string;
  path: string;
  search: string;
  title: string;
  referrer: string;
}

/**
 * How a request went: `sent`; `refused` (a 4xx: sending it again would be refused again, so it is
 * dropped; the server keeps invalid messages in quarantine); `failed` (network down, 429, 5xx: retried).
 */
export type SendResult = 'sent' | 'refused' | 'failed';

/** `fetch` for ordinary sends; `beacon` while the page is going away (sendBeacon or a keepalive fetch). */
export type SendMode = 'fetch' | 'beacon';

/** Everything the tracker needs from the browser, so that its logic runs on plain objects in a test. */
export interface TrackerEnv {
  writeKey: string;
  /** The visitor's ids, kept between visits. */
  store: KeyValueStore;
  /** The campaign of this visit, kept while the tab is open. */
  session: KeyValueStore;
  page(): PageInfo;
  userAgent: string;
  locale?: string;
  timezone?: string;
  /** The referral code of the `/ajak/` link that brought the visitor (its first-party cookie), if any. */
  referralCode?: string;
  now(): number;
  uuid(): string;
  send(body: string, mode: SendMode): Promise<SendResult>;
  schedule(run: () => void, ms: number): unknown;
}

export interface TrackerOptions {
  /** Messages that make a batch go out at once. */
  flushAt: number;
  /** How long a message may wait for others before its batch goes out, in ms. */
  flushInterval: number;
  /** Sends of one batch before it is dropped. */
  maxAttempts: number;
}

export type Properties = Record<string, unknown>;

interface Message {
  type: 'track' | 'page' | 'identify';
  messageId: string;
  timestamp: string;
  anonymousId: string;
  userId?: string;
  context: Record<string, unknown>;
  [field: string]: unknown;
}

export const LIBRARY = { name: 'jejak-tracker', version };
export const KEYS = { anonymousId: 'jejak.anonymousId', userId: 'jejak.userId', campaign: 'jejak.campaign' };

const DEFAULTS: TrackerOptions = { flushAt: 20, flushInterval: 1000, maxAttempts: 5 };
// keepalive requests and beacons may carry 64 KB at most; a Segment batch 500 KB.
const MAX_BODY_BYTES = 60_000;
const RETRY_BASE_MS = 1000;

/**
 * The website tracker: Segment `page`, `track` and `identify` messages with an anonymous id kept in
 * first-party storage, the campaign of the landing page kept for the visit, sent in batches to
 * Jejak's /v1/batch with the write key in the body (a plain-text POST: no CORS preflight).
 *
 * @example
 * const tracker = new Tracker(env);
 * tracker.page();
 * tracker.track('Product Viewed', { product_id: 'kopi-susu' });
 * tracker.identify('c-42', { name: 'Siti', phone: '0812-3456-7890' });
 */
export class Tracker {
  private readonly options: TrackerOptions;
  private queue: Message[] = [];
  private anonymous: string;
  private user: string | null;
  private campaign: Campaign | null;
  private sending = false;
  private timerSet = false;
  private attempts = 0;

  constructor(
    private readonly env: TrackerEnv,
    options: Partial<TrackerOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.anonymous = env.store.get(KEYS.anonymousId) ?? this.newAnonymousId();
    this.user = env.store.get(KEYS.userId);
    this.campaign = this.landingCampaign();
  }

  get anonymousId(): string {
    return this.anonymous;
  }

  get userId(): string | null {
    return this.user;
  }

  /** A page view; the page's url, path, search, title and referrer are its default properties. */
  page(name?: string, properties: Properties = {}): void {
    this.campaign = this.landingCampaign();
    const page = this.env.page();
    this.enqueue('page', {
      ...(typeof name === 'string' && name !== '' ? { name } : {}),
      properties: { ...page, ...objectOr(properties) },
    });
  }

  track(event: string, properties: Properties = {}): void {
    if (typeof event !== 'string' || event.trim() === '') return;
    this.enqueue('track', { event, properties: objectOr(properties) });
  }

  /**
   * Says who the visitor is (at login or sign-up): the user id is kept for his next pages and visits,
   * and Jejak links everything this browser sent before to that customer. Traits alone are allowed.
   */
  identify(userId?: string | number | Properties | null, traits: Properties = {}): void {
    if (typeof userId === 'object' && userId !== null) {
      traits = userId;
      userId = undefined;
    }
    if ((typeof userId === 'string' && userId !== '') || typeof userId === 'number') {
      this.user = String(userId);
      this.env.store.set(KEYS.userId, this.user);
    }
    this.enqueue('identify', { traits: objectOr(traits) });
  }

  /** At logout: forgets the user id and starts a new anonymous visitor, so the next person is not him. */
  reset(): void {
    this.user = null;
    this.env.store.remove(KEYS.userId);
    this.anonymous = this.newAnonymousId();
  }

  /**
   * Sends what is queued. Ordinary sends go one batch at a time, so batches arrive in order; while
   * the page is going away (`beacon`) everything left goes out at once.
   */
  async flush(mode: SendMode = 'fetch'): Promise<void> {
    if (mode === 'beacon') {
      while (this.queue.length > 0) await this.env.send(this.body(this.takeBatch()), 'beacon');
      return;
    }
    if (this.sending || this.queue.length === 0) return;
    this.sending = true;
    const batch = this.takeBatch();
    const result = await this.env.send(this.body(batch), 'fetch');
    this.sending = false;
    if (result === 'failed' && ++this.attempts < this.options.maxAttempts) {
      this.queue = [...batch, ...this.queue];
      this.later(RETRY_BASE_MS * 2 ** (this.attempts - 1));
      return;
    }
    this.attempts = 0;
    if (this.queue.length >= this.options.flushAt) await this.flush();
    else if (this.queue.length > 0) this.later(this.options.flushInterval);
  }

  /** How many messages wait to be sent. */
  get pending(): number {
    return this.queue.length;
  }

  private enqueue(type: Message['type'], fields: Record<string, unknown>): void {
    const message: Message = {
      type,
      messageId: this.env.uuid(),
      timestamp: new Date(this.env.now()).toISOString(),
      anonymousId: this.anonymous,
      ...(this.user !== null ? { userId: this.user } : {}),
      context: this.context(),
      ...fields,
    };
    this.queue.push(message);
    if (this.queue.length >= this.options.flushAt) void this.flush();
    else this.later(this.options.flushInterval);
  }

  private context(): Record<string, unknown> {
    const { env } = this;
    return {
      library: LIBRARY,
      page: env.page(),
      userAgent: env.userAgent,
      ...(env.locale ? { locale: env.locale } : {}),
      ...(env.timezone ? { timezone: env.timezone } : {}),
      ...(this.campaign ? { campaign: this.campaign } : {}),
      // Segment's referrer object: Jejak attributes an identify or `Signed Up` carrying it to the code's owner.
      ...(env.referralCode ? { referrer: { type: 'jejak', id: env.referralCode } } : {}),
    };
  }

  /** The oldest messages that fit in one body. A message too large alone still goes, alone. */
  private takeBatch(): Message[] {
    let size = 0;
    let count = 0;
    for (const message of this.queue) {
      size += byteLength(JSON.stringify(message)) + 1;
      if (count > 0 && size > MAX_BODY_BYTES - 200) break;
      count++;
    }
    return this.queue.splice(0, count);
  }

  private body(batch: Message[]): string {
    const sentAt = new Date(this.env.now()).toISOString();
    return JSON.stringify({ batch, sentAt, writeKey: this.env.writeKey });
  }

  private later(ms: number): void {
    if (this.timerSet) return;
    this.timerSet = true;
    this.env.schedule(() => {
      this.timerSet = false;
      void this.flush();
    }, ms);
  }

  /** The campaign of the page now when it has UTM parameters (a new landing), else the visit's. */
  private landingCampaign(): Campaign | null {
    const { session } = this.env;
    const landed = campaignFromSearch(this.env.page().search);
    if (landed) {
      session.set(KEYS.campaign, JSON.stringify(landed));
      return landed;
    }
    const kept = session.get(KEYS.campaign);
    if (kept === null) return null;
    try {
      return JSON.parse(kept) as Campaign;
    } catch {
      return null;
    }
  }

  private newAnonymousId(): string {
    const id = this.env.uuid();
    this.env.store.set(KEYS.anonymousId, id);
    return id;
  }
}

function objectOr(value: unknown): Properties {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Properties) : {};
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
