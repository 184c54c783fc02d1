import type { EventMatch, JourneyRules } from './rules.schema.ts';

/**
 * The event names whose matching reads properties: those named by a transition, the orders or a
 * negative rule with a `where`. `'all'` when such a rule matches every name (`'*'`). The engine reads
 * properties nowhere else, so a rebuild may load them for these names only.
 *
 * @example
 * namesReadingProperties(DEFAULT_RULES); // Set { 'Review Posted', 'Survey Responded', 'Page Viewed', ... }
 */
export function namesReadingProperties(rules: JourneyRules): ReadonlySet<string> | 'all' {
  const matches: EventMatch[] = [...rules.transitions.map((t) => t.when), rules.orders, ...rules.negative];
  const names = new Set<string>();
  for (const match of matches) {
    if (match.where === undefined || match.where.length === 0) continue;
    const listed = typeof match.event === 'string' ? [match.event] : match.event;
    if (listed.includes('*')) return 'all';
    for (const name of listed) names.add(name);
  }
  return names;
}
