import { bounce, firstTouch, winBackTouch } from './awareness.sessions.ts';
import type { OrderChannel } from './business-profile.types.ts';
import { askOnWhatsApp, browse } from './consideration.sessions.ts';
import type { Person } from './customer.state.ts';
import { afterOrder } from './experience.sessions.ts';
import { placeOrder } from './purchase.sessions.ts';
import type { Clock, SimulationContext } from './simulation.context.ts';

/** Brings a friend in through a referral link: one of the people still to arrive, so the total stays fixed. */
export type SpawnFriend = (referrer: Person) => void;

function orderChannelFor(ctx: SimulationContext, person: Person): OrderChannel {
  const drawn =
    person.orders === 0 || ctx.random.chance(0.8)
      ? person.preferredChannel
      : ctx.orderChannels.draw(ctx.random);
  return drawn === 'app' && !person.hasApp ? 'web' : drawn;
}

const isOnline = (channel: OrderChannel): boolean => channel === 'web' || channel === 'app';

function adoptApp(ctx: SimulationContext, person: Person, clock: Clock): void {
  if (
    person.hasApp ||
    person.handset.platform === 'desktop' ||
    !ctx.random.chance(ctx.profile.experience.appAdoption)
  )
    return;
  person.hasApp = true;
  if (person.preferredChannel === 'web') person.preferredChannel = 'app';
  const { version, build } = ctx.profile.app;
  ctx.emit(
    clock.tick(600, 7200),
    ctx.factory.appTrack(person, clock.at, 'Application Installed', { version, build }),
  );
}

/** Goes quiet, maybe for good; a few are won back by a broadcast weeks later. Otherwise books the next visit. */
function planNextVisit(ctx: SimulationContext, person: Person): void {
  const { random } = ctx;
  const unhappy = Math.max(0, 0.6 - person.satisfaction) * 0.5;
  if (random.chance(person.rhythm.lapse + unhappy)) {
    person.lapsed = true;
    ctx.summary.lapsed++;
    if (random.chance(ctx.profile.experience.winBack))
      ctx.schedule(random.int(30, 120), {
        person: person.index,
        kind: 'visit',
        order: undefined,
        ticket: undefined,
      });
    return;
  }
  ctx.schedule(random.exponential(person.rhythm.gapDays), {
    person: person.index,
    kind: 'visit',
    order: undefined,
    ticket: undefined,
  });
}

function buy(
  ctx: SimulationContext,
  person: Person,
  clock: Clock,
  channel: OrderChannel,
  spawnFriend: SpawnFriend,
): void {
  const order = placeOrder(ctx, person, clock, channel);
  afterOrder(ctx, person, clock, order, spawnFriend);
  if (person.orders === 1) adoptApp(ctx, person, clock);
  planNextVisit(ctx, person);
}

function comeBackLater(ctx: SimulationContext, person: Person, minDays: number, maxDays: number): void {
  ctx.schedule(ctx.random.int(minDays, maxDays), {
    person: person.index,
    kind: 'visit',
    order: undefined,
    ticket: undefined,
  });
}

/** A new person's first day: the first touchpoint, and for the interested a look around or a first order. */
export function arrive(ctx: SimulationContext, person: Person, clock: Clock, spawnFriend: SpawnFriend): void {
  ctx.summary.customers++;
  ctx.summary.arrivals[person.channel] = (ctx.summary.arrivals[person.channel] ?? 0) + 1;
  ctx.reach(person, 'awareness');
  if (firstTouch(ctx, person, clock)) ctx.reach(person, 'consideration');
  if (!person.willConsider) return bounce(ctx, person, clock);
  if (person.channel === 'walk_in') {
    if (person.willBuy) buy(ctx, person, clock, 'store', spawnFriend);
    return;
  }
  if (person.channel === 'whatsapp') {
    if (person.willBuy) comeBackLater(ctx, person, 1, 4);
    return;
  }
  browse(ctx, person, clock, person.willBuy && isOnline(person.preferredChannel));
  if (person.willBuy && isOnline(person.preferredChannel) && ctx.random.chance(0.4))
    buy(ctx, person, clock, person.preferredChannel, spawnFriend);
  else if (person.willBuy || person.browseVisitsLeft > 0) comeBackLater(ctx, person, 1, 7);
}

/** A return visit: a browse, a question, an order, or a lapsed customer won back. */
export function visit(ctx: SimulationContext, person: Person, clock: Clock, spawnFriend: SpawnFriend): void {
  const { random } = ctx;
  if (person.lapsed) {
    person.lapsed = false;
    ctx.summary.wonBack++;
    winBackTouch(ctx, person, clock);
    buy(ctx, person, clock, orderChannelFor(ctx, person), spawnFriend);
    return;
  }
  if (person.orders === 0 && !person.willBuy) {
    if (random.chance(0.15)) askOnWhatsApp(ctx, person, clock);
    else browse(ctx, person, clock, random.chance(0.3));
    if (--person.browseVisitsLeft > 0) comeBackLater(ctx, person, 2, 10);
    return;
  }
  const channel = orderChannelFor(ctx, person);
  const buying = person.orders === 0 || random.chance(person.rhythm.buyOnVisit);
  // Counter regulars just walk up and order; everyone else looks first, and non-buyers only look.
  if (!buying || channel !== 'store' || random.chance(0.15))
    browse(ctx, person, clock, buying && isOnline(channel));
  if (buying) buy(ctx, person, clock, channel, spawnFriend);
  else planNextVisit(ctx, person);
}
