// What the retention and lifecycle scans share: which events of the column layout they read.
import type { EventColumns } from './event-columns.ts';

/** Only events at one branch and/or in one channel; both absent: every event. */
export interface EventScope {
  readonly branchId?: string | undefined;
  readonly channel?: string | undefined;
}

/** An index the scan compares with: ANY matches every row, NONE no row (a name the layout lacks). */
export const ANY = -1;
export const NONE = -2;

function indexIn(values: readonly string[], value: string | null | undefined): number {
  if (value === null || value === undefined) return ANY;
  const index = values.indexOf(value);
  return index < 0 ? NONE : index;
}

/** The scope and an event name (null: any event) as indexes into the layout's dictionaries. */
export function resolveScope(columns: EventColumns, scope: EventScope): { branch: number; channel: number } {
  return {
    branch: indexIn(columns.branches, scope.branchId),
    channel: indexIn(columns.channels, scope.channel),
  };
}

export function resolveName(columns: EventColumns, name: string | null): number {
  return indexIn(columns.names, name);
}
