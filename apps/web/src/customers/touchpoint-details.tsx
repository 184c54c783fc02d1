import type { TimelineEntry } from '../api/customers.api.ts';
import { useFormat } from '../format/use-format.ts';
import { useWorkspace } from '../layout/workspace-context.ts';

type EventEntry = Extract<TimelineEntry, { kind: 'event' }>;

// Shown as money: the amounts of Segment's ecommerce spec (an order's total, a product's price).
const MONEY = new Set(['total', 'revenue', 'value', 'price', 'subtotal', 'discount', 'shipping', 'tax']);
// Said by the page itself (its path is shown) or too long to help in one line.
const HIDDEN = new Set(['url', 'search', 'referrer', 'title', 'products', 'currency']);
const SHOWN = 4;

/** A touchpoint's few telling properties in one line: the page, the product, the amount. */
export function TouchpointDetails({ entry }: { entry: EventEntry }) {
  const { workspace } = useWorkspace();
  const format = useFormat(workspace.timezone, workspace.currency);
  const parts: string[] = [];
  for (const [name, value] of Object.entries(entry.properties)) {
    if (parts.length === SHOWN) break;
    if (HIDDEN.has(name) || value === '') continue;
    if (typeof value === 'number')
      parts.push(`${name}: ${MONEY.has(name) ? format.money(value) : format.number(value)}`);
    else if (typeof value === 'string' || typeof value === 'boolean') parts.push(`${name}: ${String(value)}`);
  }
  if (parts.length === 0) return null;
  return <span className="details small">{parts.join(' · ')}</span>;
}
