import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { SALE_PRESETS, mappingFrom, presetMapping, type SaleMapping, type SalePreset } from '@jejak/core';
import { errorReportCsv, type ImportSummary, type Services } from '@jejak/server';
import { fail, printJson, requireWorkspace, withServices } from '../context.ts';

interface ImportOptions {
  workspace: string;
  preset?: SalePreset;
  map: string[];
  dryRun?: boolean;
  branch?: string;
  source?: string;
  errors?: string;
  json?: boolean;
}

const KINDS = ['sales', 'customers', 'products'] as const;
type Kind = (typeof KINDS)[number];

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import historical sales, customers or products from a file (CSV, .csv.gz, CDNOW text)')
    .argument('<kind>', `what the file holds: ${KINDS.join(', ')}`, parseKind)
    .argument('<file>', 'the file to read')
    .requiredOption('-w, --workspace <id-or-slug>', 'the workspace to import into')
    .option('--preset <name>', `a known file layout: ${SALE_PRESETS.join(', ')}`, parsePreset)
    .option('--map <column=field>', 'a column of the file and the field it holds (repeat it)', collect, [])
    .option('--dry-run', 'report what would be imported and write nothing')
    .option('--branch <id>', 'the branch the sales are booked at (default: the oldest open one)')
    .option('--source <name>', 'the name the import is kept under (default: the preset, else "import")')
    .option('--errors <file>', 'where the per-line error report goes (default: <file>.errors.csv here)')
    .option('--json', 'print the summary as JSON and no progress bar')
    .action(async (kind: Kind, file: string, options: ImportOptions) => {
      const bytes = readFileSync(file);
      await withServices(async (services) => {
        const workspace = await requireWorkspace(services, options.workspace);
        const summary = await run(services, workspace.id, kind, bytes, options);
        const errorsFile = options.errors ?? `${basename(file).replace(/\.gz$/, '')}.errors.csv`;
        writeFileSync(errorsFile, errorReportCsv(summary.errors));
        if (options.json) return printJson({ ...summary, errors: summary.errors.length, errorsFile });
        process.stdout.write(describe(kind, summary, errorsFile));
      });
    });
}

type AnySummary =
  ImportSummary | Awaited<ReturnType<Services['customerImport']['importCustomers']>> | ProductSummary;
type ProductSummary = {
  dryRun: boolean;
  kind: 'products';
  created: number;
  updated: number;
  total: number;
  errors: { line: number; code: string; reason: string }[];
};

async function run(
  services: Services,
  workspaceId: string,
  kind: Kind,
  bytes: Buffer,
  options: ImportOptions,
) {
  const dryRun = options.dryRun === true;
  switch (kind) {
    case 'sales': {
      const bar = options.json
        ? undefined
        : new SingleBar(
            { format: 'Import {bar} {percentage}% | {value}/{total} lines | {eta_formatted} left' },
            Presets.shades_classic,
          );
      let started = false;
      try {
        return await services.salesImport.importSales(workspaceId, bytes, {
          mapping: saleMapping(options),
          source: options.source ?? options.preset ?? 'import',
          dryRun,
          ...(options.branch ? { branchId: options.branch } : {}),
          onProgress: (done, total) => {
            if (!bar) return;
            if (!started) bar.start(total, 0);
            started = true;
            bar.update(done);
          },
        });
      } finally {
        bar?.stop();
      }
    }
    case 'customers':
      return services.customerImport.importCustomers(workspaceId, bytes, {
        map: options.map,
        dryRun,
        ...(options.source ? { source: options.source } : {}),
      });
    case 'products': {
      const text = bytes.toString('utf8');
      const report = await services.products.importCsv(workspaceId, text, dryRun);
      const total = text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1;
      return { kind: 'products' as const, ...report, total, errors: report.rejected };
    }
    default:
      throw new Error(`unknown kind ${String(kind)}`);
  }
}

function saleMapping(options: ImportOptions): SaleMapping {
  try {
    if (options.preset) return mappingFrom(options.map, presetMapping(options.preset));
    if (options.map.length === 0) fail('name a --preset or map the columns with --map column=field');
    return mappingFrom(options.map);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function describe(kind: Kind, s: AnySummary, errorsFile: string): string {
  const n = (v: number) => v.toLocaleString('en');
  const head = s.dryRun ? 'Dry run, nothing written' : 'Imported';
  const errors = `${n(s.errors.length)} rejected lines are in ${errorsFile}.\n`;
  if ('orders' in s) {
    const { lines } = s;
    const rate = s.ms > 0 ? Math.round((lines.total / s.ms) * 1000) : lines.total;
    const byCode = Object.entries(s.rejectedByCode)
      .map(([code, count]) => `${code} ${n(count)}`)
      .join(', ');
    return (
      `${head} (${kind}, source ${s.source}) in ${n(s.ms)} ms, ${n(rate)} lines/s.\n` +
      `Lines: ${n(lines.total)} = ${n(lines.inOrders)} in new orders + ${n(lines.inRefunds)} in refunds + ` +
      `${n(lines.alreadyImported)} already imported + ${n(lines.rejected)} rejected.\n` +
      `Orders: ${n(s.orders.created)} new (${n(s.orders.guest)} guest sales), ${n(s.orders.alreadyImported)} already imported. ` +
      `Refunds: ${n(s.refunds.created)} new, ${n(s.refunds.alreadyImported)} already imported.\n` +
      `Customers: ${n(s.customers.created)} new. Products: ${n(s.products.created)} new.\n` +
      (byCode ? `Rejected by reason: ${byCode}.\n` : '') +
      errors
    );
  }
  if ('customers' in s) {
    const { lines } = s;
    return (
      `${head} (customers) in ${n(s.ms)} ms.\n` +
      `Lines: ${n(lines.total)} = ${n(lines.imported)} imported + ${n(lines.alreadyImported)} already imported + ${n(lines.rejected)} rejected.\n` +
      `Customers: ${n(s.customers.created)} new, ${n(s.customers.matched)} matched to known ones.\n` +
      errors
    );
  }
  return (
    `${head} (products): ${n(s.total)} lines = ${n(s.created)} new + ${n(s.updated)} updated + ${n(s.errors.length)} rejected.\n` +
    errors
  );
}

function parseKind(value: string): Kind {
  if (!(KINDS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be one of ${KINDS.join(', ')}`);
  return value as Kind;
}

function parsePreset(value: string): SalePreset {
  if (!(SALE_PRESETS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be one of ${SALE_PRESETS.join(', ')}`);
  return value as SalePreset;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
