/**
 * `npm run bench [-- options]`: Jejak against the DESIGN §6 targets, each figure beside a baseline measured
 * in the same run (see docs/benchmarks.md). Progress on stderr, results on stdout (a table, or --json).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Command, InvalidArgumentError } from 'commander';
import { workloadColumns } from './analytics-input.ts';
import { formatAnalytics, measureAnalytics } from './analytics-phase.ts';
import { createBenchWorkspace } from './api.ts';
import { bulkLoad } from './bulk-load.ts';
import { formatImport, measureImport, ONLINE_RETAIL } from './import-phase.ts';
import { countEvents, figures, parseOnlyBaseline, postToJejak, sqliteBaseline } from './ingest-phase.ts';
import { startJejak } from './processes.ts';
import { say } from './progress.ts';
import { measureReads, registerWorkloadBranches } from './read-phase.ts';
import { rebuildWithCli, scanFloor } from './rebuild-phase.ts';
import { formatReadsTable, formatTable, type BenchResults } from './report.ts';
import { workloadBatches, type Batch, type WorkloadOptions } from './workload.ts';

interface Options extends WorkloadOptions {
  slice: number;
  batchSize: number;
  concurrency: number;
  reads: number;
  json?: boolean;
  keep?: boolean;
  bulkLoad?: boolean;
  loadOnly?: boolean;
  readsOnly?: string;
  importOnly?: boolean;
  analyticsOnly?: string;
  analytics?: boolean;
  analyticsRuns: number;
  importFile: string;
}

/** What a kept data folder needs for `--reads-only`: written beside the data by a `--keep` run. */
interface KeptRun {
  adminKey: string;
  workspaceId: string;
  branch: string;
  workload: BenchResults['workload'];
}

const KEPT_RUN = 'bench-run.json';

// The bench's data is a year old: with the wall clock, every customer is always due and the clock job
// would re-advance all of them each minute during ingestion. A live feed does not look like that.
const SERVER_ENV = { JEJAK_CLOCK_INTERVAL_MS: '86400000' };
// About this many events a BENCH_SHOP customer makes in a year; only sizes the progress bars.
const EVENTS_PER_CUSTOMER_YEAR = 50;

function positive(value: string): number {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

function parseOptions(argv: string[]): Options {
  return new Command('bench')
    .description('Measure ingestion, rebuild and dashboard reads against the DESIGN §6 targets')
    .option('--customers <n>', 'simulated customers (about 50 events each)', positive, 200_000)
    .option('--days <n>', 'simulated days', positive, 365)
    .option('--seed <n>', 'seed of the simulation', positive, 2025)
    .option(
      '--slice <n>',
      'events of the measured first slice, also sent to both baselines',
      positive,
      1_000_000,
    )
    .option('--batch-size <n>', 'messages per /v1/batch request', positive, 500)
    .option('--concurrency <n>', 'requests in flight at once', positive, 4)
    .option('--reads <n>', 'timed requests per read endpoint', positive, 200)
    .option('--json', 'print the results as JSON')
    .option('--keep', 'keep the temporary data folder (its path is printed)')
    .option(
      '--bulk-load',
      'fill the database through the storage layer in large transactions, no HTTP and no journey moves, then jejak rebuild (no ingestion figures: for the rebuild and reads phases, or data to --keep)',
    )
    .option(
      '--load-only',
      'stop after the load and the rebuild, keep the data folder (as --keep) and print its path: data for other benchmarks',
    )
    .option(
      '--reads-only <folder>',
      'only the reads phase, against the data a --keep run left in <folder> (its server is started anew, so new migrations run first)',
    )
    .option(
      '--import-only',
      'only the import phase: the Online Retail file imported twice, beside parsing it alone',
    )
    .option('--import-file <file>', 'the file of the import phase', ONLINE_RETAIL)
    .option(
      '--analytics-only <folder>',
      'only the analytics phase (event funnel and paths, Jejak beside DuckDB), on the data a --keep or --load-only run left in <folder>',
    )
    .option(
      '--analytics',
      'only the analytics phase, on the workload generated in memory (no database: 10 million events in minutes)',
    )
    .option('--analytics-runs <n>', 'timed runs of each analytics query', positive, 10)
    .parse(argv)
    .opts<Options>();
}

/** The first `events` events as batches in memory, and the generator positioned after them. */
function takeSlice(batches: Generator<Batch, void, undefined>, events: number): Batch[] {
  const slice: Batch[] = [];
  let taken = 0;
  while (taken < events) {
    const next = batches.next();
    if (next.done === true) break;
    slice.push(next.value);
    taken += next.value.events;
  }
  return slice;
}

function machine(loadAtStart: number): BenchResults['machine'] {
  const db = new BetterSqlite3(':memory:');
  const sqlite = db.prepare('select sqlite_version()').pluck().get() as string;
  db.close();
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.versions.node,
    sqlite,
    // Other work on the machine takes cores from both the server and the client: say how busy it was.
    loadAverage: { start: loadAtStart, end: Number(loadavg()[0]!.toFixed(2)) },
  };
}

function checkDisk(dir: string, customers: number): void {
  // About 1.3 KB of SQLite file per event (payload, indexes, journeys), and the baseline's file beside it.
  const needed = customers * EVENTS_PER_CUSTOMER_YEAR * 2_000;
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  if (free < needed)
    throw new Error(
      `${dir} has ${Math.round(free / 1e9)} GB free; this run needs about ${Math.round(needed / 1e9)} GB`,
    );
}

async function httpLoad(options: Options, root: string) {
  const batches = workloadBatches(options, options.batchSize);
  say(`generating the first ${options.slice.toLocaleString('en')} events ...`);
  const slice = takeSlice(batches, options.slice);
  const sliceEvents = countEvents(slice);
  const sliceBytes = slice.reduce((sum, b) => sum + b.body.length, 0);
  const parseOnly = await parseOnlyBaseline(slice, options.concurrency);
  const sqliteInsert = sqliteBaseline(mkdirp(join(root, 'sqlite-baseline')), slice);

  const dataDir = mkdirp(join(root, 'data'));
  const server = await startJejak(dataDir, SERVER_ENV);
  if (!server.adminKey) throw new Error('the server printed no admin key on its first start');
  const { workspaceId, writeKey } = await createBenchWorkspace(server.url, server.adminKey);
  const sliceResult = await postToJejak(server, writeKey, slice, options.concurrency, 'ingest: first slice');
  slice.length = 0;
  const estimate = Math.max(
    0,
    options.customers * EVENTS_PER_CUSTOMER_YEAR * (options.days / 365) - sliceEvents,
  );
  const restResult = await postToJejak(
    server,
    writeKey,
    batches,
    options.concurrency,
    'ingest: the rest',
    estimate,
  );
  const serverRssBytes = server.rss();
  await server.stop();
  return {
    dataDir,
    adminKey: server.adminKey,
    workspaceId,
    averageEventBytes: Math.round(sliceBytes / sliceEvents),
    events: sliceResult.events + restResult.events,
    bulk: null,
    figures: {
      slice: figures(sliceResult),
      parseOnly,
      sqliteInsert,
      rest: restResult.events > 0 ? figures(restResult) : null,
      serverRssBytes,
    },
  };
}

/**
 * The workload written by `bulkLoad` (bench/bulk-load.ts) instead of posted: the workspace and its write
 * key are made through the API of a first server start (which prints the admin key), then the server is
 * stopped and the bodies go straight through the ingestion code in large transactions, journeys left to
 * the rebuild that follows. No ingestion figures: its speed is not the product's.
 */
async function loadInBulk(options: Options, root: string) {
  const dataDir = mkdirp(join(root, 'data'));
  const server = await startJejak(dataDir, SERVER_ENV);
  if (!server.adminKey) throw new Error('the server printed no admin key on its first start');
  const { workspaceId, writeKey } = await createBenchWorkspace(server.url, server.adminKey);
  await server.stop();
  let bytes = 0;
  let events = 0;
  function* counted(): Generator<Batch, void, undefined> {
    for (const batch of workloadBatches(options, options.batchSize)) {
      bytes += batch.body.length;
      events += batch.events;
      yield batch;
    }
  }
  const estimate = options.customers * EVENTS_PER_CUSTOMER_YEAR * (options.days / 365);
  const bulk = await bulkLoad(dataDir, writeKey, counted(), estimate);
  return {
    dataDir,
    adminKey: server.adminKey,
    workspaceId,
    averageEventBytes: Math.round(bytes / Math.max(1, events)),
    events: bulk.events,
    figures: null,
    bulk,
  };
}

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The reads phase alone, on a kept run's data: before and after a change to the read path, on the same
 * data, without ingesting again.
 */
async function readsOnly(options: Options, root: string, loadAtStart: number) {
  const statePath = join(root, KEPT_RUN);
  if (!existsSync(statePath)) throw new Error(`${root} holds no ${KEPT_RUN}: keep a run with --keep first`);
  const kept = JSON.parse(readFileSync(statePath, 'utf8')) as KeptRun;
  const server = await startJejak(join(root, 'data'), SERVER_ENV);
  const reads = await measureReads(
    server,
    kept.adminKey,
    kept.workspaceId,
    kept.workload.days,
    options.reads,
    kept.branch,
  );
  const rssBytes = server.rss();
  await server.stop();
  const results = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
    machine: machine(loadAtStart),
    workload: kept.workload,
    reads,
    serverRssBytesAfterReads: rssBytes,
  };
  process.stdout.write(`${options.json ? JSON.stringify(results, null, 2) : formatReadsTable(results)}\n`);
}

/** The analytics phase alone, on a kept run's data: Jejak's scans beside DuckDB's SQL on the same events. */
async function analyticsOnly(options: Options, root: string, loadAtStart: number) {
  const statePath = join(root, KEPT_RUN);
  if (!existsSync(statePath))
    throw new Error(`${root} holds no ${KEPT_RUN}: keep a run with --keep or --load-only first`);
  const kept = JSON.parse(readFileSync(statePath, 'utf8')) as KeptRun;
  const analytics = await measureAnalytics(
    { kind: 'database', dataDir: join(root, 'data'), workspaceId: kept.workspaceId },
    options.analyticsRuns,
  );
  const results = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
    machine: machine(loadAtStart),
    workload: kept.workload,
    analytics,
  };
  process.stdout.write(`${options.json ? JSON.stringify(results, null, 2) : formatAnalytics(analytics)}\n`);
  if (!options.json)
    process.stdout.write(
      `load average ${results.machine.loadAverage.start} -> ${results.machine.loadAverage.end}\n`,
    );
}

/** The analytics phase on the generated workload, without a database. */
async function analyticsOfWorkload(options: Options, loadAtStart: number) {
  const estimate = options.customers * EVENTS_PER_CUSTOMER_YEAR * (options.days / 365);
  const analytics = await measureAnalytics(
    { kind: 'workload', columns: () => workloadColumns(options, estimate) },
    options.analyticsRuns,
  );
  const results = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
    machine: machine(loadAtStart),
    workload: {
      seed: options.seed,
      customers: options.customers,
      days: options.days,
      events: analytics.events,
    },
    analytics,
  };
  process.stdout.write(`${options.json ? JSON.stringify(results, null, 2) : formatAnalytics(analytics)}\n`);
  if (!options.json)
    process.stdout.write(
      `load average ${results.machine.loadAverage.start} -> ${results.machine.loadAverage.end}\n`,
    );
}

/** The import phase alone: it needs no generated workload, only the Online Retail file. */
async function importOnly(options: Options, loadAtStart: number) {
  const root = mkdtempSync(join(tmpdir(), 'jejak-bench-import-'));
  try {
    const figures = await measureImport(root, options.importFile);
    const results = {
      date: new Date().toISOString().slice(0, 10),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
      machine: machine(loadAtStart),
      import: figures,
    };
    process.stdout.write(`${options.json ? JSON.stringify(results, null, 2) : formatImport(figures)}\n`);
    if (!options.json)
      process.stdout.write(
        `load average ${results.machine.loadAverage.start} -> ${results.machine.loadAverage.end}\n`,
      );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main() {
  const options = parseOptions(process.argv);
  const loadAtStart = Number(loadavg()[0]!.toFixed(2));
  if (options.readsOnly !== undefined) return readsOnly(options, options.readsOnly, loadAtStart);
  if (options.importOnly) return importOnly(options, loadAtStart);
  if (options.analyticsOnly !== undefined) return analyticsOnly(options, options.analyticsOnly, loadAtStart);
  if (options.analytics) return analyticsOfWorkload(options, loadAtStart);
  if (options.loadOnly) options.keep = true;
  const root = mkdtempSync(join(tmpdir(), 'jejak-bench-'));
  say(`data in ${root}`);
  try {
    checkDisk(root, options.customers);
    const loaded = options.bulkLoad ? await loadInBulk(options, root) : await httpLoad(options, root);
    const floor = scanFloor(loaded.dataDir);
    const rebuild = await rebuildWithCli(loaded.dataDir);
    const branch = registerWorkloadBranches(loaded.dataDir, loaded.workspaceId);
    const workload = {
      seed: options.seed,
      customers: options.customers,
      days: options.days,
      events: loaded.events,
      averageEventBytes: loaded.averageEventBytes,
    };
    if (options.keep) {
      const kept: KeptRun = { adminKey: loaded.adminKey, workspaceId: loaded.workspaceId, branch, workload };
      writeFileSync(join(root, KEPT_RUN), JSON.stringify(kept, null, 2));
    }
    if (options.loadOnly) {
      const loadedData = { folder: root, database: join(loaded.dataDir, 'jejak.sqlite'), workload, rebuild };
      const load = loaded.bulk ?? loaded.figures;
      process.stdout.write(`${JSON.stringify({ ...loadedData, load }, null, 2)}\n`);
      return;
    }
    const server = await startJejak(loaded.dataDir, SERVER_ENV);
    const reads = await measureReads(
      server,
      loaded.adminKey,
      loaded.workspaceId,
      options.days,
      options.reads,
      branch,
    );
    const serverRssBytesAfterReads = server.rss();
    await server.stop();
    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.replace(/ -- $/, ''),
      machine: machine(loadAtStart),
      workload,
      client: { batchSize: options.batchSize, concurrency: options.concurrency },
      ingest: loaded.figures,
      bulkLoad: loaded.bulk,
      rebuild,
      scanFloor: floor,
      reads,
      serverRssBytesAfterReads,
    };
    process.stdout.write(`${options.json ? JSON.stringify(results, null, 2) : formatTable(results)}\n`);
  } finally {
    if (options.keep) say(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

await main();
