import type { retentionId } from './retention.id.ts';

/* English for the retention page (namespace `retention`). */
export const retentionEn: typeof retentionId = {
  title: 'Customer retention',
  lead:
    'Customers grouped into cohorts by the week or month of their first purchase, then how many came back ' +
    'in each later period, how many bought again, how their revenue held up, and who is new, returning, ' +
    'resurrecting or dormant.',
  unit: 'Period',
  week: 'Weekly',
  month: 'Monthly',
  cohortBy: 'Cohort by',
  returnBy: 'Counts as back when',
  purchase: 'Purchase (Order Completed)',
  firstPurchase: 'First purchase',
  any: 'Any event',
  event: 'A chosen event…',
  chooseEvent: 'Choose an event',
  from: 'From',
  to: 'To',
  branch: 'Branch',
  channel: 'Channel',
  all: 'All',
  withinDays: 'Bought again within (days)',
  loading: 'Computing…',
  empty: 'No customer in the cohorts of this range yet. Change the dates or the events chosen.',
  period: '+{{n}}',
  periodName_week: 'Week {{n}}',
  periodName_month: 'Month {{n}}',
  cohort: 'Cohort',
  size: 'Customers',
  matrixTitle: 'Retention matrix',
  matrixLead:
    'Each row is a cohort; columns +1, +2, … are the share of its customers who came back in the 1st, 2nd, … ' +
    'period after their first. The last period runs until {{to}}.',
  heatmap: 'Retention heat map: share of each cohort who came back, per period',
  cellTip: 'Cohort {{cohort}}, {{period}}: {{retained}} of {{size}} customers ({{share}})',
  csv: 'Download CSV',
  repeatTitle: 'Repeat purchase',
  repeatSummary:
    '{{repeat}} of {{buyers}} first-time buyers bought again ({{rate}}). Of the {{eligible}} whose first purchase ' +
    'is {{days}} days old or more, {{within}} bought again within {{days}} days ({{withinRate}}).',
  buyers: 'First-time buyers',
  repeatBuyers: 'Bought again',
  repeatRate: 'Repeat rate',
  eligible: '{{days}} days old',
  repeatWithin: 'Again within {{days}} days',
  none: '–',
  revenueTitle: 'Revenue retention',
  revenueLead:
    "A cohort's revenue in each period against its revenue in its first period (100%). The line: all cohorts " +
    'together, over the periods each has lived through.',
  revenueChart: 'Revenue retention of all cohorts per period',
  revenueFirst: 'First-period revenue',
  revenueAll: 'All cohorts',
  lifecycleTitle: 'Customer lifecycle per period',
  lifecycleLead:
    'New: active for the first time. Returning: active, and active in the period before. Resurrecting: active ' +
    'again after at least one period away. Dormant: active in the period before, not in this one (drawn downwards).',
  lifecycleChart: 'New, returning, resurrecting and dormant customers per period',
  new: 'New',
  returning: 'Returning',
  resurrecting: 'Resurrecting',
  dormant: 'Dormant',
  periodStart: 'Period',
  customers_one: '{{count}} customer',
  customers_other: '{{count}} customers',
};
