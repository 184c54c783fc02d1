/*
 * First- and last-touch attribution of a customer's first purchase, and what each channel's ad spend
 * bought: cost per acquired customer (CAC) and return on ad spend (ROAS).
 *
 * A touch is a touchpoint (track, page or screen event, not the order itself) strictly before the
 * first purchase and at most `lookbackDays` before it. A customer without such a touch (he walked in
 * and bought) is attributed to the purchase's own channel and campaign: the sale was its own touch.
 * Revenue credited to a channel is the first purchase alone (`revenueDays` 0), or every purchase from
 * the first up to `revenueDays` days after it; both count in the month of the first purchase.
 */

const DAY_MS = 86_400_000;

export const ATTRIBUTION_MODELS = ['first', 'last'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

export interface AttributionTouch {
  at: number;
  messageId: string;
  channel: string;
  /** The UTM campaign name (`context.campaign.name`), or null. */
  campaign: string | null;
}

export interface AttributionOrder extends AttributionTouch {
  /** What the order is worth, in the currency's minor unit. */
  amount: number;
}

export interface CustomerTouches {
  customerId: string;
  orders: readonly AttributionOrder[];
  touches: readonly AttributionTouch[];
}

export interface AttributedTouch {
  channel: string;
  campaign: string | null;
  at: number;
}

export interface CustomerAttribution {
  customerId: string;
  firstPurchaseAt: number;
  /** Revenue credited to the touch: the first purchase, or all purchases inside `revenueDays`. */
  revenue: number;
  /** Touches inside the lookback window before the first purchase (0: the purchase was its own touch). */
  touches: number;
  first: AttributedTouch;
  last: AttributedTouch;
}

export interface AttributionOptions {
  /** How far back a touch may lie before the first purchase (default 30). */
  lookbackDays?: number;
  /** 0 (default): revenue of the first purchase only; N: all purchases up to N days after the first. */
  revenueDays?: number;
}

const byTime = (a: AttributionTouch, b: AttributionTouch) =>
  a.at !== b.at ? a.at - b.at : a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0;

/**
 * The first and last touch of one customer's first purchase, or null when he never bought.
 *
 * @example
 * attributeFirstPurchase({ customerId: 'c1', touches: [ig, google], orders: [order] }, { lookbackDays: 30 })
 * // { first: { channel: 'social', ... }, last: { channel: 'ads', ... }, touches: 2, revenue: 150000, ... }
 */
export function attributeFirstPurchase(
  customer: CustomerTouches,
  options: AttributionOptions = {},
): CustomerAttribution | null {
  const lookbackMs = (options.lookbackDays ?? 30) * DAY_MS;
  const revenueMs = (options.revenueDays ?? 0) * DAY_MS;
  const orders = customer.orders.slice().sort(byTime);
  const purchase = orders[0];
  if (purchase === undefined) return null;
  let revenue = purchase.amount;
  if (revenueMs > 0) {
    for (const order of orders.slice(1)) {
      if (order.at <= purchase.at + revenueMs) revenue += order.amount;
    }
  }
  const window = customer.touches
    .filter((t) => t.at < purchase.at && t.at >= purchase.at - lookbackMs)
    .sort(byTime);
  const pick = (t: AttributionTouch): AttributedTouch => ({
    channel: t.channel,
    campaign: t.campaign,
    at: t.at,
  });
  return {
    customerId: customer.customerId,
    firstPurchaseAt: purchase.at,
    revenue,
    touches: window.length,
    first: pick(window[0] ?? purchase),
    last: pick(window[window.length - 1] ?? purchase),
  };
}

export interface SpendEntry {
  channel: string;
  /** `2026-11` */
  month: string;
  campaign: string;
  amount: number;
}

export interface ChannelMonthReturn {
  month: string;
  channel: string;
  customers: number;
  revenue: number;
  spend: number;
  /** spend / customers, rounded to the minor unit; null without a customer. */
  cac: number | null;
  /** revenue / spend; null without spend. */
  roas: number | null;
}

export interface CampaignReturn {
  channel: string;
  /** '' for customers whose touch named no campaign (and spend entered for the channel as a whole). */
  campaign: string;
  customers: number;
  revenue: number;
  spend: number;
}

export interface ChannelReturn {
  /** One row per month and channel that had customers or spend, by month then channel. */
  months: ChannelMonthReturn[];
  /** The same over all the months, one row per channel. */
  channels: ChannelMonthReturn[];
  campaigns: CampaignReturn[];
}

/**
 * CAC and ROAS per channel and month: the customers whose first purchase fell in a month, credited to
 * their first or last touch's channel, against the spend entered for that channel and month.
 *
 * @example
 * channelReturn(attributions, spend, 'last', (at) => '2026-11').channels
 * // [{ month: '', channel: 'ads', customers: 4, revenue: 600000, spend: 1000000, cac: 250000, roas: 0.6 }]
 */
export function channelReturn(
  attributions: readonly CustomerAttribution[],
  spend: readonly SpendEntry[],
  model: AttributionModel,
  monthOf: (at: number) => string,
): ChannelReturn {
  const months = new Map<string, ChannelMonthReturn>();
  const channels = new Map<string, ChannelMonthReturn>();
  const campaigns = new Map<string, CampaignReturn>();
  const cell = (map: Map<string, ChannelMonthReturn>, month: string, channel: string) => {
    const key = `${month}\u0000${channel}`;
    let row = map.get(key);
    if (!row) {
      row = { month, channel, customers: 0, revenue: 0, spend: 0, cac: null, roas: null };
      map.set(key, row);
    }
    return row;
  };
  const campaignCell = (channel: string, campaign: string) => {
    const key = `${channel}\u0000${campaign}`;
    let row = campaigns.get(key);
    if (!row) campaigns.set(key, (row = { channel, campaign, customers: 0, revenue: 0, spend: 0 }));
    return row;
  };
  for (const a of attributions) {
    const touch = model === 'first' ? a.first : a.last;
    const month = monthOf(a.firstPurchaseAt);
    for (const row of [
      cell(months, month, touch.channel),
      cell(channels, '', touch.channel),
      campaignCell(touch.channel, touch.campaign ?? ''),
    ]) {
      row.customers += 1;
      row.revenue += a.revenue;
    }
  }
  for (const s of spend) {
    cell(months, s.month, s.channel).spend += s.amount;
    cell(channels, '', s.channel).spend += s.amount;
    campaignCell(s.channel, s.campaign).spend += s.amount;
  }
  const finish = (rows: Iterable<ChannelMonthReturn>) =>
    [...rows]
      .map((r) => ({
        ...r,
        cac: r.customers > 0 && r.spend > 0 ? Math.round(r.spend / r.customers) : null,
        roas: r.spend > 0 ? r.revenue / r.spend : null,
      }))
      .sort((x, y) => (x.month !== y.month ? (x.month < y.month ? -1 : 1) : x.channel < y.channel ? -1 : 1));
  return {
    months: finish(months.values()),
    channels: finish(channels.values()),
    campaigns: [...campaigns.values()].sort((x, y) =>
      x.channel !== y.channel ? (x.channel < y.channel ? -1 : 1) : x.campaign < y.campaign ? -1 : 1,
    ),
  };
}
