// Event funnels: a scan over the event column layout (DESIGN §4.4), one pass per customer. The
// semantics (order, window, exclusions, breakdown, time to convert) are written out in docs/analytics.md.
import type { EventColumns, PropertyColumn } from './event-columns.ts';

export const FUNNEL_ORDERS = ['sequential', 'strict', 'any'] as const;
export type FunnelOrder = (typeof FUNNEL_ORDERS)[number];

export interface PropertyFilter {
  property: string;
  /** `is`: the event carries one of `values`; `is_not`: it carries none of them (or not the property). */
  operator: 'is' | 'is_not';
  values: string[];
}

export interface EventMatcher {
  event: string;
  filters?: PropertyFilter[];
}

export interface FunnelExclusion extends EventMatcher {
  /** Between which steps (1-based) the event ends an attempt; the whole funnel (1 .. last) by default. */
  afterStep?: number;
  beforeStep?: number;
}

export type FunnelBreakdown = { by: 'channel' } | { by: 'branch' } | { by: 'property'; property: string };

export interface FunnelQuery {
  steps: EventMatcher[];
  /** Conversion window: every step within this many ms after the attempt's first event. */
  windowMs: number;
  order: FunnelOrder;
  exclusions?: FunnelExclusion[];
  breakdown?: FunnelBreakdown;
  /** Entries counted: attempts whose first event is in [from, to) (epoch ms). */
  from?: number;
  to?: number;
}

export interface FunnelStepResult {
  /** Customers who reached this step (the first step: who entered). */
  customers: number;
  /** Share of the previous step's customers, 0..1 (1 for the first step). */
  fromPrevious: number;
  /** Share of the first step's customers, 0..1. */
  fromFirst: number;
}

export interface FunnelGroup {
  /** The breakdown value ('' when the entry event carries none). */
  value: string;
  steps: FunnelStepResult[];
}

/** Upper bounds (ms, exclusive) of the time-to-convert buckets; the last bucket is open. */
export const CONVERT_BUCKETS_MS = [
  60_000,
  5 * 60_000,
  30 * 60_000,
  3_600_000,
  3 * 3_600_000,
  12 * 3_600_000,
  86_400_000,
  3 * 86_400_000,
  7 * 86_400_000,
  14 * 86_400_000,
  30 * 86_400_000,
] as const;

export interface TimeToConvert {
  /** Customers who converted. */
  customers: number;
  /** Median of their (shortest) times from the first step to the last, ms; null without conversions. */
  medianMs: number | null;
  /** Customers per bucket: bucket i is [CONVERT_BUCKETS_MS[i - 1] ?? 0, CONVERT_BUCKETS_MS[i]); the last is open. */
  buckets: number[];
}

export interface FunnelResult {
  steps: FunnelStepResult[];
  /** Per breakdown value, most entries first (absent without a breakdown). */
  groups?: FunnelGroup[];
  timeToConvert: TimeToConvert;
  /** Per customer index: the furthest step reached (0 = did not enter). */
  levels: Uint8Array;
  /** Per customer index: the shortest time to convert in ms, -1 when he did not convert. */
  convertMs: Float64Array;
  /** Per customer index: the breakdown value of his first entry, as an index into `groupValues`. */
  groupOf?: Uint32Array;
  groupValues?: string[];
}

export const MAX_FUNNEL_STEPS = 10;

/** Rows matching a matcher, as a predicate over row indexes, compiled once per query. */
function compileMatcher(
  columns: EventColumns,
  matcher: EventMatcher,
  properties: ReadonlyMap<string, PropertyColumn>,
): ((row: number) => boolean) | null {
  const nameCode = columns.names.indexOf(matcher.event);
  if (nameCode < 0) return null;
  const tests = (matcher.filters ?? []).map((f) => {
    const column = properties.get(f.property);
    if (!column) throw new Error(`property column ${f.property} was not loaded`);
    const wanted = new Uint8Array(column.values.length);
    for (const v of f.values) {
      const code = column.values.indexOf(v);
      if (code > 0) wanted[code] = 1;
    }
    const codes = column.codes;
    return f.operator === 'is'
      ? (row: number) => wanted[codes[row]!] === 1
      : (row: number) => wanted[codes[row]!] !== 1;
  });
  const names = columns.name;
  if (tests.length === 0) return (row) => names[row] === nameCode;
  return (row) => names[row] === nameCode && tests.every((t) => t(row));
}

/**
 * Computes a funnel over the layout. `properties` holds a column for each property a filter or the
 * breakdown names. Steps that name an event no customer did simply match nothing.
 */
export function computeFunnel(
  columns: EventColumns,
  query: FunnelQuery,
  properties: ReadonlyMap<string, PropertyColumn> = new Map(),
): FunnelResult {
  const k = query.steps.length;
  if (k < 2 || k > MAX_FUNNEL_STEPS) throw new RangeError(`a funnel has 2 to ${MAX_FUNNEL_STEPS} steps`);
  const matchers = query.steps.map((s) => compileMatcher(columns, s, properties));
  const exclusions = (query.exclusions ?? []).map((e) => ({
    match: compileMatcher(columns, e, properties),
    // Levels (steps reached) at which an exclusion ends an attempt: afterStep .. beforeStep - 1.
    fromLevel: e.afterStep ?? 1,
    toLevel: (e.beforeStep ?? k) - 1,
  }));
  const activeExclusions = exclusions.filter((e) => e.match !== null);
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const window = query.windowMs;
  const customers = columns.customerIds.length;
  const levels = new Uint8Array(customers);
  const convertMs = new Float64Array(customers).fill(-1);

  // Which steps each event name can match, to skip rows quickly (filters checked after).
  const nameMask = new Uint32Array(columns.names.length);
  query.steps.forEach((s, j) => {
    const code = columns.names.indexOf(s.event);
    if (code >= 0) nameMask[code]! |= 1 << j;
  });
  const excludeMask = new Uint8Array(columns.names.length);
  for (const e of query.exclusions ?? []) {
    const code = columns.names.indexOf(e.event);
    if (code >= 0) excludeMask[code] = 1;
  }

  // Breakdown: the value on the customer's first entry event.
  let groupColumn: { codes: ArrayLike<number>; values: readonly string[] } | null = null;
  if (query.breakdown?.by === 'channel') groupColumn = { codes: columns.channel, values: columns.channels };
  else if (query.breakdown?.by === 'branch')
    groupColumn = { codes: columns.branch, values: columns.branches };
  else if (query.breakdown?.by === 'property') {
    const column = properties.get(query.breakdown.property);
    if (!column) throw new Error(`property column ${query.breakdown.property} was not loaded`);
    groupColumn = column;
  }
  const groupOf = groupColumn ? new Uint32Array(customers) : undefined;

  const at = columns.at;
  const names = columns.name;
  const start = columns.customerStart;
  // Chain state per level (1..k): start time of the most recently started attempt that reached it, NaN if none.
  const chain = new Float64Array(k + 1);
  const fresh = new Float64Array(k + 1);
  const first = matchers[0];
  // A step without filters matches exactly the rows its name bit says: no call needed for it.
  const plain = Uint8Array.from(query.steps, (s) => ((s.filters?.length ?? 0) === 0 ? 1 : 0));

  for (let c = 0; c < customers; c++) {
    const lo = start[c]!;
    const hi = start[c + 1]!;
    let level = 0;
    let best = Infinity;
    let entryRow = -1;
    if (query.order === 'any') {
      ({ level, best, entryRow } = anyOrder(lo, hi));
    } else if (first) {
      chain.fill(NaN);
      for (let i = lo; i < hi; i++) {
        const mask = nameMask[names[i]!]!;
        const t = at[i]!;
        if (excludeMask[names[i]!] && activeExclusions.length > 0) {
          for (const e of activeExclusions) {
            if (!e.match!(i)) continue;
            for (let l = e.fromLevel; l <= e.toLevel; l++) chain[l] = NaN;
          }
        }
        if (query.order === 'strict') {
          // Only the chains whose last step was the row just before may go on.
          fresh.fill(NaN);
          for (let j = k; j >= 2; j--) {
            if (!(mask & (1 << (j - 1)))) continue;
            const s = chain[j - 1]!;
            if (s === s && t - s <= window && (plain[j - 1] === 1 || matchers[j - 1]!(i))) fresh[j] = s;
          }
          if (mask & 1 && t >= from && t < to && (plain[0] === 1 || first(i))) {
            fresh[1] = t;
            if (entryRow < 0) entryRow = i;
          }
          chain.set(fresh);
        } else {
          if (mask === 0) continue;
          for (let j = k; j >= 2; j--) {
            if (!(mask & (1 << (j - 1)))) continue;
            const s = chain[j - 1]!;
            if (
              s === s &&
              t - s <= window &&
              (plain[j - 1] === 1 || matchers[j - 1]!(i)) &&
              !(chain[j]! >= s)
            )
              chain[j] = s;
          }
          if (mask & 1 && t >= from && t < to && (plain[0] === 1 || first(i))) {
            chain[1] = t;
            if (entryRow < 0) entryRow = i;
          }
        }
        for (let j = k; j > level; j--) {
          if (chain[j] === chain[j]) {
            level = j;
            break;
          }
        }
        const s = chain[k]!;
        if (s === s && (mask & (1 << (k - 1))) !== 0 && t - s < best) best = t - s;
      }
    }
    levels[c] = level;
    if (level === k && best !== Infinity) convertMs[c] = best;
    if (groupOf && groupColumn && entryRow >= 0) groupOf[c] = groupColumn.codes[entryRow]!;
  }

  /** Any order: an attempt starts at any step's event in range and counts the distinct steps done in its window. */
  function anyOrder(lo: number, hi: number): { level: number; best: number; entryRow: number } {
    const n = hi - lo;
    // next[j * n + x]: first row >= lo + x matching step j, or hi.
    const next = new Uint32Array(k * n);
    const nextExcluded = new Uint32Array(n);
    const last = new Uint32Array(k).fill(hi);
    let lastExcluded = hi;
    for (let x = n - 1; x >= 0; x--) {
      const i = lo + x;
      const mask = nameMask[names[i]!]!;
      for (let j = 0; j < k; j++) {
        if (mask & (1 << j) && matchers[j]!(i)) last[j] = i;
        next[j * n + x] = last[j]!;
      }
      nextExcluded[x] = lastExcluded;
      if (excludeMask[names[i]!] && activeExclusions.some((e) => e.match!(i))) lastExcluded = i;
    }
    let level = 0;
    let best = Infinity;
    let entryRow = -1;
    for (let x = 0; x < n; x++) {
      const i = lo + x;
      const t = at[i]!;
      if (t < from || t >= to) continue;
      let matchesAny = false;
      for (let j = 0; j < k; j++) if (next[j * n + x] === i) matchesAny = true;
      if (!matchesAny) continue;
      if (entryRow < 0) entryRow = i;
      const stop = nextExcluded[x]!;
      let done = 0;
      let completed = t;
      for (let j = 0; j < k; j++) {
        const r = next[j * n + x]!;
        if (r < hi && r < stop && at[r]! - t <= window) {
          done++;
          if (at[r]! > completed) completed = at[r]!;
        }
      }
      if (done > level) level = done;
      if (done === k && completed - t < best) best = completed - t;
    }
    return { level, best, entryRow };
  }

  const steps = summarize(levels, k, () => true);
  const converted: number[] = [];
  for (let c = 0; c < customers; c++) if (convertMs[c]! >= 0) converted.push(convertMs[c]!);
  converted.sort((a, b) => a - b);
  const buckets = new Array<number>(CONVERT_BUCKETS_MS.length + 1).fill(0);
  for (const ms of converted) {
    let b = 0;
    while (b < CONVERT_BUCKETS_MS.length && ms >= CONVERT_BUCKETS_MS[b]!) b++;
    buckets[b]!++;
  }
  const result: FunnelResult = {
    steps,
    timeToConvert: { customers: converted.length, medianMs: median(converted), buckets },
    levels,
    convertMs,
  };
  if (groupOf && groupColumn) {
    const entries = new Map<number, number>();
    for (let c = 0; c < customers; c++)
      if (levels[c]! > 0) entries.set(groupOf[c]!, (entries.get(groupOf[c]!) ?? 0) + 1);
    const order = [...entries.entries()].sort(
      (a, b) => b[1] - a[1] || (groupColumn.values[a[0]]! < groupColumn.values[b[0]]! ? -1 : 1),
    );
    result.groups = order.map(([code]) => ({
      value: groupColumn.values[code]!,
      steps: summarize(levels, k, (c) => groupOf[c] === code),
    }));
    result.groupOf = groupOf;
    result.groupValues = [...groupColumn.values];
  }
  return result;
}

function summarize(levels: Uint8Array, k: number, include: (c: number) => boolean): FunnelStepResult[] {
  const reached = new Array<number>(k + 1).fill(0);
  for (let c = 0; c < levels.length; c++) {
    const level = levels[c]!;
    if (level > 0 && include(c)) reached[level]!++;
  }
  // reached[j] so far counts customers whose furthest step is j; turn into "reached at least j".
  for (let j = k - 1; j >= 1; j--) reached[j]! += reached[j + 1]!;
  return Array.from({ length: k }, (_, j) => {
    const n = reached[j + 1]!;
    const previous = j === 0 ? n : reached[j]!;
    const firstN = reached[1]!;
    return {
      customers: n,
      fromPrevious: previous === 0 ? 0 : n / previous,
      fromFirst: firstN === 0 ? 0 : n / firstN,
    };
  });
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Customers (indexes) at a step: `reached` it, or `dropped` there (reached it and went no further). */
export function funnelCustomers(
  result: FunnelResult,
  step: number,
  outcome: 'reached' | 'dropped',
  group?: string,
): number[] {
  const out: number[] = [];
  const groupCode = group === undefined || !result.groupValues ? -1 : result.groupValues.indexOf(group);
  if (group !== undefined && groupCode < 0) return out;
  for (let c = 0; c < result.levels.length; c++) {
    const level = result.levels[c]!;
    if (outcome === 'reached' ? level < step : level !== step) continue;
    if (groupCode >= 0 && result.groupOf![c] !== groupCode) continue;
    out.push(c);
  }
  return out;
}
