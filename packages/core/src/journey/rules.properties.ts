import { FEEDBACK_EVENT_NAMES } from './journey-signal.ts';
import { PREDICTION_EVENT } from './journey-state.ts';
import type { EventMatch, JourneyRules } from './rules.schema.ts';

/**
 * The event names whose properties are read: those named by a transition, the orders or a negative
 * rule with a `where`, the orders always (their amount adds up to the customer's value), and the
 * feedback events (`signalOf` reads their scores), and the model's predictions when the status follows them. `'all'` when such a rule matches every name (`'*'`).
 * Nothing else reads properties, so a rebuild may load them for these names only.
 *
 * @example
 * namesReadingProperties(DEFAULT_RULES); // Set { 'Order Completed', 'Review Posted', 'Page Viewed', ... }
 */
export function namesReadingProperties(rules: JourneyRules): ReadonlySet<string> | 'all' {
  const matches: EventMatch[] = [...rules.transitions.map((t) => t.when), ...rules.negative];
  const names = new Set<string>(FEEDBACK_EVENT_NAMES);
  // Read only when the status follows them (status.model); otherwise the engine ignores them.
  if (rules.status.model !== undefined) names.add(PREDICTION_EVENT);
  for (const match of [...matches.filter((m) => m.where !== undefined && m.where.length > 0), rules.orders]) {
    const listed = typeof match.event === 'string' ? [match.event] : match.event;
    if (listed.includes('*')) return 'all';
    for (const name of listed) names.add(name);
  }
  return names;
}
