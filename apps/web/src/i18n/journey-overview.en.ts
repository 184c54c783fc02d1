import type { journeyOverviewId } from './journey-overview.id.ts';

/* English for the overview's filters, funnel and trend. */
export const journeyOverviewEn: typeof journeyOverviewId = {
  filters: {
    title: 'Filter customers',
    branch: 'Branch',
    allBranches: 'All branches',
    channel: 'First channel',
    allChannels: 'All channels',
    clear: 'Clear filters',
    hint:
      "First channel: where the customer first came from. Branch: the branch of the customer's latest " +
      'purchase; for a period, the branch when they entered the stage. Customers who never came to a branch ' +
      'are left out when a branch is chosen.',
    active: 'Only customers {{what}}.',
    ofChannel: 'from {{channel}}',
    ofBranch: 'at {{branch}}',
  },
  channels: {
    ads: 'Ads',
    web: 'Website',
    app: 'App',
    store: 'Store (in person)',
    whatsapp: 'WhatsApp',
    phone: 'Phone',
    email: 'Email',
    chat: 'Chat',
    social: 'Social media',
    marketplace: 'Marketplace',
    referral: 'Referral',
    other: 'Other',
  },
  funnel: {
    title: 'Stage funnel of the period',
    hint:
      'How many times customers entered each stage from {{from}} to {{to}}, what share of them has moved on ' +
      'to a later stage by today (skipping a stage counts), and the median time it took. Entering twice ' +
      'counts twice.',
    entered: 'Entered',
    movedOn: 'Moved on',
    movedOnShare: '% moved on',
    median: 'Median time to move on',
    none: '–',
    empty: 'No customer entered any stage in this period.',
    label: '{{stage}}: {{entered}}',
    tooltip: '{{stage}}: {{entered}} entered · {{share}} moved on · median {{time}}',
    tooltipNone: '{{stage}}: {{entered}} entered · none moved on yet',
  },
  trend: {
    title: 'Weekly entries per stage',
    hint: 'Entries into each stage per week, Monday to Sunday. Weeks marked * are only partly in the period.',
    week: 'Week of',
    total: 'Total',
    axis: 'Entries per week',
    partial: '{{date}}*',
    empty: 'No customer entered any stage in this period.',
  },
  entries: {
    count_one: '{{formatted}} entry',
    count_other: '{{formatted}} entries',
  },
};
