import type { AdChannel } from './business-profile.types.ts';
import { askOnWhatsApp } from './consideration.sessions.ts';
import type { Person } from './customer.state.ts';
import type { WebPage } from './message-factory.ts';
import type { Clock, SimulationContext } from './simulation.context.ts';
import { assertUnreachable } from './unreachable.ts';

const AD_SOURCES: Record<
  AdChannel,
  { source: string; medium: string; referrer: string; content: readonly string[] }
> = {
  instagram: {
    source: 'instagram',
    medium: 'paid_social',
    referrer: 'https://l.instagram.com/',
    content: ['reels', 'story', 'feed_carousel'],
  },
  tiktok: {
    source: 'tiktok',
    medium: 'paid_social',
    referrer: 'https://www.tiktok.com/',
    content: ['in_feed', 'spark_ads'],
  },
  facebook: {
    source: 'facebook',
    medium: 'paid_social',
    referrer: 'https://m.facebook.com/',
    content: ['feed', 'marketplace'],
  },
  google_ads: {
    source: 'google',
    medium: 'cpc',
    referrer: 'https://www.google.com/',
    content: ['search', 'maps'],
  },
};

const MARKETPLACE_SITES: Record<string, string> = {
  gofood: 'https://gofood.co.id/',
  grabfood: 'https://food.grab.com/',
  shopeefood: 'https://shopee.co.id/',
  tokopedia: 'https://www.tokopedia.com/',
  shopee: 'https://shopee.co.id/',
  lazada: 'https://www.lazada.co.id/',
};

const title = (what: string, ctx: SimulationContext): string => `${what} | ${ctx.profile.name}`;

function adLanding(ctx: SimulationContext, person: Person, channel: AdChannel): WebPage {
  const ad = AD_SOURCES[channel];
  const name = ctx.random.pick(ctx.profile.campaigns[channel]);
  const content = ctx.random.pick(ad.content);
  person.campaign = { source: ad.source, medium: ad.medium, name, content };
  return {
    path: `/promo/${name}`,
    title: title('Promo', ctx),
    search: `?utm_source=${ad.source}&utm_medium=${ad.medium}&utm_campaign=${name}&utm_content=${content}`,
    referrer: ad.referrer,
    campaign: person.campaign,
  };
}

function referralLanding(ctx: SimulationContext, person: Person): WebPage {
  const code = ctx.persons[person.referrer]?.referralCode ?? 'TEMAN';
  person.campaign = { source: 'referral', medium: 'referral', name: 'ajak-teman', content: code };
  return {
    path: `/r/${code}`,
    title: title('Hadiah dari temanmu', ctx),
    search: `?utm_source=referral&utm_medium=referral&utm_campaign=ajak-teman&utm_content=${code}`,
    referrer: 'android-app://com.whatsapp/',
    campaign: person.campaign,
  };
}

function qrMenu(ctx: SimulationContext, person: Person): WebPage {
  const branch = ctx.profile.branches[person.homeBranch]!;
  person.campaign = { source: 'qr_meja', medium: 'offline', name: `outlet-${branch.code.toLowerCase()}` };
  return {
    path: ctx.profile.catalogue.path,
    title: title(ctx.profile.catalogue.name, ctx),
    search: `?utm_source=qr_meja&utm_medium=offline&utm_campaign=${person.campaign.name}`,
    referrer: '',
    campaign: person.campaign,
  };
}

function marketplaceLink(ctx: SimulationContext, person: Person): WebPage {
  person.campaign = { source: person.marketplace, medium: 'marketplace', name: 'store-link' };
  return {
    path: '/',
    title: ctx.profile.name,
    search: `?utm_source=${person.marketplace}&utm_medium=marketplace&utm_campaign=store-link`,
    referrer: MARKETPLACE_SITES[person.marketplace] ?? '',
    campaign: person.campaign,
  };
}

const home = (ctx: SimulationContext, referrer: string): WebPage => ({
  path: '/',
  title: ctx.profile.name,
  search: '',
  referrer,
});

/**
 * The first touchpoint of a new person. Returns whether it already showed interest (a WhatsApp
 * question, a menu scanned at the table) so the caller does not count consideration twice.
 */
export function firstTouch(ctx: SimulationContext, person: Person, clock: Clock): boolean {
  const channel = person.channel;
  switch (channel) {
    case 'instagram':
    case 'tiktok':
    case 'facebook':
    case 'google_ads':
      ctx.emit(
        clock.at,
        ctx.factory.webPage(person, clock.at, 'Promo', adLanding(ctx, person, channel), 'landing'),
      );
      return false;
    case 'organic_search':
      ctx.emit(
        clock.at,
        ctx.factory.webPage(person, clock.at, 'Beranda', home(ctx, 'https://www.google.com/')),
      );
      return false;
    case 'marketplace':
      ctx.emit(clock.at, ctx.factory.webPage(person, clock.at, 'Beranda', marketplaceLink(ctx, person)));
      return false;
    case 'referral': {
      const page = referralLanding(ctx, person);
      ctx.emit(clock.at, ctx.factory.webPage(person, clock.at, 'Referal', page, 'referral'));
      const code = person.campaign?.content ?? '';
      ctx.emit(
        clock.tick(1, 4),
        ctx.factory.webTrack(person, clock.at, 'Referral Link Opened', { referral_code: code }, page),
      );
      return false;
    }
    case 'walk_in':
      if (person.willBuy && !ctx.random.chance(ctx.profile.qrMenuScan)) return false;
      ctx.emit(
        clock.at,
        ctx.factory.webPage(person, clock.at, ctx.profile.catalogue.name, qrMenu(ctx, person), 'product'),
      );
      return true;
    case 'whatsapp':
      askOnWhatsApp(ctx, person, clock);
      return true;
    default:
      return assertUnreachable(channel);
  }
}

/** People who only look: a second page at most, then gone. */
export function bounce(ctx: SimulationContext, person: Person, clock: Clock): void {
  if (person.channel === 'whatsapp' || person.channel === 'walk_in' || !ctx.random.chance(0.3)) return;
  ctx.emit(clock.tick(5, 60), ctx.factory.webPage(person, clock.at, 'Beranda', home(ctx, person.lastUrl)));
}

/** A broadcast to lapsed customers who have an account: "Kami kangen!" with a voucher. */
export function winBackTouch(ctx: SimulationContext, person: Person, clock: Clock): void {
  if (person.webUserId === undefined) return;
  const campaign = { source: 'whatsapp', medium: 'broadcast', name: 'kami-kangen' };
  const page: WebPage = {
    path: '/promo/kami-kangen',
    title: title('Kami kangen!', ctx),
    search: '?utm_source=whatsapp&utm_medium=broadcast&utm_campaign=kami-kangen',
    referrer: 'android-app://com.whatsapp/',
    campaign,
  };
  ctx.emit(clock.at, ctx.factory.webPage(person, clock.at, 'Promo', page, 'landing'));
}
