import type { EventMatch, JourneyRules } from './rules.schema.ts';

/**
 * The event names whose properties the engine reads: those named by a transition, the orders or a
 * negative rule with a `where`, and the orders always (their amount adds up to the customer's value).
 * `'all'` when such a rule matches every name (`'*'`). The engine reads properties nowhere else, so a
 * rebuild may load them for these names only.
 *
 * @example
 * namesReadingProperties(DEFAULT_RULES); // Set { 'Order Completed', 'Review Posted', 'Page Viewed', ... }
 */
export function namesReadingProperties(rules: JourneyRules): ReadonlySet<string> | 'all' {
  const matches: EventMatch[] = [...rules.transitions.map((t) => t.when), ...rules.negative];
  const names = new Set<string>();
  for (const match of [...matches.filter((m) => m.where !== undefined && m.where.length > 0), rules.orders]) {
    const listed = typeof match.event === 'string' ? [match.event] : match.event;
    if (listed.includes('*')) return 'all';
    for (const name of listed) names.add(name);
  }
  return names;
}
