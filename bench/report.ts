import { BULK_TRANSACTION_EVENTS, type BulkLoadFigures } from './bulk-load.ts';
import type { IngestFigures } from './ingest-phase.ts';
import type { ReadFigures } from './read-phase.ts';
import type { RebuildFigures, ScanFigures } from './rebuild-phase.ts';
import { formatMs, formatRate, type Timing } from './stats.ts';

export interface BenchResults {
  date: string;
  command: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    node: string;
    sqlite: string;
    loadAverage: { start: number; end: number };
  };
  workload: { seed: number; customers: number; days: number; events: number; averageEventBytes: number };
  client: { batchSize: number; concurrency: number };
  /** The HTTP load's figures; null when the data was bulk-loaded (`--bulk-load`). */
  ingest: {
    slice: IngestFigures;
    parseOnly: IngestFigures;
    sqliteInsert: IngestFigures;
    rest: IngestFigures | null;
    serverRssBytes: number;
  } | null;
  /** `--bulk-load`: how the data was written instead (not a product figure: no HTTP, no journeys). */
  bulkLoad: BulkLoadFigures | null;
  rebuild: RebuildFigures;
  scanFloor: ScanFigures;
  reads: ReadFigures;
  serverRssBytesAfterReads: number;
}

/** A `--reads-only` run: the reads phase alone, on a kept run's data. */
export type ReadsOnlyResults = Pick<
  BenchResults,
  'date' | 'command' | 'machine' | 'workload' | 'reads' | 'serverRssBytesAfterReads'
>;

type Row = [measure: string, result: string, baseline: string, ratio: string, target: string];

const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}x`;
const latency = (t: Timing, key: 'p95' | 'p99') => `p50 ${formatMs(t.p50)}, ${key} ${formatMs(t[key])}`;
const ingestCell = (f: IngestFigures) => `${formatRate(f.eventsPerSecond)}, ${latency(f.latencyMs, 'p99')}`;

function readRows(reads: BenchResults['reads']): Row[] {
  const readRow = (label: string, t: Timing): Row => [
    label,
    latency(t, 'p95'),
    `GET /health ${latency(reads.health, 'p95')}`,
    `${formatMs(t.p95 - reads.health.p95)} over /health at p95`,
    'p95 < 50 ms',
  ];
  return [
    readRow('GET journey/overview', reads.overview),
    readRow('GET journey/transitions, last 30 days', reads.transitionsLast30Days),
    readRow('GET journey/transitions, whole year', reads.transitionsWholeYear),
    ...reads.journey.map((m) => readRow(m.label, m.timing)),
  ];
}

function ingestRows(r: BenchResults): Row[] {
  if (r.ingest === null) {
    const bulk = r.bulkLoad!;
    return [
      [
        `bulk load, ${bulk.events.toLocaleString('en')} events (--bulk-load: no HTTP, no journeys)`,
        `${formatRate(bulk.eventsPerSecond)}, ${bulk.transactions.toLocaleString('en')} transactions`,
        '',
        '',
        '(not an ingestion figure)',
      ],
    ];
  }
  const { slice, parseOnly, sqliteInsert, rest } = r.ingest;
  const out: Row[] = [
    [
      `ingest /v1/batch, first ${slice.events.toLocaleString('en')} events`,
      ingestCell(slice),
      `parse-only Fastify ${ingestCell(parseOnly)}`,
      ratio(slice.eventsPerSecond, parseOnly.eventsPerSecond),
      '>= 100,000 events/s, p99 < 100 ms',
    ],
    [
      '',
      '',
      `SQLite insert ${formatRate(sqliteInsert.eventsPerSecond, 'rows/s')}, ${latency(sqliteInsert.latencyMs, 'p99')} a batch`,
      ratio(slice.eventsPerSecond, sqliteInsert.eventsPerSecond),
      '',
    ],
  ];
  if (rest) {
    out.push([
      `ingest /v1/batch, the next ${rest.events.toLocaleString('en')} events`,
      ingestCell(rest),
      '(same baselines)',
      ratio(rest.eventsPerSecond, parseOnly.eventsPerSecond),
      '>= 100,000 events/s, p99 < 100 ms',
    ]);
  }
  return out;
}

function rows(r: BenchResults): Row[] {
  return [
    ...ingestRows(r),
    [
      `rebuild, ${r.rebuild.events.toLocaleString('en')} events (jejak rebuild)`,
      formatRate(r.rebuild.eventsPerSecond),
      `SQLite scan of the same columns ${formatRate(r.scanFloor.eventsPerSecond)}`,
      ratio(r.rebuild.eventsPerSecond, r.scanFloor.eventsPerSecond),
      '>= 1,000,000 events/s',
    ],
    ...readRows(r.reads),
    [
      'server resident memory, after the reads',
      `${Math.round(r.serverRssBytesAfterReads / 1_048_576).toLocaleString('en')} MiB`,
      r.ingest === null
        ? ''
        : `after ingestion ${Math.round(r.ingest.serverRssBytes / 1_048_576).toLocaleString('en')} MiB`,
      '',
      '< 1 GiB',
    ],
  ];
}

const HEADER: Row = ['measure', 'result', 'baseline (same run)', 'ratio', 'target (DESIGN §6)'];

/** The results as an aligned table, with the workload and machine above it. */
export function formatTable(r: BenchResults): string {
  return table(
    r,
    rows(r),
    r.ingest === null
      ? `bulk-loaded through the storage layer in transactions of about ${BULK_TRANSACTION_EVENTS.toLocaleString('en')} events, then jejak rebuild`
      : `client: ${r.client.batchSize}-message batches, ${r.client.concurrency} requests in flight, from the bench process`,
  );
}

/** A reads-only run as the same table, its rows the reads and the memory after them. */
export function formatReadsTable(r: ReadsOnlyResults): string {
  const memory: Row = [
    'server resident memory, after the reads',
    `${Math.round(r.serverRssBytesAfterReads / 1_048_576).toLocaleString('en')} MiB`,
    '',
    '',
    '< 1 GiB',
  ];
  return table(r, [...readRows(r.reads), memory], 'reads only, on the data of a kept run');
}

function table(r: ReadsOnlyResults, body: Row[], client: string): string {
  const header = HEADER;
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: Row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const w = r.workload;
  return [
    `Jejak bench, ${r.date}: ${r.command}`,
    `machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB; Node ${r.machine.node}, ` +
      `SQLite ${r.machine.sqlite}; load average ${r.machine.loadAverage.start} at the start, ${r.machine.loadAverage.end} at the end`,
    `workload: BENCH_SHOP seed ${w.seed}, ${w.customers.toLocaleString('en')} customers, ${w.days} days, ` +
      `${w.events.toLocaleString('en')} events of ${w.averageEventBytes} bytes on average`,
    client,
    '',
    line(header),
    widths.map((n) => '-'.repeat(n)).join('  '),
    ...body.map(line),
  ].join('\n');
}
