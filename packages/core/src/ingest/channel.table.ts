import type { Channel } from '../channel.ts';

/*
 * Every rule that turns what a message says into a Jejak channel (DESIGN §2.3), in one place.
 * `deriveChannel` (channel.derive.ts) applies them in this order, the first answer winning:
 *   1. properties.channel, then context.channel, when it names a Jejak channel
 *   2. the UTM campaign (context.campaign): a paid medium, then the source, then the medium
 *   3. the referrer's site (context.page.referrer, else context.referrer.url)
 *   4. the channel of the write key's source
 *   5. what sent it: the call type, the library, the device, the user agent
 *   6. 'other'
 * Keys are lower case; in mediums, '_' and ' ' are read as '-'.
 */

/** utm_medium values that mean a paid placement; any medium starting with `paid` (paid-social, paidsearch) too. */
export const PAID_MEDIUMS: ReadonlySet<string> = new Set([
  'cpc',
  'ppc',
  'cpm',
  'cpv',
  'display',
  'ads',
  'ad',
]);
export const PAID_MEDIUM_PREFIX = 'paid';

/** utm_medium values that are not paid. A paid medium wins over the source: paid Instagram is still 'ads'. */
export const MEDIUM_CHANNELS: ReadonlyMap<string, Channel> = new Map([
  ['email', 'email'],
  ['e-mail', 'email'],
  ['newsletter', 'email'],
  ['social', 'social'],
  ['social-organic', 'social'],
  ['organic-social', 'social'],
  ['referral', 'referral'],
  ['affiliate', 'referral'],
  ['whatsapp', 'whatsapp'],
]);

/**
 * Sites, by a label of their host name (m.facebook.com, shopee.co.id) or as a utm_source. A utm_source is
 * read before the medium only for WhatsApp (a link shared in a chat is a WhatsApp touchpoint whatever the
 * medium says, unless it was paid); other sources answer only when the medium said nothing.
 */
export const SITE_CHANNELS: ReadonlyMap<string, Channel> = new Map([
  ['whatsapp', 'whatsapp'],
  ['wa', 'whatsapp'],
  ['facebook', 'social'],
  ['instagram', 'social'],
  ['tiktok', 'social'],
  ['twitter', 'social'],
  ['youtube', 'social'],
  ['tokopedia', 'marketplace'],
  ['shopee', 'marketplace'],
  ['lazada', 'marketplace'],
  ['bukalapak', 'marketplace'],
  ['blibli', 'marketplace'],
]);
export const SOURCES_BEFORE_MEDIUM: ReadonlySet<Channel> = new Set(['whatsapp']);

/** Short host names that a label would misread (`x`, `t`); matched as the host or a suffix of it. */
export const HOST_CHANNELS: ReadonlyMap<string, Channel> = new Map([
  ['x.com', 'social'],
  ['t.co', 'social'],
  ['fb.com', 'social'],
  ['fb.me', 'social'],
  ['youtu.be', 'social'],
  ['wa.me', 'whatsapp'],
]);

/** context.library.name of Segment and RudderStack browser libraries. */
export const WEB_LIBRARIES: ReadonlySet<string> = new Set([
  'analytics.js',
  'analytics-next',
  '@segment/analytics-next',
  'rudderlabs javascript sdk',
]);

/** Words in context.library.name that mark a mobile library (analytics-ios, analytics-react-native, ...). */
export const MOBILE_LIBRARY_WORDS: readonly string[] = [
  'ios',
  'android',
  'react-native',
  'flutter',
  'kotlin',
  'swift',
];

/** context.device.type values of a phone or tablet app. */
export const APP_DEVICE_TYPES: ReadonlySet<string> = new Set(['ios', 'android']);

/** A browser announces itself as Mozilla; mobile SDKs send `Dalvik/...`, `okhttp/...` or nothing. */
export const BROWSER_USER_AGENT_PREFIX = 'Mozilla/';
