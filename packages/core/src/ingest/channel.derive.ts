import { isChannel, type Channel } from '../channel.ts';
import type { EventType } from '../event.ts';
import {
  APP_DEVICE_TYPES,
  BROWSER_USER_AGENT_PREFIX,
  HOST_CHANNELS,
  MEDIUM_CHANNELS,
  MOBILE_LIBRARY_WORDS,
  PAID_MEDIUM_PREFIX,
  PAID_MEDIUMS,
  SITE_CHANNELS,
  SOURCES_BEFORE_MEDIUM,
  WEB_LIBRARIES,
} from './channel.table.ts';
import { isJsonObject } from './json-object.ts';

export interface ChannelSignals {
  type: EventType;
  properties: Readonly<Record<string, unknown>>;
  context: Readonly<Record<string, unknown>>;
  /** The channel of the write key's source, if it has one. */
  defaultChannel?: Channel;
}

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i;
const MEDIUM_SEPARATORS = /[_\s]+/g;
// Whole words only, so a library called `axios-tracker` is not taken for iOS.
const MOBILE_LIBRARY = new RegExp(`(?:^|[^a-z])(?:${MOBILE_LIBRARY_WORDS.join('|')})(?:[^a-z]|$)`);
const BROWSER_USER_AGENT = new RegExp(`^${BROWSER_USER_AGENT_PREFIX}`, 'i');

/**
 * The channel of a touchpoint, by the rules in `channel.table.ts`.
 *
 * @example
 * deriveChannel({ type: 'page', properties: {}, context: { campaign: { source: 'instagram', medium: 'paid_social' } } }) // 'ads'
 * deriveChannel({ type: 'page', properties: {}, context: {} }) // 'web'
 */
export function deriveChannel(signals: ChannelSignals): Channel {
  const { context } = signals;
  return (
    explicitChannel(signals.properties.channel) ??
    explicitChannel(context.channel) ??
    campaignChannel(context.campaign) ??
    referrerChannel(context) ??
    signals.defaultChannel ??
    senderChannel(signals.type, context) ??
    'other'
  );
}

function explicitChannel(value: unknown): Channel | undefined {
  if (typeof value !== 'string') return undefined;
  const channel = value.trim().toLowerCase();
  return isChannel(channel) ? channel : undefined;
}

function campaignChannel(campaign: unknown): Channel | undefined {
  if (!isJsonObject(campaign)) return undefined;
  const medium = lower(campaign.medium ?? campaign.utm_medium)?.replace(MEDIUM_SEPARATORS, '-');
  const source = lower(campaign.source ?? campaign.utm_source);
  if (medium !== undefined && (PAID_MEDIUMS.has(medium) || medium.startsWith(PAID_MEDIUM_PREFIX))) {
    return 'ads';
  }
  const sourceChannel = source === undefined ? undefined : SITE_CHANNELS.get(source);
  if (sourceChannel !== undefined && SOURCES_BEFORE_MEDIUM.has(sourceChannel)) return sourceChannel;
  return (medium === undefined ? undefined : MEDIUM_CHANNELS.get(medium)) ?? sourceChannel;
}

function referrerChannel(context: Readonly<Record<string, unknown>>): Channel | undefined {
  const page = context.page;
  const referrer = context.referrer;
  const url =
    (isJsonObject(page) ? page.referrer : undefined) ?? (isJsonObject(referrer) ? referrer.url : undefined);
  if (typeof url !== 'string' || url === '') return undefined;
  const host = URL_HOST.exec(url)?.[1]?.toLowerCase();
  return host === undefined ? undefined : siteChannel(host);
}

/** The channel of a host name: by a known short host, else by any label but the last (m.facebook.com, shopee.co.id). */
export function siteChannel(host: string): Channel | undefined {
  for (const [known, channel] of HOST_CHANNELS) {
    if (host === known || host.endsWith(`.${known}`)) return channel;
  }
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const channel = SITE_CHANNELS.get(labels[i] ?? '');
    if (channel !== undefined) return channel;
  }
  return undefined;
}

function senderChannel(type: EventType, context: Readonly<Record<string, unknown>>): Channel | undefined {
  if (type === 'page') return 'web';
  if (type === 'screen') return 'app';
  const library = isJsonObject(context.library) ? lower(context.library.name) : undefined;
  if (library !== undefined) {
    if (MOBILE_LIBRARY.test(library)) return 'app';
    if (WEB_LIBRARIES.has(library)) return 'web';
  }
  const deviceType = isJsonObject(context.device) ? lower(context.device.type) : undefined;
  if (deviceType !== undefined && APP_DEVICE_TYPES.has(deviceType)) return 'app';
  const userAgent = context.userAgent;
  return typeof userAgent === 'string' && BROWSER_USER_AGENT.test(userAgent) ? 'web' : undefined;
}

function lower(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.trim().toLowerCase() : undefined;
}
