// The compact in-memory column layout of one workspace's events (DESIGN §4.4): typed arrays ordered by
// customer and then by time, strings dictionary-coded. Funnels, paths and retention scan it instead of
// querying the events table row by row. Pure: the server loads rows from the database and hands them in.

/** One workspace's events in a compact column layout, ordered by customer and then by time (DESIGN §4.4). */
export interface EventColumns {
  /** Number of events. */
  readonly size: number;
  /** Dense customer index -> customer id. */
  readonly customerIds: readonly string[];
  /** Events of customer c are rows customerStart[c] .. customerStart[c + 1] - 1, in time order; length customerIds.length + 1. */
  readonly customerStart: Uint32Array;
  /** When the event happened, epoch milliseconds UTC. */
  readonly at: Float64Array;
  /** Event name, as an index into `names` (track events by their name; page views 'Page Viewed' etc. as the events table stores `name`). */
  readonly name: Uint32Array;
  readonly names: readonly string[];
  /** Channel, as an index into `channels`. */
  readonly channel: Uint16Array;
  readonly channels: readonly string[];
  /** Branch (outlet), as an index into `branches`; index 0 is "no branch" (branches[0] === ''). */
  readonly branch: Uint16Array;
  readonly branches: readonly string[];
  /** Money the event carries in integer Rupiah (order total / revenue property of purchase events), 0 otherwise. */
  readonly revenue: Float64Array;
  /**
   * The event's row key in the events table (`seq`), 0 when the rows carried none. Lets the server read
   * a property of each row once (property columns) and keeps equal-time events in the order stored.
   */
  readonly seq: Float64Array;
}

/**
 * One property of every event of a layout, dictionary-coded: `codes[row]` indexes `values`, 0 meaning the
 * event does not carry the property (values[0] === ''). Scalars are compared as text (`true`, `12`, `kopi`).
 * Built by the server from properties_json for the keys a query names.
 */
export interface PropertyColumn {
  readonly key: string;
  readonly codes: Uint32Array;
  readonly values: readonly string[];
}

export interface EventColumnRow {
  customerId: string;
  at: number;
  name: string;
  channel: string;
  branchId: string | null;
  revenue: number;
  /** The events table's `seq`; orders events of one customer at the same millisecond. */
  seq?: number;
}

/** Index of `value` in a dictionary, or -1 when no event carries it. */
export function dictionaryIndex(dictionary: readonly string[], value: string): number {
  return dictionary.indexOf(value);
}

class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(initial: readonly string[] = []) {
    for (const value of initial) this.code(value);
  }
  code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }
}

function grow<T extends Float64Array | Uint32Array | Uint16Array>(array: T, length: number): T {
  if (length <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Collects rows in any order into growable typed arrays, then sorts them into the layout: a counting
 * sort by customer (linear) and a sort by (time, seq) within each customer. Memory per event: 8 (at)
 * + 4 (name) + 2 (channel) + 2 (branch) + 8 (revenue) + 8 (seq) + 4 (customer) bytes while building.
 */
export class EventColumnsBuilder {
  private readonly customers: Dictionary;
  private readonly names: Dictionary;
  private readonly channels: Dictionary;
  private readonly branches: Dictionary;
  private length = 0;
  private customer = new Uint32Array(1024);
  private at = new Float64Array(1024);
  private name = new Uint32Array(1024);
  private channel = new Uint16Array(1024);
  private branch = new Uint16Array(1024);
  private revenue = new Float64Array(1024);
  private seq = new Float64Array(1024);

  /** Starting from `base` keeps its dictionaries' codes (so codes held by callers stay valid) and its rows. */
  constructor(base?: EventColumns) {
    this.customers = new Dictionary(base?.customerIds);
    this.names = new Dictionary(base?.names);
    this.channels = new Dictionary(base?.channels);
    this.branches = new Dictionary(base?.branches ?? ['']);
    if (base && base.size > 0) {
      const n = base.size;
      this.ensure(n);
      for (let c = 0; c < base.customerIds.length; c++) {
        this.customer.fill(c, base.customerStart[c], base.customerStart[c + 1]);
      }
      this.at.set(base.at);
      this.name.set(base.name);
      this.channel.set(base.channel);
      this.branch.set(base.branch);
      this.revenue.set(base.revenue);
      this.seq.set(base.seq);
      this.length = n;
    }
  }

  get size(): number {
    return this.length;
  }

  private ensure(n: number): void {
    this.customer = grow(this.customer, n);
    this.at = grow(this.at, n);
    this.name = grow(this.name, n);
    this.channel = grow(this.channel, n);
    this.branch = grow(this.branch, n);
    this.revenue = grow(this.revenue, n);
    this.seq = grow(this.seq, n);
  }

  add(row: EventColumnRow): void {
    const i = this.length;
    this.ensure(i + 1);
    this.customer[i] = this.customers.code(row.customerId);
    this.at[i] = row.at;
    this.name[i] = this.names.code(row.name);
    this.channel[i] = this.channels.code(row.channel);
    this.branch[i] = row.branchId ? this.branches.code(row.branchId) : 0;
    this.revenue[i] = row.revenue;
    this.seq[i] = row.seq ?? 0;
    this.length = i + 1;
  }

  build(): EventColumns {
    const n = this.length;
    const customerCount = this.customers.values.length;
    if (this.channels.values.length > 0xffff || this.branches.values.length > 0xffff) {
      throw new Error('more than 65,535 channels or branches do not fit the event layout');
    }
    const customerStart = new Uint32Array(customerCount + 1);
    for (let i = 0; i < n; i++) customerStart[this.customer[i]! + 1]!++;
    for (let c = 0; c < customerCount; c++) customerStart[c + 1]! += customerStart[c]!;
    const fill = customerStart.slice(0, customerCount);
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[fill[this.customer[i]!]!++] = i;
    const at = this.at;
    const seq = this.seq;
    // Within a customer, by time then seq then arrival; most customers' rows arrive already in order.
    for (let c = 0; c < customerCount; c++) {
      const from = customerStart[c]!;
      const to = customerStart[c + 1]!;
      let sorted = true;
      for (let k = from + 1; k < to; k++) {
        const a = order[k - 1]!;
        const b = order[k]!;
        if (at[a]! > at[b]! || (at[a] === at[b] && seq[a]! > seq[b]!)) {
          sorted = false;
          break;
        }
      }
      if (sorted) continue;
      const part = Array.from(order.subarray(from, to));
      part.sort((a, b) => at[a]! - at[b]! || seq[a]! - seq[b]! || a - b);
      order.set(part, from);
    }
    const out = {
      at: new Float64Array(n),
      name: new Uint32Array(n),
      channel: new Uint16Array(n),
      branch: new Uint16Array(n),
      revenue: new Float64Array(n),
      seq: new Float64Array(n),
    };
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      out.at[k] = at[i]!;
      out.name[k] = this.name[i]!;
      out.channel[k] = this.channel[i]!;
      out.branch[k] = this.branch[i]!;
      out.revenue[k] = this.revenue[i]!;
      out.seq[k] = seq[i]!;
    }
    return {
      size: n,
      customerIds: [...this.customers.values],
      customerStart,
      ...out,
      names: [...this.names.values],
      channels: [...this.channels.values],
      branches: [...this.branches.values],
    };
  }
}

/** Pure builder (core, no I/O): rows in any order -> the layout. */
export function buildEventColumns(rows: Iterable<EventColumnRow>): EventColumns {
  const builder = new EventColumnsBuilder();
  for (const row of rows) builder.add(row);
  return builder.build();
}

/**
 * The layout with `rows` added (the appended tail merged into the sorted main part). Codes of names,
 * channels, branches and customers already in `base` are kept.
 */
export function appendEventColumns(base: EventColumns, rows: Iterable<EventColumnRow>): EventColumns {
  const builder = new EventColumnsBuilder(base);
  let added = false;
  for (const row of rows) {
    builder.add(row);
    added = true;
  }
  return added ? builder.build() : base;
}

/** The layout without the events of the given customers (erasure, a merge to re-read); codes kept. */
export function withoutCustomers(base: EventColumns, customerIds: Iterable<string>): EventColumns {
  const drop = new Set(customerIds);
  const keep: number[] = [];
  for (let c = 0; c < base.customerIds.length; c++) if (!drop.has(base.customerIds[c]!)) keep.push(c);
  if (keep.length === base.customerIds.length) return base;
  let n = 0;
  for (const c of keep) n += base.customerStart[c + 1]! - base.customerStart[c]!;
  const customerStart = new Uint32Array(keep.length + 1);
  const at = new Float64Array(n);
  const name = new Uint32Array(n);
  const channel = new Uint16Array(n);
  const branch = new Uint16Array(n);
  const revenue = new Float64Array(n);
  const seq = new Float64Array(n);
  let k = 0;
  keep.forEach((c, j) => {
    const from = base.customerStart[c]!;
    const to = base.customerStart[c + 1]!;
    at.set(base.at.subarray(from, to), k);
    name.set(base.name.subarray(from, to), k);
    channel.set(base.channel.subarray(from, to), k);
    branch.set(base.branch.subarray(from, to), k);
    revenue.set(base.revenue.subarray(from, to), k);
    seq.set(base.seq.subarray(from, to), k);
    k += to - from;
    customerStart[j + 1] = k;
  });
  return {
    size: n,
    customerIds: keep.map((c) => base.customerIds[c]!),
    customerStart,
    at,
    name,
    names: base.names,
    channel,
    channels: base.channels,
    branch,
    branches: base.branches,
    revenue,
    seq,
  };
}

/** Rows of customer index `c` as [from, to). */
export function customerRows(columns: EventColumns, c: number): [number, number] {
  return [columns.customerStart[c]!, columns.customerStart[c + 1]!];
}
