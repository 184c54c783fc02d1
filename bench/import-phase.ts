/**
 * The import phase (`npm run bench -- --import-only [--import-file f]`): the full Online Retail file
 * imported through the sales import service into a fresh embedded SQLite database, beside the same file
 * only read and planned (gunzip, split, mapping, grouping, refund pairing) in the same run, then imported
 * a second time, which must add nothing. Every line must be accounted for, or the phase fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minorUnitDigits, planSales, presetMapping } from '@jejak/core';
import { createServices, fileText, loadConfig, openStore, readSaleFile } from '@jejak/server';
import { phaseBar, say } from './progress.ts';

export const ONLINE_RETAIL = '/work/shared/data/online-retail/online_retail.csv.gz';

export interface ImportFigures {
  file: string;
  lines: number;
  parseOnly: { ms: number; linesPerSecond: number };
  firstRun: { ms: number; linesPerSecond: number; ratioToParse: number };
  secondRun: { ms: number; linesPerSecond: number; added: number };
  counts: {
    inOrders: number;
    inRefunds: number;
    rejected: number;
    orders: number;
    guestOrders: number;
    refunds: number;
    customers: number;
    products: number;
  };
}

export async function measureImport(root: string, file = ONLINE_RETAIL): Promise<ImportFigures> {
  const bytes = readFileSync(file);
  const mapping = presetMapping('online-retail');
  say('import: parsing alone ...');
  let started = performance.now();
  const read = readSaleFile(fileText(bytes), mapping, minorUnitDigits('GBP'), 'Europe/London');
  const plan = planSales(read.lines, mapping.cancelPrefix, read.rejected);
  const parseMs = performance.now() - started;
  const lines = read.total;
  if (plan.orders.length === 0) throw new Error('import: the file planned no orders');

  const store = await openStore(loadConfig({ JEJAK_DATA_DIR: join(root, 'import-data') }));
  try {
    const services = createServices(store);
    const workspace = await services.workspaces.create({
      name: 'Online Retail',
      timezone: 'Europe/London',
      currency: 'GBP',
    });
    await services.branches.create(workspace.id, { name: 'Web shop' });
    const bar = phaseBar('import: Online Retail, first run', lines, 'lines');
    started = performance.now();
    const first = await services.salesImport.importSales(workspace.id, bytes, {
      mapping,
      source: 'online-retail',
      dryRun: false,
      onProgress: (done) => bar.update(done),
    });
    const firstMs = performance.now() - started;
    bar.stop();
    const l = first.lines;
    if (l.inOrders + l.inRefunds + l.alreadyImported + l.rejected !== lines || l.total !== lines)
      throw new Error(`import: the lines do not add up: ${JSON.stringify(l)} for ${lines} lines`);
    say('import: second run ...');
    started = performance.now();
    const second = await services.salesImport.importSales(workspace.id, bytes, {
      mapping,
      source: 'online-retail',
      dryRun: false,
    });
    const secondMs = performance.now() - started;
    const added = second.lines.inOrders + second.lines.inRefunds;
    if (added !== 0) throw new Error(`import: the second run added ${added} lines`);
    return {
      file,
      lines,
      parseOnly: { ms: Math.round(parseMs), linesPerSecond: Math.round((lines * 1000) / parseMs) },
      firstRun: {
        ms: Math.round(firstMs),
        linesPerSecond: Math.round((lines * 1000) / firstMs),
        ratioToParse: Number((firstMs / parseMs).toFixed(1)),
      },
      secondRun: { ms: Math.round(secondMs), linesPerSecond: Math.round((lines * 1000) / secondMs), added },
      counts: {
        inOrders: l.inOrders,
        inRefunds: l.inRefunds,
        rejected: l.rejected,
        orders: first.orders.created,
        guestOrders: first.orders.guest,
        refunds: first.refunds.created,
        customers: first.customers.created,
        products: first.products.created,
      },
    };
  } finally {
    await store.close();
  }
}

export function formatImport(f: ImportFigures): string {
  const n = (v: number) => v.toLocaleString('en');
  return [
    `Import of ${f.file} (${n(f.lines)} lines), embedded SQLite:`,
    `  parsing alone (gunzip, split, map, group, pair refunds)  ${n(f.parseOnly.ms)} ms  ${n(f.parseOnly.linesPerSecond)} lines/s`,
    `  full import, first run                                   ${n(f.firstRun.ms)} ms  ${n(f.firstRun.linesPerSecond)} lines/s  (${f.firstRun.ratioToParse}x parsing)`,
    `  second run (adds ${f.secondRun.added})                                 ${n(f.secondRun.ms)} ms  ${n(f.secondRun.linesPerSecond)} lines/s`,
    `  lines: ${n(f.counts.inOrders)} in orders + ${n(f.counts.inRefunds)} in refunds + ${n(f.counts.rejected)} rejected = ${n(f.lines)}`,
    `  ${n(f.counts.orders)} orders (${n(f.counts.guestOrders)} guest), ${n(f.counts.refunds)} refunds, ${n(f.counts.customers)} customers, ${n(f.counts.products)} products`,
  ].join('\n');
}
