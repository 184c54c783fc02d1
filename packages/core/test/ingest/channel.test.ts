import { describe, expect, it } from 'vitest';
import type { Channel } from '../../src/channel.ts';
import type { EventType } from '../../src/event.ts';
import { deriveChannel, normalizeMessage } from '../../src/ingest/index.ts';
import { aContext, aTrack, accepted } from './message.factory.ts';

type Signals = {
  type?: EventType;
  properties?: Record<string, unknown>;
  context?: Record<string, unknown>;
  defaultChannel?: Channel;
};
const channelOf = ({ type = 'track', properties = {}, context = {}, defaultChannel }: Signals) =>
  deriveChannel({ type, properties, context, defaultChannel });
const campaign = (source: string | undefined, medium: string | undefined) => ({
  context: { campaign: { source, medium } },
});
const referrer = (url: string) => ({ context: { page: { referrer: url } } });
const library = (name: string) => ({ context: { library: { name } } });

describe('deriveChannel', () => {
  it.each<[string, Signals, Channel]>([
    [
      'an explicit properties.channel',
      { properties: { channel: 'WhatsApp' }, ...campaign('google', 'cpc') },
      'whatsapp',
    ],
    ['a Jejak channel in context.channel', { context: { channel: 'store' } }, 'store'],
    [
      "Segment's own context.channel, which is not a Jejak channel",
      { type: 'page', context: { channel: 'browser' } },
      'web',
    ],
    ['utm_medium cpc', campaign('google', 'cpc'), 'ads'],
    ['utm_medium ppc', campaign('bing', 'ppc'), 'ads'],
    ['utm_medium paid_social', campaign('instagram', 'paid_social'), 'ads'],
    ['utm_medium paidsearch', campaign('google', 'paidsearch'), 'ads'],
    ['utm_medium display', campaign('detik', 'display'), 'ads'],
    ['utm_medium cpm', campaign('kompas', 'cpm'), 'ads'],
    ['utm_medium ads', campaign('tiktok', 'ads'), 'ads'],
    ['utm_medium email', campaign('mailchimp', 'email'), 'email'],
    ['utm_medium newsletter', campaign('mingguan', 'newsletter'), 'email'],
    ['utm_medium social', campaign('instagram', 'social'), 'social'],
    ['utm_medium social-organic', campaign('facebook', 'social-organic'), 'social'],
    ['utm_medium referral', campaign('partner', 'referral'), 'referral'],
    ['utm_medium affiliate', campaign('blogger', 'affiliate'), 'referral'],
    ['utm_source whatsapp', campaign('whatsapp', 'social'), 'whatsapp'],
    ['utm_source wa', campaign('wa', undefined), 'whatsapp'],
    ['a paid medium with the WhatsApp source', campaign('whatsapp', 'cpc'), 'ads'],
    ['a marketplace source without medium', campaign('shopee', undefined), 'marketplace'],
    ['UTM keys written as utm_*', { context: { campaign: { utm_medium: 'email' } } }, 'email'],
    ['a facebook referrer', referrer('https://m.facebook.com/story.php?id=1'), 'social'],
    ['an instagram referrer', referrer('https://l.instagram.com/?u=x'), 'social'],
    ['a tiktok referrer', referrer('https://www.tiktok.com/@toko'), 'social'],
    ['an x.com referrer', referrer('https://x.com/toko/status/1'), 'social'],
    ['a t.co referrer', referrer('https://t.co/abc'), 'social'],
    ['a youtube referrer', referrer('https://www.youtube.com/watch?v=1'), 'social'],
    ['a tokopedia referrer', referrer('https://www.tokopedia.com/toko'), 'marketplace'],
    ['a shopee referrer', referrer('https://shopee.co.id/toko'), 'marketplace'],
    ['a lazada referrer', referrer('https://www.lazada.co.id/shop/toko'), 'marketplace'],
    ['a bukalapak referrer', referrer('https://www.bukalapak.com/u/toko'), 'marketplace'],
    ['a blibli referrer', referrer('https://www.blibli.com/merchant/toko'), 'marketplace'],
    [
      'an unknown referrer on a page, by the call type',
      { type: 'page', ...referrer('https://www.google.com/') },
      'web',
    ],
    [
      'a campaign before the referrer',
      { context: { campaign: { medium: 'email' }, page: { referrer: 'https://shopee.co.id/' } } },
      'email',
    ],
    [
      'a referrer before the write key source',
      { defaultChannel: 'store', ...referrer('https://shopee.co.id/') },
      'marketplace',
    ],
    [
      'a mobile deep-link referrer',
      { context: { referrer: { url: 'https://www.instagram.com/p/1' } } },
      'social',
    ],
    ['a wa.me referrer', referrer('https://wa.me/6281234567890'), 'whatsapp'],
    ['the write key source', { defaultChannel: 'store', ...library('analytics.js') }, 'store'],
    ['a page call', { type: 'page' }, 'web'],
    ['a screen call', { type: 'screen' }, 'app'],
    ['analytics.js', library('analytics.js'), 'web'],
    ['a browser user agent', { context: { userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/120' } }, 'web'],
    ['analytics-ios', library('analytics-ios'), 'app'],
    ['analytics-android', library('analytics-android'), 'app'],
    ['analytics-react-native', library('analytics-react-native'), 'app'],
    ['analytics-flutter', library('analytics-flutter'), 'app'],
    ['an android device', { context: { device: { type: 'android' } } }, 'app'],
    ['a library whose name only contains "ios"', library('axios-tracker'), 'other'],
    ['a server library with nothing else to go on', library('@segment/analytics-node'), 'other'],
  ])('reads %s', (_case, signals, channel) => {
    expect(channelOf(signals)).toBe(channel);
  });

  it("gives a normalised message the write key's default channel", () => {
    const message = accepted(normalizeMessage(aTrack(), aContext({ defaultChannel: 'store' })));
    expect(message.channel).toBe('store');
  });
});
