import type { OrderRef, Person } from './customer.state.ts';
import type { Action, Clock, SimulationContext, Ticket } from './simulation.context.ts';
import { assertUnreachable } from './unreachable.ts';

const SUBJECTS = {
  complaint: [
    'pesanan terlambat',
    'produk tidak sesuai',
    'pesanan kurang',
    'pelayanan kasir',
    'kemasan rusak',
  ],
  question: [
    'cara tukar poin',
    'status pesanan',
    'jam buka outlet',
    'metode pembayaran',
    'ketersediaan produk',
  ],
} as const;
const TICKET_CHANNELS = ['whatsapp', 'whatsapp', 'whatsapp', 'chat', 'phone', 'email'] as const;
const COURIERS = {
  minutes: ['GoSend', 'GrabExpress'],
  days: ['JNE', 'J&T Express', 'SiCepat', 'AnterAja'],
} as const;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

function serverTrack(
  ctx: SimulationContext,
  order: OrderRef,
  at: number,
  event: string,
  properties: Parameters<SimulationContext['factory']['serverTrack']>[4],
): void {
  ctx.emit(at, ctx.factory.serverTrack(order.userId, order.phone, at, event, properties));
}

function fulfil(ctx: SimulationContext, person: Person, clock: Clock, order: OrderRef): void {
  if (order.channel === 'store') return;
  const { fulfilment } = ctx.profile;
  const online = order.channel === 'web' || order.channel === 'app';
  if (online && ctx.random.chance(fulfilment.pickupShare)) {
    const branch = ctx.profile.branches[order.branch]!;
    serverTrack(ctx, order, clock.tick(600, 1800), 'Order Picked Up', {
      order_id: order.orderId,
      branch_id: branch.id,
    });
    return;
  }
  const { unit, min, max } = fulfilment.delivery;
  if (unit === 'minutes') return deliver(ctx, order, clock.tick(min * 60, max * 60));
  const courier = ctx.random.pick(COURIERS.days);
  const tracking = `${courier.slice(0, 2).toUpperCase()}${ctx.random.digits(10)}`;
  serverTrack(ctx, order, clock.tick(1800, 14_400), 'Order Shipped', {
    order_id: order.orderId,
    courier,
    tracking_number: tracking,
  });
  ctx.schedule(ctx.random.int(min, max), { person: person.index, kind: 'deliver', order, ticket: undefined });
}

function deliver(ctx: SimulationContext, order: OrderRef, at: number): void {
  const courier = ctx.random.pick(COURIERS[ctx.profile.fulfilment.delivery.unit]);
  serverTrack(ctx, order, at, 'Order Delivered', { order_id: order.orderId, courier });
}

function earnPoints(
  ctx: SimulationContext,
  person: Person,
  clock: Clock,
  order: OrderRef,
  points: number,
  reason: string,
): void {
  person.points += points;
  // The channel lets the demo leave out the counter's: the order service earns those for real.
  const properties = {
    points,
    reason,
    order_id: order.orderId,
    balance: person.points,
    channel: order.channel,
  };
  serverTrack(ctx, order, clock.tick(1, 5), 'Points Earned', properties);
}

/** The friend who came through this person's link just bought: the referral converts. */
function convertReferral(ctx: SimulationContext, person: Person, clock: Clock, order: OrderRef): void {
  person.pendingReferral = false;
  const referrer = ctx.persons[person.referrer];
  if (referrer?.identity === undefined || referrer.referralCode === undefined) return;
  const credit: OrderRef = {
    ...order,
    userId: referrer.webUserId ?? referrer.identity.customerCode,
    phone: referrer.identity.phone,
  };
  const properties = {
    referral_code: referrer.referralCode,
    referred_user_id: order.userId,
    order_id: order.orderId,
    reward_points: 50,
  };
  serverTrack(ctx, credit, clock.tick(5, 30), 'Referral Converted', properties);
  earnPoints(ctx, referrer, clock, credit, 50, 'referral');
  if (!referrer.advocate) ctx.reach(referrer, 'advocacy');
}

/** A happy customer shares their link; sometimes a friend opens it a few days later. */
function shareLink(
  ctx: SimulationContext,
  person: Person,
  clock: Clock,
  order: OrderRef,
  spawnFriend: (referrer: Person) => void,
): void {
  const identity = ctx.identityOf(person);
  person.referralCode ??= `${identity.name.split(' ')[0]!.toUpperCase()}${person.index.toString(36).toUpperCase()}`;
  const properties = {
    product_id: order.productId,
    share_via: 'whatsapp',
    referral_code: person.referralCode,
  };
  const message = person.hasApp
    ? ctx.factory.appTrack(person, clock.tick(20, 300), 'Product Shared', properties)
    : ctx.factory.webTrack(person, clock.tick(20, 300), 'Product Shared', properties, {
        path: '/ajak-teman',
        title: `Ajak Teman | ${ctx.profile.name}`,
        search: '',
        referrer: '',
      });
  ctx.emit(clock.at, message);
  if (ctx.random.chance(ctx.profile.experience.friendArrives)) spawnFriend(person);
}

/** Everything a completed order sets in motion: points, fulfilment, support, surveys, reviews, referrals. */
export function afterOrder(
  ctx: SimulationContext,
  person: Person,
  clock: Clock,
  order: OrderRef,
  spawnFriend: (referrer: Person) => void,
): void {
  const { random } = ctx;
  const rates = ctx.profile.experience;
  const member = order.channel === 'store' || order.channel === 'web' || order.channel === 'app';
  if (member)
    earnPoints(ctx, person, clock, order, Math.floor(order.total / ctx.profile.rupiahPerPoint), 'purchase');
  fulfil(ctx, person, clock, order);
  if (person.pendingReferral && person.orders === 1) convertReferral(ctx, person, clock, order);
  const later = (kind: Action['kind'], inDays: number): void =>
    ctx.schedule(inDays, { person: person.index, kind, order, ticket: undefined });
  if (random.chance(rates.ticket)) later('ticket', random.int(1, 3));
  if (random.chance(rates.refund)) later('refund', random.int(1, 4));
  if (random.chance(rates.csat)) later('csat', 1);
  if (person.orders >= 3 && !person.answeredNps && random.chance(rates.nps)) later('nps', random.int(1, 3));
  if (!person.reviewed && random.chance(rates.review)) later('review', random.int(1, 5));
  if (person.orders >= 2 && person.satisfaction > 0.75 && random.chance(rates.share))
    shareLink(ctx, person, clock, order, spawnFriend);
}

function openTicket(ctx: SimulationContext, person: Person, clock: Clock, order: OrderRef): void {
  const { random } = ctx;
  const complaint = random.chance(ctx.profile.experience.complaintShare);
  const category = complaint ? 'complaint' : 'question';
  const ticket: Ticket = {
    id: ctx.nextId('TKT'),
    category,
    channel: random.pick(TICKET_CHANNELS),
    openedAt: clock.at,
  };
  const subject = random.pick(SUBJECTS[category]);
  serverTrack(ctx, order, clock.at, 'Ticket Opened', {
    ticket_id: ticket.id,
    category,
    channel: ticket.channel,
    subject,
    order_id: order.orderId,
  });
  if (complaint) person.satisfaction -= 0.2;
  if (random.chance(0.7)) resolveTicket(ctx, person, clock.tick(600, 14_400), order, ticket);
  else ctx.schedule(1, { person: person.index, kind: 'resolve_ticket', order, ticket });
}

function resolveTicket(
  ctx: SimulationContext,
  person: Person,
  at: number,
  order: OrderRef,
  ticket: Ticket,
): void {
  const properties = {
    ticket_id: ticket.id,
    category: ticket.category,
    channel: ticket.channel,
    resolution_minutes: Math.round((at - ticket.openedAt) / 60_000),
  };
  serverTrack(ctx, order, at, 'Ticket Resolved', properties);
  person.satisfaction = Math.min(1, person.satisfaction + 0.1);
}

function score(ctx: SimulationContext, person: Person, min: number, max: number): number {
  const noise = (ctx.random.next() - 0.5) * 0.3;
  return clamp(Math.round(min + (max - min) * (person.satisfaction + noise)), min, max);
}

/** Runs a follow-up scheduled after an order, on the day it falls due. */
export function followUp(ctx: SimulationContext, person: Person, clock: Clock, action: Action): void {
  const { kind, order, ticket } = action;
  if (order === undefined) throw new Error(`${kind} follows an order`);
  switch (kind) {
    case 'deliver':
      return deliver(ctx, order, clock.at);
    case 'ticket':
      return openTicket(ctx, person, clock, order);
    case 'resolve_ticket':
      if (ticket !== undefined) resolveTicket(ctx, person, clock.at, order, ticket);
      return;
    case 'refund':
      person.satisfaction -= 0.15;
      serverTrack(ctx, order, clock.at, 'Order Refunded', {
        order_id: order.orderId,
        total: order.total,
        currency: 'IDR',
        reason: ctx.random.pick(['produk rusak', 'salah kirim', 'stok habis', 'dibatalkan pelanggan']),
      });
      return;
    case 'csat':
      serverTrack(ctx, order, clock.at, 'Survey Responded', {
        survey_id: 'srv_csat_pesanan',
        survey_type: 'csat',
        score: score(ctx, person, 1, 5),
        order_id: order.orderId,
      });
      return;
    case 'nps': {
      person.answeredNps = true;
      const nps = score(ctx, person, 0, 10);
      serverTrack(ctx, order, clock.at, 'Survey Responded', {
        survey_id: 'srv_nps_kuartal',
        survey_type: 'nps',
        score: nps,
      });
      if (nps >= 9 && !person.advocate) ctx.reach(person, 'advocacy');
      return;
    }
    case 'review': {
      person.reviewed = true;
      const rating = score(ctx, person, 1, 5);
      serverTrack(ctx, order, clock.at, 'Review Posted', {
        review_id: ctx.nextId('RVW'),
        product_id: order.productId,
        order_id: order.orderId,
        rating,
      });
      if (rating >= 4 && !person.advocate) ctx.reach(person, 'advocacy');
      return;
    }
    case 'arrive':
    case 'visit':
      throw new Error(`${kind} is not a follow-up`);
    default:
      return assertUnreachable(kind);
  }
}
