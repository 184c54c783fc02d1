import type { ArrivalChannel, OrderChannel, PaymentMethod } from './business-profile.types.ts';
import type { Step } from './customer.state.ts';
import type { SegmentMessage } from './segment-message.types.ts';

/** Counters kept while the simulation runs, so tests and the bench can check the shape of what was sent. */
export type SimulationSummary = {
  customers: number;
  messages: number;
  byType: Record<SegmentMessage['type'], number>;
  /** Track events by name, plus `Page Viewed` and `Screen Viewed` for page and screen calls. */
  byEvent: Record<string, number>;
  arrivals: Partial<Record<ArrivalChannel, number>>;
  /** People who reached each step; buying counts as considering, a second order as repeating. */
  reached: Record<Step, number>;
  lapsed: number;
  wonBack: number;
  orders: {
    count: number;
    revenue: number;
    byChannel: Partial<Record<OrderChannel, number>>;
    byPayment: Partial<Record<PaymentMethod, number>>;
  };
};

export function emptySummary(): SimulationSummary {
  return {
    customers: 0,
    messages: 0,
    byType: { track: 0, page: 0, screen: 0, identify: 0 },
    byEvent: {},
    arrivals: {},
    reached: { awareness: 0, consideration: 0, purchase: 0, repeat: 0, advocacy: 0 },
    lapsed: 0,
    wonBack: 0,
    orders: { count: 0, revenue: 0, byChannel: {}, byPayment: {} },
  };
}

export function countMessage(summary: SimulationSummary, message: SegmentMessage): void {
  summary.messages++;
  summary.byType[message.type]++;
  const name =
    message.type === 'track'
      ? message.event
      : message.type === 'page'
        ? 'Page Viewed'
        : message.type === 'screen'
          ? 'Screen Viewed'
          : undefined;
  if (name !== undefined) summary.byEvent[name] = (summary.byEvent[name] ?? 0) + 1;
}

export function increment<K extends string>(counts: Partial<Record<K, number>>, key: K, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** People who came, looked around once and never showed interest: the first drop-off of the funnel. */
export function onlyAware(summary: SimulationSummary): number {
  return summary.reached.awareness - summary.reached.consideration;
}
