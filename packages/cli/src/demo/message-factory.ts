import type { Person } from './customer.state.ts';
import { IsoTime } from './iso-time.ts';
import type { SeededRandom } from './seeded-random.ts';
import type {
  IdentifyMessage,
  JsonObject,
  PageMessage,
  ScreenMessage,
  SegmentApp,
  SegmentCampaign,
  SegmentContext,
  SegmentLibrary,
  TrackMessage,
} from './segment-message.types.ts';

const LOCALE = 'id-ID';
const TIMEZONE = 'Asia/Jakarta';

// Parts that never change are shared and frozen: fewer allocations, and a consumer that mutates one fails loudly.
const WEB_LIBRARY: SegmentLibrary = Object.freeze({ name: 'analytics.js', version: 'next-1.72.0' });
const ANDROID_LIBRARY: SegmentLibrary = Object.freeze({ name: 'analytics-android', version: '4.11.3' });
const IOS_LIBRARY: SegmentLibrary = Object.freeze({ name: 'analytics-ios', version: '4.1.8' });
const NODE_LIBRARY: SegmentLibrary = Object.freeze({ name: '@segment/analytics-node', version: '3.1.0' });
const NODE_METADATA = Object.freeze({ nodeVersion: 'v20.19.0', jsRuntime: 'node' });
const NO_INTEGRATIONS: { [key: string]: boolean } = Object.freeze({});

/** What a browser is showing: the url is built from the business's domain. */
export type WebPage = {
  path: string;
  title: string;
  search: string;
  referrer: string;
  campaign?: SegmentCampaign;
};

/**
 * Builds messages the way each Segment library would: analytics.js on the website, the mobile
 * libraries in the app, and the Node library (real name `@segment/analytics-node`) on the POS and server.
 * Messages share frozen sub-objects (library, app, device): copy before changing one.
 */
export class MessageFactory {
  private readonly origin: string;
  private readonly app: SegmentApp;
  private readonly time = new IsoTime();

  constructor(
    private readonly random: SeededRandom,
    domain: string,
    app: SegmentApp,
  ) {
    this.origin = `https://${domain}`;
    this.app = Object.freeze({
      name: app.name,
      version: app.version,
      build: app.build,
      namespace: app.namespace,
    });
  }

  url(path: string): string {
    return this.origin + path;
  }

  webPage(person: Person, at: number, name: string, page: WebPage, category?: string): PageMessage {
    const context = this.webContext(person, page);
    const { path, referrer, search, title } = page;
    const url = context.page!.url;
    const properties: JsonObject =
      category === undefined
        ? { name, path, referrer, search, title, url }
        : { category, name, path, referrer, search, title, url };
    person.lastUrl = url;
    return this.named('page', person, at, `ajs-next-${this.random.hex(4)}`, name, properties, context);
  }

  webTrack(person: Person, at: number, event: string, properties: JsonObject, page: WebPage): TrackMessage {
    return this.track(
      person,
      at,
      `ajs-next-${this.random.hex(4)}`,
      event,
      properties,
      this.webContext(person, page),
    );
  }

  /** The identify that links the browser's anonymousId to the account just created. */
  webIdentify(person: Person, at: number, traits: JsonObject, page: WebPage): IdentifyMessage {
    return this.identify(person, at, `ajs-next-${this.random.hex(4)}`, traits, this.webContext(person, page));
  }

  appScreen(person: Person, at: number, name: string, properties: JsonObject): ScreenMessage {
    return this.named('screen', person, at, this.random.uuid(), name, properties, this.appContext(person));
  }

  appTrack(person: Person, at: number, event: string, properties: JsonObject): TrackMessage {
    return this.track(person, at, this.random.uuid(), event, properties, this.appContext(person));
  }

  appIdentify(person: Person, at: number, traits: JsonObject): IdentifyMessage {
    return this.identify(person, at, this.random.uuid(), traits, this.appContext(person));
  }

  serverTrack(
    userId: string,
    phone: string,
    at: number,
    event: string,
    properties: JsonObject,
  ): TrackMessage {
    return {
      type: 'track',
      event,
      properties,
      userId,
      timestamp: this.time.format(at),
      messageId: `node-next-${at}-${this.random.uuid()}`,
      context: { library: NODE_LIBRARY, locale: LOCALE, timezone: TIMEZONE, traits: { phone } },
      integrations: NO_INTEGRATIONS,
      _metadata: NODE_METADATA,
    };
  }

  serverIdentify(userId: string, phone: string, at: number, traits: JsonObject): IdentifyMessage {
    return {
      type: 'identify',
      traits,
      userId,
      timestamp: this.time.format(at),
      messageId: `node-next-${at}-${this.random.uuid()}`,
      context: { library: NODE_LIBRARY, locale: LOCALE, timezone: TIMEZONE, traits: { phone } },
      integrations: NO_INTEGRATIONS,
      _metadata: NODE_METADATA,
    };
  }

  // analytics.js and the mobile libraries keep sending the anonymousId after identify, beside the userId.
  // Each builder spells out both shapes: object spread in a hot path costs a third of the throughput.
  private track(
    person: Person,
    at: number,
    messageId: string,
    event: string,
    properties: JsonObject,
    context: SegmentContext,
  ): TrackMessage {
    const { anonymousId, webUserId: userId } = person;
    const timestamp = this.time.format(at);
    const integrations = NO_INTEGRATIONS;
    return userId === undefined
      ? { type: 'track', event, properties, anonymousId, timestamp, messageId, context, integrations }
      : {
          type: 'track',
          event,
          properties,
          userId,
          anonymousId,
          timestamp,
          messageId,
          context,
          integrations,
        };
  }

  private named<T extends 'page' | 'screen'>(
    type: T,
    person: Person,
    at: number,
    messageId: string,
    name: string,
    properties: JsonObject,
    context: SegmentContext,
  ): { type: T } & Omit<PageMessage, 'type'> {
    const { anonymousId, webUserId: userId } = person;
    const timestamp = this.time.format(at);
    const integrations = NO_INTEGRATIONS;
    return userId === undefined
      ? { type, name, properties, anonymousId, timestamp, messageId, context, integrations }
      : { type, name, properties, userId, anonymousId, timestamp, messageId, context, integrations };
  }

  private identify(
    person: Person,
    at: number,
    messageId: string,
    traits: JsonObject,
    context: SegmentContext,
  ): IdentifyMessage {
    const { anonymousId, webUserId: userId } = person;
    const timestamp = this.time.format(at);
    const integrations = NO_INTEGRATIONS;
    return userId === undefined
      ? { type: 'identify', traits, anonymousId, timestamp, messageId, context, integrations }
      : { type: 'identify', traits, userId, anonymousId, timestamp, messageId, context, integrations };
  }

  private webContext(person: Person, page: WebPage): SegmentContext {
    const { path, referrer, search, title } = page;
    const context: SegmentContext = {
      library: WEB_LIBRARY,
      page: { path, referrer, search, title, url: this.origin + path + search },
      userAgent: person.handset.userAgent,
      ip: person.ip,
      locale: LOCALE,
      timezone: TIMEZONE,
    };
    if (page.campaign !== undefined) context.campaign = page.campaign;
    if (person.webUserId !== undefined && person.identity !== undefined)
      context.traits = { phone: person.identity.phone, email: person.identity.email };
    return context;
  }

  /** Android reports its 16-hex ANDROID_ID as the device id, iOS the vendor uuid. */
  private appContext(person: Person): SegmentContext {
    const ios = person.handset.platform === 'ios';
    person.device ??= Object.freeze({
      id: ios ? person.anonymousId : person.anonymousId.slice(0, 8) + person.anonymousId.slice(24, 32),
      manufacturer: person.handset.manufacturer,
      model: person.handset.model,
      type: ios ? 'ios' : 'android',
    });
    const context: SegmentContext = {
      library: ios ? IOS_LIBRARY : ANDROID_LIBRARY,
      app: this.app,
      device: person.device,
      os: person.handset.os,
      ip: person.ip,
      locale: LOCALE,
      timezone: TIMEZONE,
    };
    if (person.webUserId !== undefined && person.identity !== undefined)
      context.traits = { phone: person.identity.phone, email: person.identity.email };
    return context;
  }
}
