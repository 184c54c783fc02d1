/**
 * The analytics phase: event funnels and paths answered by Jejak's scan over its in-memory event layout
 * (DESIGN §4.4) and, in the same run on the same events, by DuckDB in SQL; both answers compared, times
 * side by side. Run on a kept folder: `npm run bench -- --analytics-only <folder>`.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  computeFunnel,
  computePaths,
  type EventColumns,
  type FunnelQuery,
  type PathsQuery,
} from '@jejak/core';
import { createServices, loadConfig, openStore } from '@jejak/server';
import { say } from './progress.ts';
import { checkRetention, duckCells, duckRetention, jejakCells, retentionQuery } from './retention-phase.ts';
import { formatMs, timing, type Timing } from './stats.ts';

export const FUNNEL_STEPS = ['Product Viewed', 'Product Added', 'Checkout Started', 'Order Completed'];
export const FUNNEL_WINDOW_MS = 7 * 86_400_000;
export const PATHS_ANCHOR = 'Product Added';
export const PATHS_STEPS = 5;
export const PATHS_TOP = 10;

export interface AnalyticsFigures {
  events: number;
  customers: number;
  runs: number;
  /** Building the layout from the database on first use (the product's loader), and the server's RSS after. */
  layout: { loadMs: number; rssBytes: number; bytes: number; source: 'database' | 'workload' };
  duckdb: { loadMs: number };
  funnel: {
    jejak: Timing;
    jejakThroughService: Timing | null;
    duckdb: Timing;
    ratio: number;
    steps: number[];
    groups: number;
  };
  paths: { jejak: Timing; duckdb: Timing; ratio: number; customers: number; transitions: number };
  /** Monthly cohorts of first purchases: size, buyers again and revenue per month after (retentionMatrix). */
  retention: { jejak: Timing; duckdb: Timing; ratio: number; cohorts: number; cells: number };
  /** Both engines gave the same numbers (the phase throws otherwise). */
  checked: true;
}

async function timed<T>(runs: number, work: () => Promise<T> | T): Promise<{ samples: number[]; last: T }> {
  const samples: number[] = [];
  let last: T | undefined;
  // Three untimed runs first: the JIT and DuckDB's caches are warm for every engine alike.
  for (let i = 0; i < 3; i++) await work();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await work();
    samples.push(performance.now() - started);
  }
  return { samples, last: last! };
}

const num = (value: unknown) => (typeof value === 'bigint' ? Number(value) : Number(value));

async function rows(connection: DuckDBConnection, query: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(query);
  return reader.getRowObjects();
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * The same 4-step sequential funnel in DuckDB SQL: from every entry event, the earliest next step after it
 * (an ASOF join on the event order), kept when within the window of the entry; per customer the furthest
 * step, the channel of his first entry and his shortest time to convert.
 */
function duckFunnelSql(steps: string[], windowMs: number): string {
  const [a, b, c, d] = steps.map(quote) as [string, string, string, string];
  return `
    with s1 as (select customer_id, ord, ts, channel from ev where name = ${a}),
    s2 as (select customer_id, ord, ts from ev where name = ${b}),
    s3 as (select customer_id, ord, ts from ev where name = ${c}),
    s4 as (select customer_id, ord, ts from ev where name = ${d}),
    -- An ASOF join matches a row whose key is null too: each later step is taken only after the previous one.
    j2 as (
      select s1.customer_id, s1.ord as o1, s1.ts as t0, s1.channel,
        case when s2.ts - s1.ts <= ${windowMs} then s2.ord end as o2
      from s1 asof left join s2 on s1.customer_id = s2.customer_id and s1.ord < s2.ord
    ),
    j3 as (
      select j2.*, case when j2.o2 is not null and s3.ts - j2.t0 <= ${windowMs} then s3.ord end as o3
      from j2 asof left join s3 on j2.customer_id = s3.customer_id and j2.o2 < s3.ord
    ),
    j4 as (
      select j3.*, case when j3.o3 is not null and s4.ts - j3.t0 <= ${windowMs} then s4.ord end as o4,
        case when j3.o3 is not null and s4.ts - j3.t0 <= ${windowMs} then s4.ts - j3.t0 end as convert_ms
      from j3 asof left join s4 on j3.customer_id = s4.customer_id and j3.o3 < s4.ord
    ),
    per_customer as (
      select customer_id,
        max(case when o4 is not null then 4 when o3 is not null then 3 when o2 is not null then 2 else 1 end) as level,
        arg_min(channel, o1) as channel,
        min(convert_ms) as convert_ms
      from j4 group by customer_id
    )
    select channel,
      count(*) as s1, count(*) filter (where level >= 2) as s2,
      count(*) filter (where level >= 3) as s3, count(*) filter (where level >= 4) as s4,
      list(convert_ms) filter (where convert_ms is not null) as converts
    from per_customer group by channel`;
}

/** Transitions after each customer's first anchor event, in DuckDB SQL (rows are numbered in layout order). */
function duckPathsSql(anchor: string, steps: number, top: number): string {
  return `
    with a as (select customer_id, min(ord) as ao from ev where name = ${quote(anchor)} group by customer_id),
    p as (
      select ev.customer_id, ev.ord - a.ao as step, ev.name from ev join a using (customer_id)
      where ev.ord between a.ao and a.ao + ${steps}
    ),
    t as (
      select p2.step, p1.name as from_name, p2.name as to_name, count(*) as customers
      from p p1 join p p2 on p2.customer_id = p1.customer_id and p2.step = p1.step + 1
      group by all
    )
    select * from (
      select *, row_number() over (partition by step order by customers desc, from_name, to_name) as rank from t
    ) where rank <= ${top}
    union all select 0, '', '', (select count(*) from a), 0`;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function same(what: string, jejak: unknown, duck: unknown): void {
  const a = JSON.stringify(jejak);
  const b = JSON.stringify(duck);
  if (a !== b)
    throw new Error(
      `${what}: Jejak and DuckDB differ\n  jejak:  ${a.slice(0, 600)}\n  duckdb: ${b.slice(0, 600)}`,
    );
}

/** Where the events come from: a kept run's database (through services.eventColumns), or the workload itself. */
export type AnalyticsSource =
  | { kind: 'database'; dataDir: string; workspaceId: string }
  | { kind: 'workload'; columns: () => EventColumns };

function layoutBytes(c: EventColumns): number {
  return [c.customerStart, c.at, c.name, c.channel, c.branch, c.revenue, c.seq].reduce(
    (sum, a) => sum + a.byteLength,
    0,
  );
}

export async function measureAnalytics(source: AnalyticsSource, runs: number): Promise<AnalyticsFigures> {
  const store =
    source.kind === 'database'
      ? await openStore(loadConfig({ JEJAK_DATA_DIR: source.dataDir, JEJAK_LOG_LEVEL: 'warn' }))
      : null;
  try {
    const services = store ? createServices(store) : null;
    say('analytics: building the event layout ...');
    const loadStarted = performance.now();
    const columns =
      source.kind === 'database'
        ? await services!.eventColumns.snapshot(source.workspaceId)
        : source.columns();
    const loadMs = performance.now() - loadStarted;
    globalThis.gc?.();
    const rssBytes = process.memoryUsage().rss;
    say(`analytics: ${columns.size.toLocaleString('en')} events in ${Math.round(loadMs)} ms`);
    const funnelQuery: FunnelQuery = {
      steps: FUNNEL_STEPS.map((event) => ({ event })),
      windowMs: FUNNEL_WINDOW_MS,
      order: 'sequential',
      breakdown: { by: 'channel' },
    };
    const pathsQuery: PathsQuery = {
      event: PATHS_ANCHOR,
      direction: 'after',
      steps: PATHS_STEPS,
      topPerStep: PATHS_TOP,
    };
    const jejakFunnel = await timed(runs, () => computeFunnel(columns, funnelQuery));
    // The product's path: the snapshot's check that it is up to date with the database, then the scan.
    const throughService =
      source.kind === 'database'
        ? await timed(runs, async () =>
            computeFunnel(await services!.eventColumns.snapshot(source.workspaceId), funnelQuery),
          )
        : null;
    const jejakPaths = await timed(runs, () => computePaths(columns, pathsQuery));
    const retentionAsked = retentionQuery(columns);
    const jejakRetention = await timed(runs, () => jejakCells(columns, retentionAsked));

    say('analytics: loading the same events into DuckDB ...');
    const duckStarted = performance.now();
    const instance = await DuckDBInstance.create(':memory:');
    const duck = await instance.connect();
    await duck.run(
      'create table raw (customer_id varchar, ts bigint, seq bigint, name varchar, channel varchar, revenue double)',
    );
    const appender = await duck.createAppender('raw');
    // The very rows of the layout: each customer's events with their id, time, order, name and channel.
    for (let c = 0; c < columns.customerIds.length; c++) {
      const id = columns.customerIds[c]!;
      for (let i = columns.customerStart[c]!; i < columns.customerStart[c + 1]!; i++) {
        appender.appendVarchar(id);
        appender.appendBigInt(BigInt(columns.at[i]!));
        appender.appendBigInt(BigInt(columns.seq[i]!));
        appender.appendVarchar(columns.names[columns.name[i]!]!);
        appender.appendVarchar(columns.channels[columns.channel[i]!]!);
        appender.appendDouble(columns.revenue[i]!);
        appender.endRow();
      }
    }
    appender.closeSync();
    // The order Jejak's layout keeps (customer, time, seq), numbered once, as an index would be.
    await duck.run(
      'create table ev as select customer_id, ts, name, channel, revenue, row_number() over (order by customer_id, ts, seq) as ord from raw',
    );
    await duck.run('drop table raw');
    const duckLoadMs = performance.now() - duckStarted;
    say(`analytics: DuckDB loaded in ${Math.round(duckLoadMs)} ms; querying ...`);

    const funnelSql = duckFunnelSql(FUNNEL_STEPS, FUNNEL_WINDOW_MS);
    const duckFunnel = await timed(runs, () => rows(duck, funnelSql));
    const duckPaths = await timed(runs, () => rows(duck, duckPathsSql(PATHS_ANCHOR, PATHS_STEPS, PATHS_TOP)));
    const duckRetained = await timed(runs, () => duckRetention(duck, retentionAsked));
    const retentionChecked = checkRetention(jejakRetention.last, duckCells(duckRetained.last));

    // The same numbers: steps overall and per channel, and the time to convert.
    const funnel = jejakFunnel.last;
    const duckGroups = duckFunnel.last
      .map((r) => ({ value: String(r.channel), steps: [num(r.s1), num(r.s2), num(r.s3), num(r.s4)] }))
      .sort((x, y) => (x.value < y.value ? -1 : 1));
    same(
      'funnel per channel',
      funnel
        .groups!.map((g) => ({ value: g.value, steps: g.steps.map((s) => s.customers) }))
        .sort((x, y) => (x.value < y.value ? -1 : 1)),
      duckGroups,
    );
    const total = [0, 1, 2, 3].map((j) => duckGroups.reduce((sum, g) => sum + g.steps[j]!, 0));
    same(
      'funnel steps',
      funnel.steps.map((s) => s.customers),
      total,
    );
    const converts = duckFunnel.last.flatMap((r) =>
      ((r.converts as { items?: unknown[] } | null)?.items ?? (r.converts as unknown[] | null) ?? []).map(
        num,
      ),
    );
    same('median time to convert', funnel.timeToConvert.medianMs, median(converts));
    // Paths: compare every transition of each step whose count is not tied at the cut.
    const paths = jejakPaths.last;
    const duckRows = duckPaths.last.filter((r) => num(r.step) > 0);
    const anchors = num(duckPaths.last.find((r) => num(r.step) === 0)!.customers);
    same('paths: customers', paths.customers, anchors);
    const key = (t: { step: number; from: string; to: string; customers: number }) =>
      `${t.step}|${t.customers}|${t.from}|${t.to}`;
    same(
      'paths: transitions (count per rank)',
      paths.transitions.map((t) => `${t.step}|${t.customers}`).sort(),
      duckRows.map((r) => `${num(r.step)}|${num(r.customers)}`).sort(),
    );
    const duckKeys = new Set(
      duckRows.map((r) =>
        key({
          step: num(r.step),
          from: String(r.from_name),
          to: String(r.to_name),
          customers: num(r.customers),
        }),
      ),
    );
    const counts = new Map<string, number>();
    for (const t of paths.transitions)
      counts.set(`${t.step}|${t.customers}`, (counts.get(`${t.step}|${t.customers}`) ?? 0) + 1);
    for (const t of paths.transitions) {
      if (counts.get(`${t.step}|${t.customers}`) === 1 && !duckKeys.has(key(t))) {
        throw new Error(`paths: Jejak's transition ${key(t)} is not DuckDB's`);
      }
    }
    duck.closeSync();
    instance.closeSync();

    const f = { jejak: timing(jejakFunnel.samples), duck: timing(duckFunnel.samples) };
    const p = { jejak: timing(jejakPaths.samples), duck: timing(duckPaths.samples) };
    const r = { jejak: timing(jejakRetention.samples), duck: timing(duckRetained.samples) };
    return {
      events: columns.size,
      customers: columns.customerIds.length,
      runs,
      layout: { loadMs: Math.round(loadMs), rssBytes, bytes: layoutBytes(columns), source: source.kind },
      duckdb: { loadMs: Math.round(duckLoadMs) },
      funnel: {
        jejak: f.jejak,
        jejakThroughService: throughService ? timing(throughService.samples) : null,
        duckdb: f.duck,
        ratio: f.duck.p50 / f.jejak.p50,
        steps: funnel.steps.map((s) => s.customers),
        groups: funnel.groups!.length,
      },
      paths: {
        jejak: p.jejak,
        duckdb: p.duck,
        ratio: p.duck.p50 / p.jejak.p50,
        customers: paths.customers,
        transitions: paths.transitions.length,
      },
      retention: { jejak: r.jejak, duckdb: r.duck, ratio: r.duck.p50 / r.jejak.p50, ...retentionChecked },
      checked: true,
    };
  } finally {
    await store?.close();
  }
}

export function formatAnalytics(a: AnalyticsFigures): string {
  const line = (what: string, jejak: Timing, duck: Timing, ratio: number) =>
    `${what.padEnd(44)} ${formatMs(jejak.p50).padStart(10)} ${formatMs(jejak.p95).padStart(10)}   ${formatMs(duck.p50).padStart(10)} ${formatMs(duck.p95).padStart(10)}   ${ratio.toFixed(1)}×`;
  return [
    `analytics on ${a.events.toLocaleString('en')} events of ${a.customers.toLocaleString('en')} customers, ${a.runs} timed runs each; answers checked equal`,
    `layout built from the ${a.layout.source} in ${formatMs(a.layout.loadMs)}: ${Math.round(a.layout.bytes / 2 ** 20)} MiB of columns (process RSS ${Math.round(a.layout.rssBytes / 2 ** 20)} MiB); DuckDB loaded in ${formatMs(a.duckdb.loadMs)}`,
    `${''.padEnd(44)} ${'Jejak p50'.padStart(10)} ${'p95'.padStart(10)}   ${'DuckDB p50'.padStart(10)} ${'p95'.padStart(10)}   DuckDB/Jejak`,
    line('4-step funnel, 7-day window, by channel', a.funnel.jejak, a.funnel.duckdb, a.funnel.ratio),
    ...(a.funnel.jejakThroughService
      ? [
          line(
            '  the same through services.eventColumns',
            a.funnel.jejakThroughService,
            a.funnel.duckdb,
            a.funnel.duckdb.p50 / a.funnel.jejakThroughService.p50,
          ),
        ]
      : []),
    line(
      `paths: ${PATHS_STEPS} steps after ${PATHS_ANCHOR}, top ${PATHS_TOP}`,
      a.paths.jejak,
      a.paths.duckdb,
      a.paths.ratio,
    ),
    line(
      'retention: monthly cohorts of 1st purchase',
      a.retention.jejak,
      a.retention.duckdb,
      a.retention.ratio,
    ),
    `funnel steps ${a.funnel.steps.join(' → ')} (${a.funnel.groups} channels); paths from ${a.paths.customers.toLocaleString('en')} customers; retention ${a.retention.cohorts} cohorts, ${a.retention.cells} cells`,
  ].join('\n');
}
