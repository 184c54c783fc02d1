import type { analyticsId } from './analytics.id.ts';

export const analyticsEn: typeof analyticsId = {
  value: {
    title: 'Customer value',
    lead:
      'How often each customer is expected to buy again, how likely they are still active, and what they ' +
      'will spend ahead. Computed from your own order history with the BG/NBD model (how often people buy ' +
      'and when they stop) and the Gamma-Gamma model (how much they spend per purchase).',
    never: "The model has not been computed yet. Compute it now to see each customer's prediction.",
    nightly: {
      none: 'Refitted automatically every night; it has not run yet.',
      fitted: 'Last nightly refit: {{when}}, done; {{count}} customer statuses changed by the model.',
      skipped:
        'Last nightly refit: {{when}}, skipped: not enough history (30 buyers and 10 repeat buyers needed).',
      failed: 'Last nightly refit: {{when}}, failed: {{reason}}',
    },
    fittedAt: 'Computed {{when}} from orders up to {{until}}.',
    buyers: '{{customers}} customers have bought; {{repeat}} of them bought again.',
    horizon: 'Prediction horizon',
    weeks_one: '{{count}} week',
    weeks_other: '{{count}} weeks',
    fit: 'Compute again',
    fitting: 'Computing…',
    notEnough:
      'Not enough history yet: {{customers}} customers have bought (30 needed) and {{repeat}} bought again ' +
      "(10 needed). Record sales with the customer's name or phone, then try again.",
    discount: 'Value discounted {{rate}} a month.',
    qualityTitle: 'How accurate the predictions are',
    qualityLead:
      'The model is computed again without the last {{weeks}} weeks, and what it predicts for those weeks ' +
      'is compared with what happened.',
    qualitySummary:
      'Predicted {{predicted}} repeat purchases by {{customers}} customers; {{actual}} happened (a gap of {{gap}}).',
    qualityNone: 'The history is still too short to test (at least 12 weeks are needed).',
    qualityChart: 'Average repeat purchases per customer, predicted and actual, by earlier repeat purchases',
    repeatBefore: 'Earlier repeat purchases',
    orMore: '{{count}} or more',
    customersCol: 'Customers',
    predicted: 'Predicted',
    actual: 'Actual',
    listTitle: 'Customers by value',
    atRiskOnly: 'Only those who may have left (50% or less likely to be active)',
    csv: 'Download CSV',
    customer: 'Customer',
    repeat: 'Bought again',
    lastPurchase: 'Last purchase',
    weeksAgo: '{{weeks}} weeks ago',
    alive: 'Likely still active',
    expectedPurchases: 'Expected purchases',
    expectedSpend: 'Spend per purchase',
    valueCol: 'Value, {{weeks}} weeks',
    empty: 'No customers in this list.',
    previous: 'Previous',
    next: 'Next',
    pageOf: '{{from}}–{{to}} of {{total}}',
    unnamed: 'No name',
    parameters: 'Model parameters',
    parametersText:
      'BG/NBD r = {{r}}, α = {{alpha}}, a = {{a}}, b = {{b}} (log-likelihood {{ll}}); Gamma-Gamma p = {{p}}, ' +
      'q = {{q}}, γ = {{gamma}}.',
  },
  prediction: {
    title: 'Prediction',
    alive: 'Likely still active',
    purchases: 'Expected purchases in the next {{weeks}} weeks',
    spend: 'Spend per purchase',
    value: 'Value in the next {{weeks}} weeks',
    none: 'No prediction yet: this customer had not bought when the model was last computed.',
  },
  rfm: {
    title: 'RFM segments',
    lead:
      'Buyers grouped by how recently they bought (R), how often (F) and how much they spent in all (M). ' +
      'Each is scored 1 to 5 by the share of buyers it beats: buyers with equal values get equal scores. ' +
      'The segment is read from the R and F scores.',
    asOf: 'As of {{day}}, {{customers}} buyers.',
    empty: 'No sales to known customers yet.',
    segment: 'Segment',
    customers: 'Buyers',
    share: 'Share',
    recency: 'Average days since last purchase',
    frequency: 'Average purchases',
    monetary: 'Average spend',
    revenue: 'Total spend',
    chart: 'Buyers per segment',
    gridTitle: 'Buyers per R and F score',
    gridLead:
      'Rows: R score (5 = bought very recently). Columns: F score (5 = most often). Colour: the segment.',
    listTitle: 'Buyers in {{segment}}',
    listAll: 'All buyers',
    all: 'All segments',
    csv: 'Download CSV',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    purchases: 'Purchases',
    daysAgo_one: '{{count}} day ago',
    daysAgo_other: '{{count}} days ago',
    scores: 'R {{r}} · F {{f}} · M {{m}}',
    name: {
      champions: 'Champions',
      loyal: 'Loyal',
      potential_loyalist: 'Potential loyalists',
      new_customer: 'New customers',
      promising: 'Promising',
      need_attention: 'Need attention',
      about_to_sleep: 'About to sleep',
      at_risk: 'At risk',
      cant_lose: "Can't lose them",
      hibernating: 'Hibernating',
    },
  },
};
