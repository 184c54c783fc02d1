import type { ArrivalChannel, OrderChannel, Rhythm } from './business-profile.types.ts';
import type { Handset } from './people.data.ts';
import type { SegmentCampaign, SegmentDevice } from './segment-message.types.ts';

/** Steps of the funnel a simulated person can reach, in order. */
export const STEPS = ['awareness', 'consideration', 'purchase', 'repeat', 'advocacy'] as const;
export type Step = (typeof STEPS)[number];

/** Created the first time someone asks for a name or number: most visitors never give one. */
export type Identity = {
  name: string;
  email: string;
  /** Without trunk 0 or country code: `81234567890`. */
  national: string;
  /** As the person types it on forms. */
  phone: string;
  /** As the cashier typed it when registering the person at the counter. */
  posPhone: string;
  customerCode: string;
};

export type OrderRef = {
  orderId: string;
  userId: string;
  /** The number as the system that took the order holds it. */
  phone: string;
  channel: OrderChannel;
  total: number;
  branch: number;
  productId: string;
};

export type Person = {
  index: number;
  channel: ArrivalChannel;
  campaign: SegmentCampaign | undefined;
  handset: Handset;
  ip: string;
  /** One browser or app install per person: the anonymousId web and app events carry. */
  anonymousId: string;
  /** Built on the first app event, then shared by all of them. */
  device: SegmentDevice | undefined;
  identity: Identity | undefined;
  /** Set when the person signs up on the website or app. */
  webUserId: string | undefined;
  /** Whether the POS has registered the person as a member. */
  posKnown: boolean;
  /** Whether the shop's WhatsApp inbox has identified the person. */
  whatsappKnown: boolean;
  homeBranch: number;
  hasApp: boolean;
  rhythm: Rhythm;
  willConsider: boolean;
  willBuy: boolean;
  preferredChannel: OrderChannel;
  marketplace: string;
  considered: boolean;
  advocate: boolean;
  orders: number;
  points: number;
  /** 0..1: lowered by complaints and refunds, raises ratings and the chance to recommend. */
  satisfaction: number;
  lapsed: boolean;
  browseVisitsLeft: number;
  referrer: number;
  referralCode: string | undefined;
  pendingReferral: boolean;
  reviewed: boolean;
  answeredNps: boolean;
  lastUrl: string;
};
