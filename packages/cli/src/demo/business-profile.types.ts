/** How a person first met the business. Referral is never drawn: referred friends come from advocates. */
export type ArrivalChannel =
  | 'instagram'
  | 'tiktok'
  | 'facebook'
  | 'google_ads'
  | 'organic_search'
  | 'referral'
  | 'walk_in'
  | 'marketplace'
  | 'whatsapp';

export type AdChannel = 'instagram' | 'tiktok' | 'facebook' | 'google_ads';

/** Where an order is placed; `properties.channel` of `Order Completed`. */
export type OrderChannel = 'store' | 'web' | 'app' | 'marketplace' | 'whatsapp';

export type PaymentMethod =
  'cash' | 'qris' | 'debit_card' | 'credit_card' | 'gopay' | 'ovo' | 'dana' | 'shopeepay' | 'bank_transfer';

export type Weighted<T> = readonly (readonly [T, number])[];

export type Branch = { id: string; code: string; name: string; city: string };

export type Product = {
  id: string;
  sku: string;
  name: string;
  category: string;
  price: number;
  slug: string;
};

/**
 * A buying habit. `gapDays` is the mean time between visits, `lapse` the chance at each visit that the
 * person goes quiet, `buyOnVisit` the chance a return visit ends in an order (the rest only browse).
 */
export type Rhythm = {
  kind: 'regular' | 'occasional' | 'one_off';
  gapDays: number;
  lapse: number;
  buyOnVisit: number;
};

/** Drop-off after arriving through a channel: chance to consider, then chance to buy once considering. */
export type Funnel = { consider: number; buy: number };

export type Fulfilment = {
  /** Share of web and app orders collected at an outlet instead of delivered. */
  pickupShare: number;
  /** Delivery time: minutes for food, days for parcels. */
  delivery: { unit: 'minutes' | 'days'; min: number; max: number };
};

/** Chances per order (or per person for reviews and NPS) of the after-sales events. */
export type ExperienceRates = {
  ticket: number;
  complaintShare: number;
  refund: number;
  csat: number;
  nps: number;
  review: number;
  share: number;
  /** Chance that a shared referral link brings a friend who opens it. */
  friendArrives: number;
  winBack: number;
  appAdoption: number;
};

export type BusinessProfile = {
  key: 'coffee_chain' | 'bench_shop';
  name: string;
  domain: string;
  app: { name: string; namespace: string; version: string; build: string };
  branches: readonly Branch[];
  /** The product listing page: the menu of a cafe, the catalogue of a shop. */
  catalogue: { path: string; name: string };
  /** Weight is popularity. */
  products: Weighted<Product>;
  searchTerms: readonly string[];
  arrivals: Weighted<ArrivalChannel>;
  funnel: Record<ArrivalChannel, Funnel>;
  campaigns: Record<AdChannel, readonly string[]>;
  marketplaces: readonly string[];
  /** Where buyers who did not walk in place their orders. */
  orderChannels: Weighted<OrderChannel>;
  payments: Record<OrderChannel, Weighted<PaymentMethod>>;
  rhythms: Weighted<Rhythm>;
  basket: { lines: Weighted<number>; quantity: Weighted<number> };
  /** Mean product views in a browsing session, and mean extra browsing visits of people who never buy. */
  browse: { productViews: number; returnVisits: number };
  fulfilment: Fulfilment;
  experience: ExperienceRates;
  /** Rupiah spent per loyalty point. */
  rupiahPerPoint: number;
  /** Local (Asia/Jakarta) hour of a visit. */
  hours: Weighted<number>;
  /** Chance a walk-in scans the table QR menu before ordering at the counter. */
  qrMenuScan: number;
};
