import type {
  ArrivalChannel,
  BusinessProfile,
  OrderChannel,
  PaymentMethod,
  Product,
  Rhythm,
} from './business-profile.types.ts';
import type { Identity, OrderRef, Person, Step } from './customer.state.ts';
import { DAY_MS, DayBuffer } from './day-buffer.ts';
import { MessageFactory } from './message-factory.ts';
import {
  EMAIL_DOMAINS,
  FAMILY_NAMES,
  FEMALE_NAMES,
  FEMALE_SURNAMES,
  HANDSETS,
  IP_PREFIXES,
  MALE_NAMES,
  MALE_SURNAMES,
  type Handset,
} from './people.data.ts';
import { customerCodeFor, drawCustomerForm, drawNationalNumber, formatPhone } from './phone-number.ts';
import { SeededRandom, WeightedTable } from './seeded-random.ts';
import type { SegmentMessage } from './segment-message.types.ts';
import { countMessage, emptySummary, type SimulationSummary } from './simulation-summary.ts';

const JAKARTA_OFFSET_MS = 7 * 3_600_000;

export type ActionKind =
  'arrive' | 'visit' | 'deliver' | 'ticket' | 'resolve_ticket' | 'refund' | 'csat' | 'nps' | 'review';
export type Ticket = { id: string; category: 'question' | 'complaint'; channel: string; openedAt: number };
export type Action = {
  person: number;
  kind: ActionKind;
  order: OrderRef | undefined;
  ticket: Ticket | undefined;
};

/** A session's running time: each step moves it on by a human pause, never past the end of the day. */
export class Clock {
  constructor(
    public at: number,
    private readonly random: SeededRandom,
    private readonly buffer: DayBuffer,
  ) {}

  tick(minSeconds: number, maxSeconds: number): number {
    this.at = this.buffer.clamp(this.at + this.random.int(minSeconds * 1000, maxSeconds * 1000));
    return this.at;
  }
}

/** Everything the sessions share: the random stream, the compiled profile, the people and the agenda. */
export class SimulationContext {
  readonly random: SeededRandom;
  readonly factory: MessageFactory;
  readonly buffer = new DayBuffer();
  readonly summary: SimulationSummary = emptySummary();
  readonly persons: Person[] = [];
  readonly agenda: Action[][];
  day = 0;
  /** `yyyymmdd` of the current day in Jakarta, for order ids. */
  datePart = '';
  private sequence = 0;

  readonly products: WeightedTable<Product>;
  readonly arrivals: WeightedTable<ArrivalChannel>;
  readonly orderChannels: WeightedTable<OrderChannel>;
  readonly payments: Record<OrderChannel, WeightedTable<PaymentMethod>>;
  readonly rhythms: WeightedTable<Rhythm>;
  readonly lines: WeightedTable<number>;
  readonly quantities: WeightedTable<number>;
  readonly hours: WeightedTable<number>;
  private readonly handsets = new WeightedTable<Handset>(HANDSETS);

  constructor(
    seed: number,
    readonly profile: BusinessProfile,
    readonly start: number,
    readonly days: number,
  ) {
    this.random = new SeededRandom(seed);
    this.factory = new MessageFactory(this.random, profile.domain, profile.app);
    this.agenda = Array.from({ length: days }, () => []);
    this.products = new WeightedTable(profile.products);
    this.arrivals = new WeightedTable(profile.arrivals);
    this.orderChannels = new WeightedTable(profile.orderChannels);
    const p = profile.payments;
    this.payments = {
      store: new WeightedTable(p.store),
      web: new WeightedTable(p.web),
      app: new WeightedTable(p.app),
      marketplace: new WeightedTable(p.marketplace),
      whatsapp: new WeightedTable(p.whatsapp),
    };
    this.rhythms = new WeightedTable(profile.rhythms);
    this.lines = new WeightedTable(profile.basket.lines);
    this.quantities = new WeightedTable(profile.basket.quantity);
    this.hours = new WeightedTable(profile.hours);
  }

  openDay(day: number): void {
    this.day = day;
    const start = this.start + day * DAY_MS;
    this.buffer.open(start);
    this.datePart = new Date(start + JAKARTA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
  }

  emit(at: number, message: SegmentMessage): void {
    this.buffer.push(at, message);
    countMessage(this.summary, message);
  }

  /** A time today at a local hour the business's customers favour. */
  visitTime(): number {
    const localSecond = this.hours.draw(this.random) * 3600 + this.random.int(0, 3599);
    const localStartOfWindow = (this.buffer.start + JAKARTA_OFFSET_MS) % DAY_MS;
    const offset = (((localSecond * 1000 - localStartOfWindow) % DAY_MS) + DAY_MS) % DAY_MS;
    return this.buffer.start + offset + this.random.int(0, 999);
  }

  clockAt(at: number): Clock {
    return new Clock(at, this.random, this.buffer);
  }

  /** Later the same day or on a later one; anything past the simulated period is dropped. */
  schedule(inDays: number, action: Action): void {
    const day = this.day + Math.max(1, Math.round(inDays));
    if (day < this.days) this.agenda[day]!.push(action);
  }

  nextId(prefix: string): string {
    this.sequence++;
    return `${prefix}-${this.datePart}-${String(this.sequence).padStart(6, '0')}`;
  }

  reach(person: Person, step: Step): void {
    this.summary.reached[step]++;
    if (step === 'consideration') person.considered = true;
    if (step === 'advocacy') person.advocate = true;
  }

  createPerson(channel: ArrivalChannel, referrer: number): Person {
    const random = this.random;
    const funnel = this.profile.funnel[channel];
    const willConsider = random.chance(funnel.consider);
    const handset = this.handsets.draw(random);
    const person: Person = {
      index: this.persons.length,
      channel,
      campaign: undefined,
      handset,
      ip: `${random.pick(IP_PREFIXES)}.${random.int(1, 254)}.${random.int(1, 254)}`,
      anonymousId: random.uuid(),
      device: undefined,
      identity: undefined,
      webUserId: undefined,
      posKnown: false,
      whatsappKnown: false,
      homeBranch: random.int(0, this.profile.branches.length - 1),
      hasApp: false,
      rhythm: this.rhythms.draw(random),
      willConsider,
      willBuy: willConsider && random.chance(funnel.buy),
      preferredChannel: this.firstOrderChannel(channel),
      marketplace: random.pick(this.profile.marketplaces),
      considered: false,
      advocate: false,
      orders: 0,
      points: 0,
      satisfaction: 0.55 + 0.45 * random.next(),
      lapsed: false,
      browseVisitsLeft: Math.floor(random.exponential(this.profile.browse.returnVisits)),
      referrer,
      referralCode: undefined,
      pendingReferral: referrer >= 0,
      reviewed: false,
      answeredNps: false,
      lastUrl: '',
    };
    this.persons.push(person);
    return person;
  }

  /** Name and number are made up the first time a source asks for them. */
  identityOf(person: Person): Identity {
    if (person.identity !== undefined) return person.identity;
    const random = this.random;
    const female = random.chance(0.52);
    const given = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const roll = random.next();
    const surname =
      roll < 0.1
        ? ''
        : roll < 0.55
          ? random.pick(FAMILY_NAMES)
          : random.pick(female ? FEMALE_SURNAMES : MALE_SURNAMES);
    const name = surname === '' ? given : `${given} ${surname}`;
    const national = drawNationalNumber(random);
    const handle =
      name.toLowerCase().replace(/ /g, random.chance(0.5) ? '.' : '') +
      (random.chance(0.6) ? String(random.int(1, 99)) : '');
    const posForm = random.chance(0.6) ? 'plain_local' : random.chance(0.5) ? 'dashed' : 'spaced_local';
    person.identity = {
      name,
      email: `${handle}@${random.pick(EMAIL_DOMAINS)}`,
      national,
      phone: formatPhone(national, drawCustomerForm(random)),
      posPhone: formatPhone(national, posForm),
      customerCode: customerCodeFor(national),
    };
    return person.identity;
  }

  private firstOrderChannel(channel: ArrivalChannel): OrderChannel {
    if (channel === 'walk_in') return 'store';
    if (channel === 'marketplace' && this.random.chance(0.75)) return 'marketplace';
    if (channel === 'whatsapp' && this.random.chance(0.6)) return 'whatsapp';
    const drawn = this.orderChannels.draw(this.random);
    // Nobody installs the app before their first order; app orders start once it is adopted.
    return drawn === 'app' ? 'web' : drawn;
  }
}
