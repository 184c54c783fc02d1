/**
 * Segment messages as `@segment/analytics-node`, analytics.js and the mobile libraries put them in a
 * `/v1/batch` body. Types are aliases, not interfaces, so they stay assignable to JSON records.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type SegmentLibrary = { name: string; version: string };

export type SegmentPage = { path: string; referrer: string; search: string; title: string; url: string };

export type SegmentCampaign = { source: string; medium: string; name: string; content?: string };

export type SegmentApp = { name: string; version: string; build: string; namespace: string };
export type SegmentDevice = { id: string; manufacturer: string; model: string; type: string };
export type SegmentOs = { name: string; version: string };

export type SegmentContext = {
  library: SegmentLibrary;
  page?: SegmentPage;
  campaign?: SegmentCampaign;
  app?: SegmentApp;
  device?: SegmentDevice;
  os?: SegmentOs;
  userAgent?: string;
  ip?: string;
  locale: string;
  timezone: string;
  traits?: { [key: string]: string };
};

type MessageBase = {
  userId?: string;
  anonymousId?: string;
  timestamp: string;
  messageId: string;
  context: SegmentContext;
  integrations: { [key: string]: boolean };
  /** Only the Node library adds it: the runtime it ran on. */
  _metadata?: { nodeVersion: string; jsRuntime: string };
};

export type TrackMessage = MessageBase & { type: 'track'; event: string; properties: JsonObject };
export type PageMessage = MessageBase & { type: 'page'; name: string; properties: JsonObject };
export type ScreenMessage = MessageBase & { type: 'screen'; name: string; properties: JsonObject };
export type IdentifyMessage = MessageBase & { type: 'identify'; traits: JsonObject };

export type SegmentMessage = TrackMessage | PageMessage | ScreenMessage | IdentifyMessage;
