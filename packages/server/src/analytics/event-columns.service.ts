import {
  appendEventColumns,
  EventColumnsBuilder,
  minorUnitDigits,
  withoutCustomers,
  type EventColumnRow,
  type EventColumns,
  type PropertyColumn,
} from '@jejak/core';
import { sql } from 'kysely';
import type { Store } from '@jejak/storage';

/** Property keys a filter or breakdown may name: letters, digits, `_`, `-` and `.` (a nested key). */
export const PROPERTY_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

interface PropertyStore {
  /** Seqs ascending and the value code of each. */
  seqs: Float64Array;
  codes: Uint32Array;
  length: number;
  values: string[];
  index: Map<string, number>;
  watermark: number;
}

interface WorkspaceColumns {
  columns: EventColumns;
  /** 10 ** the minor-unit digits of the workspace currency: events carry major units, the layout minor. */
  scale: number;
  /** Highest seq read. */
  watermark: number;
  /** Tail reads start above this (PostgreSQL commits seqs out of order); seqs above it already read. */
  lowMark: number;
  recent: Set<number>;
  marks: { t: number; seq: number }[];
  /** Merges seen: id -> undone. */
  merges: Map<string, boolean>;
  mergeCount: string;
  /** Rows sorted by seq (lazily, for property columns), for the layout it was built from. */
  bySeq?: { columns: EventColumns; rows: Uint32Array };
  properties: Map<string, PropertyStore>;
  propertyColumns: Map<string, { columns: EventColumns; column: PropertyColumn }>;
}

interface LoadedRow {
  seq: number;
  customer_id: string;
  at: number;
  name: string;
  channel: string;
  branch_id: string | null;
  revenue: unknown;
}

const BATCH = 50_000;
const SQLITE_REVENUE =
  "coalesce(json_extract(properties_json, '$.revenue'), json_extract(properties_json, '$.total'))";
/** How long a PostgreSQL transaction may hold a seq before committing it and still be seen. */
const LOOKBACK_MS = 30_000;

/** An event's amount (major units, as Segment clients send it) in the workspace currency's minor unit. */
function money(value: unknown, scale: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.round(n * scale) : 0;
}

function toRow(r: LoadedRow, scale: number): EventColumnRow {
  return {
    customerId: r.customer_id,
    at: Number(r.at),
    name: r.name,
    channel: r.channel,
    branchId: r.branch_id,
    revenue: money(r.revenue, scale),
    seq: Number(r.seq),
  };
}

function propertyText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The in-memory event column layout of each workspace (DESIGN §4.4), kept consistent with the events
 * table, which stays the source of truth. Loaded on first use; then each snapshot brings it up to date
 * from the database before answering, whatever path wrote the events:
 * - events stored since (ingestion, counter orders, imports, emitted module events) are read by seq
 *   and appended;
 * - a merge (manual or revealed by ingestion) re-reads the two customers' events; an undone merge
 *   reloads the workspace (events return to whoever held the keys);
 * - an erasure, told by the privacy service after it commits, drops the customers' events.
 * Property columns for filters and breakdowns are read once per key (one pass over properties_json)
 * and then extended by seq the same way.
 */
export class EventColumnsService {
  private readonly workspaces = new Map<string, Promise<WorkspaceColumns>>();
  private readonly erased = new Map<string, Set<string>>();
  private readonly queue = new Map<string, Promise<unknown>>();

  constructor(private readonly store: Store) {}

  /** The workspace's layout, up to date with every committed event. */
  snapshot(workspaceId: string): Promise<EventColumns> {
    return this.serial(workspaceId, async () => (await this.current(workspaceId)).columns);
  }

  /** The layout and a property column per key (dictionary-coded, one code per row of that layout). */
  withProperties(
    workspaceId: string,
    keys: readonly string[],
  ): Promise<{ columns: EventColumns; properties: Map<string, PropertyColumn> }> {
    return this.serial(workspaceId, async () => {
      const state = await this.current(workspaceId);
      const properties = new Map<string, PropertyColumn>();
      for (const key of new Set(keys)) properties.set(key, await this.property(workspaceId, state, key));
      return { columns: state.columns, properties };
    });
  }

  /** After an erasure commits: these customers' events are gone. */
  customersErased(workspaceId: string, customerIds: readonly string[]): void {
    const set = this.erased.get(workspaceId) ?? new Set<string>();
    for (const id of customerIds) set.add(id);
    this.erased.set(workspaceId, set);
  }

  /** Forget a workspace's layout (reloaded on next use). */
  reset(workspaceId?: string): void {
    if (workspaceId === undefined) this.workspaces.clear();
    else this.workspaces.delete(workspaceId);
  }

  private serial<T>(workspaceId: string, work: () => Promise<T>): Promise<T> {
    const before = this.queue.get(workspaceId) ?? Promise.resolve();
    const next = before.then(work, work);
    this.queue.set(
      workspaceId,
      next.catch(() => undefined),
    );
    return next;
  }

  private async current(workspaceId: string): Promise<WorkspaceColumns> {
    let loading = this.workspaces.get(workspaceId);
    if (!loading) {
      loading = this.load(workspaceId);
      this.workspaces.set(workspaceId, loading);
      this.erased.delete(workspaceId);
    }
    let state: WorkspaceColumns;
    try {
      state = await loading;
    } catch (error) {
      this.workspaces.delete(workspaceId);
      throw error;
    }
    const fresh = await this.refresh(workspaceId, state);
    if (fresh !== state) this.workspaces.set(workspaceId, Promise.resolve(fresh));
    return fresh;
  }

  private revenueSql() {
    return this.store.dialect === 'postgres'
      ? sql<unknown>`coalesce(properties_json::jsonb ->> 'revenue', properties_json::jsonb ->> 'total')`
      : sql<unknown>`coalesce(json_extract(properties_json, '$.revenue'), json_extract(properties_json, '$.total'))`;
  }

  /** Rows of the workspace with seq in (after, upTo], by seq, in batches. */
  private async *rows(
    workspaceId: string,
    after: number,
    customers?: readonly string[],
    upTo?: number,
  ): AsyncGenerator<LoadedRow[]> {
    if (this.store.sqlite && !customers) {
      // By rowid from `after`: `+workspace_id` keeps SQLite off the (workspace, customer, at) index, which
      // would read and sort every event of the workspace to find the few stored since.
      const statement = this.store.sqlite.prepare(
        `select seq, customer_id, at, name, channel, branch_id, ${SQLITE_REVENUE} as revenue from events
         where seq > ? and seq <= ? and +workspace_id = ? order by seq`,
      );
      let batch: LoadedRow[] = [];
      for (const r of statement.iterate(
        after,
        upTo ?? Number.MAX_SAFE_INTEGER,
        workspaceId,
      ) as Iterable<LoadedRow>) {
        batch.push(r);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
      return;
    }
    let last = after;
    for (;;) {
      let query = this.store.db
        .selectFrom('events')
        .select(['seq', 'customer_id', 'at', 'name', 'channel', 'branch_id'])
        .select(this.revenueSql().as('revenue'))
        .where('workspace_id', '=', workspaceId)
        .where('seq', '>', last);
      if (customers) query = query.where('customer_id', 'in', customers);
      if (upTo !== undefined) query = query.where('seq', '<=', upTo);
      const batch = (await query.orderBy('seq').limit(BATCH).execute()) as LoadedRow[];
      if (batch.length > 0) yield batch;
      if (batch.length < BATCH) return;
      last = Number(batch.at(-1)!.seq);
    }
  }

  private async mergeState(workspaceId: string): Promise<string> {
    const row = await this.store.db
      .selectFrom('merges')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('undone_at').as('u')])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return `${row.n}/${row.u}`;
  }

  private async mergeRows(workspaceId: string) {
    return this.store.db
      .selectFrom('merges')
      .select(['id', 'survivor_id', 'merged_id', 'undone_at'])
      .where('workspace_id', '=', workspaceId)
      .execute();
  }

  private async load(workspaceId: string): Promise<WorkspaceColumns> {
    const mergeCount = await this.mergeState(workspaceId);
    const merges = new Map((await this.mergeRows(workspaceId)).map((m) => [m.id, m.undone_at !== null]));
    const workspace = await this.store.db
      .selectFrom('workspaces')
      .select('currency')
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    const scale = 10 ** minorUnitDigits(workspace?.currency ?? 'IDR');
    const builder = new EventColumnsBuilder();
    let watermark = 0;
    if (this.store.sqlite) {
      // The raw handle streams 10M rows without Kysely's per-row objects.
      const revenue = SQLITE_REVENUE;
      const statement = this.store.sqlite
        .prepare(
          `select seq, customer_id, at, name, channel, branch_id, ${revenue} from events where workspace_id = ?`,
        )
        .raw(true);
      for (const r of statement.iterate(workspaceId) as Iterable<unknown[]>) {
        const seq = r[0] as number;
        builder.add({
          seq,
          customerId: r[1] as string,
          at: r[2] as number,
          name: r[3] as string,
          channel: r[4] as string,
          branchId: r[5] as string | null,
          revenue: money(r[6], scale),
        });
        if (seq > watermark) watermark = seq;
      }
    } else {
      for await (const batch of this.rows(workspaceId, 0)) {
        for (const r of batch) builder.add(toRow(r, scale));
        watermark = Number(batch.at(-1)!.seq);
      }
    }
    return {
      columns: builder.build(),
      scale,
      watermark,
      lowMark: watermark,
      recent: new Set(),
      marks: [{ t: performance.now(), seq: watermark }],
      merges,
      mergeCount,
      properties: new Map(),
      propertyColumns: new Map(),
    };
  }

  private async refresh(workspaceId: string, state: WorkspaceColumns): Promise<WorkspaceColumns> {
    let next = state;
    // Merges: re-read both sides; an undo reloads the workspace.
    const mergeCount = await this.mergeState(workspaceId);
    if (mergeCount !== state.mergeCount) {
      const rows = await this.mergeRows(workspaceId);
      const touched = new Set<string>();
      let undone = false;
      const seen = new Map<string, boolean>();
      for (const m of rows) {
        const was = state.merges.get(m.id);
        const isUndone = m.undone_at !== null;
        seen.set(m.id, isUndone);
        if (was === undefined && !isUndone) {
          touched.add(m.survivor_id);
          touched.add(m.merged_id);
        } else if (was !== isUndone) undone = true;
      }
      if (undone) {
        const reloaded = await this.load(workspaceId);
        this.erased.delete(workspaceId);
        return reloaded;
      }
      next = { ...next, merges: seen, mergeCount };
      if (touched.size > 0) next = await this.reread(workspaceId, next, [...touched]);
    }
    const erased = this.erased.get(workspaceId);
    if (erased && erased.size > 0) {
      this.erased.delete(workspaceId);
      next = { ...next, columns: withoutCustomers(next.columns, erased) };
    }
    // Events stored since, whatever wrote them.
    const tail: EventColumnRow[] = [];
    let watermark = next.watermark;
    const recent = next.recent;
    for await (const batch of this.rows(workspaceId, next.lowMark)) {
      for (const r of batch) {
        const seq = Number(r.seq);
        if (seq <= next.lowMark || recent.has(seq)) continue;
        tail.push(toRow(r, state.scale));
        recent.add(seq);
        if (seq > watermark) watermark = seq;
      }
    }
    if (tail.length > 0) next = { ...next, columns: appendEventColumns(next.columns, tail), watermark };
    if (this.store.dialect === 'sqlite') {
      next.lowMark = next.watermark;
      recent.clear();
    } else {
      const now = performance.now();
      next.marks.push({ t: now, seq: next.watermark });
      const old = next.marks.filter((m) => m.t < now - LOOKBACK_MS);
      if (old.length > 0) {
        const low = old.at(-1)!.seq;
        next.marks = next.marks.filter((m) => m.t >= now - LOOKBACK_MS);
        next.marks.unshift(old.at(-1)!);
        if (low > next.lowMark) {
          next.lowMark = low;
          for (const seq of recent) if (seq <= low) recent.delete(seq);
        }
      }
      if (next.marks.length > 1000) next.marks.splice(1, next.marks.length - 1000);
    }
    return next;
  }

  /** Drops the customers' rows and reads them again (those up to the watermark; the tail brings the rest). */
  private async reread(
    workspaceId: string,
    state: WorkspaceColumns,
    customerIds: string[],
  ): Promise<WorkspaceColumns> {
    const rows: EventColumnRow[] = [];
    for (let i = 0; i < customerIds.length; i += 500) {
      for await (const batch of this.rows(workspaceId, 0, customerIds.slice(i, i + 500), state.watermark)) {
        for (const r of batch) {
          rows.push(toRow(r, state.scale));
          if (Number(r.seq) > state.lowMark) state.recent.add(Number(r.seq));
        }
      }
    }
    const columns = appendEventColumns(withoutCustomers(state.columns, customerIds), rows);
    return { ...state, columns };
  }

  private propertySql(key: string) {
    const path = `$.${key}`;
    return this.store.dialect === 'postgres'
      ? sql<unknown>`(properties_json::jsonb #>> ${`{${key.split('.').join(',')}}`}::text[])`
      : sql<unknown>`json_extract(properties_json, ${path})`;
  }

  private async property(workspaceId: string, state: WorkspaceColumns, key: string): Promise<PropertyColumn> {
    const cached = state.propertyColumns.get(key);
    if (cached && cached.columns === state.columns) return cached.column;
    let store = state.properties.get(key);
    if (!store) {
      store = {
        seqs: new Float64Array(1024),
        codes: new Uint32Array(1024),
        length: 0,
        values: [''],
        index: new Map([['', 0]]),
        watermark: 0,
      };
      state.properties.set(key, store);
    }
    // Read the property of rows stored since this key was last read (all of them the first time).
    let last = store.watermark;
    const add = (seq: number, value: unknown) => {
      const text = propertyText(value);
      if (text === null || text === '') return;
      let code = store.index.get(text);
      if (code === undefined) {
        code = store.values.length;
        store.values.push(text);
        store.index.set(text, code);
      }
      if (store.length === store.seqs.length) {
        const seqs = new Float64Array(store.length * 2);
        seqs.set(store.seqs);
        const codes = new Uint32Array(store.length * 2);
        codes.set(store.codes);
        store.seqs = seqs;
        store.codes = codes;
      }
      store.seqs[store.length] = seq;
      store.codes[store.length] = code;
      store.length++;
    };
    if (this.store.sqlite) {
      // One pass by rowid (see rows()).
      const statement = this.store.sqlite
        .prepare(
          'select seq, json_extract(properties_json, ?) from events where seq > ? and seq <= ? and +workspace_id = ? order by seq',
        )
        .raw(true);
      for (const r of statement.iterate(`$.${key}`, last, state.watermark, workspaceId) as Iterable<
        [number, unknown]
      >) {
        add(r[0], r[1]);
      }
      last = state.watermark;
    }
    while (!this.store.sqlite) {
      const batch = await this.store.db
        .selectFrom('events')
        .select(['seq'])
        .select(this.propertySql(key).as('value'))
        .where('workspace_id', '=', workspaceId)
        .where('seq', '>', last)
        .where('seq', '<=', state.watermark)
        .orderBy('seq')
        .limit(BATCH * 4)
        .execute();
      for (const r of batch) add(Number(r.seq), r.value);
      if (batch.length > 0) last = Number(batch.at(-1)!.seq);
      if (batch.length < BATCH * 4) break;
    }
    store.watermark = Math.max(store.watermark, state.watermark);
    // Join by seq: rows of the layout in seq order against the store's ascending seqs.
    const columns = state.columns;
    if (!state.bySeq || state.bySeq.columns !== columns) {
      state.bySeq = { columns, rows: rowsBySeq(columns) };
    }
    const codes = new Uint32Array(columns.size);
    const rows = state.bySeq.rows;
    let j = 0;
    for (let k = 0; k < rows.length && j < store.length; k++) {
      const row = rows[k]!;
      const s = columns.seq[row]!;
      while (j < store.length && store.seqs[j]! < s) j++;
      if (j < store.length && store.seqs[j] === s) codes[row] = store.codes[j]!;
    }
    const column: PropertyColumn = { key, codes, values: store.values };
    state.propertyColumns.set(key, { columns, column });
    return column;
  }
}

/** Row indexes ordered by seq: packed as seq × 2^24 + row into a Float64Array for the native sort when they fit. */
function rowsBySeq(columns: EventColumns): Uint32Array {
  const n = columns.size;
  const seq = columns.seq;
  let max = 0;
  for (let i = 0; i < n; i++) if (seq[i]! > max) max = seq[i]!;
  const ROW = 2 ** 24;
  if (n < ROW && max < 2 ** 53 / ROW) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = seq[i]! * ROW + i;
    packed.sort();
    const rows = new Uint32Array(n);
    for (let k = 0; k < n; k++) rows[k] = packed[k]! % ROW;
    return rows;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => seq[a]! - seq[b]!);
  return Uint32Array.from(order);
}
