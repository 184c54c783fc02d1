import { deepFreeze } from './deep-freeze.ts';
import type { JourneyRules, TransitionRule } from './rules.schema.ts';

const AFTER_A_PURCHASE = ['purchase', 'experience', 'retention'];
const HAS_BOUGHT = { minOrders: 1 };

const advocacy: TransitionRule[] = [
  {
    to: 'advocacy',
    from: AFTER_A_PURCHASE,
    when: { event: ['Referral Converted', 'Product Shared', 'Cart Shared'] },
    if: HAS_BOUGHT,
  },
  {
    to: 'advocacy',
    from: AFTER_A_PURCHASE,
    when: { event: 'Review Posted', where: [{ property: 'rating', op: 'gte', value: 4 }] },
    if: HAS_BOUGHT,
  },
  {
    to: 'advocacy',
    from: AFTER_A_PURCHASE,
    when: {
      event: 'Survey Responded',
      where: [
        { property: 'survey_type', op: 'eq', value: 'nps' },
        { property: 'score', op: 'gte', value: 9 },
      ],
    },
    if: HAS_BOUGHT,
  },
];

const retention: TransitionRule[] = [
  // A repeat purchase inside the retention window.
  {
    to: 'retention',
    from: ['purchase', 'experience'],
    when: { event: 'Order Completed' },
    if: { lastOrderWithinDays: 180 },
  },
  // An active loyalty member who bought recently.
  {
    to: 'retention',
    from: ['experience'],
    when: { event: ['Points Earned', 'Points Redeemed', 'Tier Changed', 'Tier Upgraded'] },
    if: { lastOrderWithinDays: 90 },
  },
];

// The first purchase, or a lapsed buyer (or advocate) starting the cycle again. A retained customer
// buying again inside the window matches nothing here and stays where he is.
const purchase: TransitionRule[] = [
  { to: 'purchase', when: { event: 'Order Completed' }, if: { noOrderWithinDays: 180 } },
];

const experience: TransitionRule[] = [
  {
    to: 'experience',
    from: ['purchase'],
    when: {
      event: [
        'Order Delivered',
        'Order Picked Up',
        'Ticket Opened',
        'Ticket Resolved',
        'Survey Responded',
        'Review Posted',
        'Feedback Given',
      ],
    },
  },
];

const BEFORE_A_PURCHASE = ['none', 'awareness'];

const consideration: TransitionRule[] = [
  {
    to: 'consideration',
    from: BEFORE_A_PURCHASE,
    when: {
      event: [
        'Product Viewed',
        'Product Added',
        'Product Added to Wishlist',
        'Cart Viewed',
        'Checkout Started',
        'Products Searched',
        'Product Compared',
        'Inquiry Received',
      ],
    },
  },
  {
    to: 'consideration',
    from: BEFORE_A_PURCHASE,
    when: { event: 'Content Viewed', where: [{ property: 'stage', op: 'eq', value: 'consideration' }] },
  },
  {
    to: 'consideration',
    from: BEFORE_A_PURCHASE,
    when: {
      event: 'Page Viewed',
      where: [{ property: 'category', op: 'in', value: ['product', 'pricing', 'comparison'] }],
    },
  },
];

// identify, alias and group calls alone are bookkeeping, not a touchpoint.
const awareness: TransitionRule[] = [
  { to: 'awareness', from: ['none'], when: { event: '*', type: ['track', 'page', 'screen'] } },
];

/**
 * The default journey of DESIGN §2.1: six stages, Bahasa Indonesia first. Frozen; copy it to customise.
 *
 * @example
 * const rules = { ...structuredClone(DEFAULT_RULES), timers: [{ to: 'experience', from: ['purchase'], afterHours: 24 }] };
 */
export const DEFAULT_RULES: JourneyRules = deepFreeze({
  stages: [
    { key: 'awareness', label: { id: 'Kesadaran', en: 'Awareness' } },
    { key: 'consideration', label: { id: 'Pertimbangan', en: 'Consideration' } },
    { key: 'purchase', label: { id: 'Pembelian', en: 'Purchase' } },
    { key: 'experience', label: { id: 'Pengalaman', en: 'Experience' } },
    { key: 'retention', label: { id: 'Retensi', en: 'Retention' } },
    { key: 'advocacy', label: { id: 'Advokasi', en: 'Advocacy' } },
  ],
  transitions: [...advocacy, ...retention, ...purchase, ...experience, ...consideration, ...awareness],
  timers: [{ to: 'experience', from: ['purchase'], afterHours: 72 }],
  orders: { event: 'Order Completed' },
  negative: [
    { event: 'Order Refunded' },
    { event: 'Response Target Missed' },
    { event: 'Ticket Opened', where: [{ property: 'category', op: 'eq', value: 'complaint' }] },
    { event: 'Review Posted', where: [{ property: 'rating', op: 'lte', value: 2 }] },
    {
      event: 'Survey Responded',
      where: [
        { property: 'survey_type', op: 'eq', value: 'csat' },
        { property: 'score', op: 'lte', value: 2 },
      ],
    },
    {
      event: 'Survey Responded',
      where: [
        { property: 'survey_type', op: 'eq', value: 'nps' },
        { property: 'score', op: 'lte', value: 6 },
      ],
    },
    // CES runs 1 (very hard) to 7 (very easy): 1-3 is the hard side of the scale.
    {
      event: 'Survey Responded',
      where: [
        { property: 'survey_type', op: 'eq', value: 'ces' },
        { property: 'score', op: 'lte', value: 3 },
      ],
    },
  ],
  status: {
    prospectRhythmDays: 30,
    defaultRhythmDays: 30,
    minRhythmDays: 3,
    atRiskFactor: 1.5,
    churnFactor: 3,
    negativeWindowDays: 90,
    wonBackDays: 60,
  },
});
