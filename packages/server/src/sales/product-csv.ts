import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Product } from '@jejak/storage';

/** The columns of the product CSV, in export order. Headers are matched case-insensitively, Indonesian names too. */
export const PRODUCT_COLUMNS = [
  'sku',
  'barcode',
  'name',
  'category',
  'unit',
  'price',
  'cost',
  'active',
  'track_stock',
] as const;
type Column = (typeof PRODUCT_COLUMNS)[number];

const ALIASES: Record<string, Column> = {
  sku: 'sku',
  kode: 'sku',
  barcode: 'barcode',
  name: 'name',
  nama: 'name',
  category: 'category',
  kategori: 'category',
  unit: 'unit',
  satuan: 'unit',
  price: 'price',
  harga: 'price',
  harga_jual: 'price',
  cost: 'cost',
  modal: 'cost',
  harga_pokok: 'cost',
  active: 'active',
  aktif: 'active',
  track_stock: 'track_stock',
  lacak_stok: 'track_stock',
};

export interface ProductCsvRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  sku: string;
  barcode: string | null;
  name: string;
  category: string | null;
  unit: string;
  price: number;
  cost: number;
  active: boolean;
  trackStock: boolean;
}

/**
 * Why a row was refused: a code and its values for the dashboard to say in its own language, and the
 * same in English words for an API reader.
 */
export type RowProblemCode =
  'empty' | 'too_long' | 'not_rupiah' | 'not_flag' | 'duplicate_sku' | 'barcode_taken';

export interface RowProblem {
  line: number;
  code: RowProblemCode;
  /** The column, the value, the earlier line or the other SKU the reason names. */
  values: Record<string, string | number>;
  reason: string;
}

export class RowError extends Error {
  constructor(
    readonly code: RowProblemCode,
    readonly values: Record<string, string | number>,
    message: string,
  ) {
    super(message);
  }
}

export type ParsedRow = { ok: true; row: ProductCsvRow } | ({ ok: false } & RowProblem);

export class CsvFormatError extends Error {}

/**
 * Reads a product CSV (comma or semicolon separated, as spreadsheets in Indonesia often save it) into
 * rows, each valid or refused with the reason. Prices are whole Rupiah; `18000`, `18.000` and `18,000`
 * all read as 18000, while `18000.50` is refused (no sen at the counter).
 */
export function parseProductCsv(text: string): ParsedRow[] {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    throw new CsvFormatError(
      `The file is not readable CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const [header, ...body] = records;
  if (!header) throw new CsvFormatError('The file is empty; the first row must name the columns');
  const columns = header.map((h) => ALIASES[h.trim().toLowerCase().replace(/\s+/g, '_')]);
  for (const needed of ['sku', 'name', 'price'] as const) {
    if (!columns.includes(needed)) throw new CsvFormatError(`The header has no ${needed} column`);
  }
  return body.map((cells, i) => {
    const line = i + 2;
    const value = (column: Column) => {
      const at = columns.indexOf(column);
      const cell = at === -1 ? undefined : cells[at]?.trim();
      return cell === undefined || cell === '' ? undefined : cell;
    };
    try {
      return { ok: true, row: readRow(value, line) };
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      return { ok: false, line, code: error.code, values: error.values, reason: error.message };
    }
  });
}

function readRow(value: (column: Column) => string | undefined, line: number): ProductCsvRow {
  const sku = value('sku');
  const name = value('name');
  if (sku === undefined) throw new RowError('empty', { column: 'sku' }, 'sku is empty');
  if (sku.length > 64)
    throw new RowError('too_long', { column: 'sku', max: 64 }, 'sku is longer than 64 characters');
  if (name === undefined) throw new RowError('empty', { column: 'name' }, 'name is empty');
  const barcode = value('barcode') ?? null;
  if (barcode !== null && barcode.length > 64) {
    throw new RowError('too_long', { column: 'barcode', max: 64 }, 'barcode is longer than 64 characters');
  }
  return {
    line,
    sku,
    barcode,
    name: name.slice(0, 200),
    category: value('category')?.slice(0, 100) ?? null,
    unit: value('unit')?.slice(0, 20) ?? 'pcs',
    price: rupiah(value('price'), 'price'),
    cost: value('cost') === undefined ? 0 : rupiah(value('cost'), 'cost'),
    active: flag(value('active'), 'active'),
    trackStock: flag(value('track_stock'), 'track_stock'),
  };
}

function rupiah(cell: string | undefined, column: string): number {
  if (cell === undefined) throw new RowError('empty', { column }, `${column} is empty`);
  const plain = cell.replace(/^Rp\.?\s*/i, '');
  const digits = /^\d{1,3}([.,]\d{3})+$/.test(plain) ? plain.replace(/[.,]/g, '') : plain;
  if (!/^\d{1,13}$/.test(digits)) {
    throw new RowError(
      'not_rupiah',
      { column, value: cell },
      `${column} "${cell}" is not a whole number of Rupiah`,
    );
  }
  return Number(digits);
}

const TRUE = new Set(['1', 'true', 'yes', 'ya', 'y']);
const FALSE = new Set(['0', 'false', 'no', 'tidak', 'n']);

function flag(cell: string | undefined, column: string): boolean {
  if (cell === undefined) return true;
  const v = cell.toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new RowError(
    'not_flag',
    { column, value: cell },
    `${column} "${cell}" is not one of 1/0, true/false, ya/tidak`,
  );
}

/** The catalogue as CSV, in the columns the import reads. */
export function productsToCsv(products: readonly Product[]): string {
  return stringify(
    products.map((p) => [
      p.sku,
      p.barcode ?? '',
      p.name,
      p.category ?? '',
      p.unit,
      p.price,
      p.cost,
      p.active,
      p.track_stock,
    ]),
    { header: true, columns: [...PRODUCT_COLUMNS] },
  );
}
