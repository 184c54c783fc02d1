import type { Channel } from '../../channel.ts';

/**
 * What a column of a sales file can mean. A file needs a date, a quantity and a price (of one unit or of
 * the whole line); the rest is optional: without an invoice column the lines of one customer on one day
 * are one order, without a customer column every order is a guest sale.
 */
export const SALE_FIELDS = [
  'invoice',
  'sku',
  'name',
  'quantity',
  'unitPrice',
  'lineTotal',
  'date',
  'customer',
  'customerName',
  'phone',
  'email',
  'country',
] as const;
export type SaleField = (typeof SALE_FIELDS)[number];

export type DateOrder = 'dmy' | 'mdy';

export interface SaleMapping {
  /** A field's column: a header name, or `#3` for the third column of a file without a header. */
  columns: Partial<Record<SaleField, string>>;
  /** A value for every line when the file has no column for it (CDNOW sells one thing: CDs). */
  constants: Partial<Record<'sku' | 'name', string>>;
  /** Invoices starting with this are cancellations (Online Retail's `C536379`). */
  cancelPrefix: string | null;
  /** Invoices starting with this are book-keeping entries, not sales (Online Retail's `A563185`). */
  adjustmentPrefix: string | null;
  /** How `3/4/2011` reads: 3 April (Indonesia, most of the world) or 4 March (a US export). */
  dateOrder: DateOrder;
  /** `whitespace`: columns split by runs of spaces, as CDNOW's fixed-width text. */
  delimiter: ',' | ';' | '\t' | 'whitespace';
  channel: Channel;
}

export type SalePreset = 'online-retail' | 'cdnow';
export const SALE_PRESETS: readonly SalePreset[] = ['online-retail', 'cdnow'];

const BASE: SaleMapping = {
  columns: {},
  constants: {},
  cancelPrefix: 'C',
  adjustmentPrefix: null,
  dateOrder: 'dmy',
  delimiter: ',',
  channel: 'store',
};

/** The mappings of the two public data sets Jejak is tested on. */
export function presetMapping(preset: SalePreset): SaleMapping {
  switch (preset) {
    case 'online-retail':
      return {
        ...BASE,
        columns: {
          invoice: 'InvoiceNo',
          sku: 'StockCode',
          name: 'Description',
          quantity: 'Quantity',
          date: 'InvoiceDate',
          unitPrice: 'UnitPrice',
          customer: 'CustomerID',
          country: 'Country',
        },
        adjustmentPrefix: 'A',
        // The UCI file's Excel original writes 12/1/2010 8:26 for the first of December.
        dateOrder: 'mdy',
        channel: 'web',
      };
    case 'cdnow':
      return {
        ...BASE,
        columns: {
          customer: 'customer_id',
          date: 'date',
          quantity: 'number_of_cds',
          lineTotal: 'dollar_value',
        },
        constants: { sku: 'CD', name: 'CD' },
        cancelPrefix: null,
        delimiter: 'whitespace',
        channel: 'web',
      };
    default:
      throw new Error(`unknown preset ${String(preset)}`);
  }
}

export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

/**
 * A mapping from `column=field` pairs as a person types them (`--map Faktur=invoice --map Tanggal=date`),
 * laid over a preset or over the defaults. `field=` with an empty column drops a preset's column.
 *
 * @example mappingFrom(['No=invoice', 'Tgl=date', 'Qty=quantity', 'Harga=unitPrice']).columns.invoice // 'No'
 */
export function mappingFrom(pairs: readonly string[], base: SaleMapping = BASE): SaleMapping {
  const columns = { ...base.columns };
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at === -1) throw new MappingError(`"${pair}" is not column=field`);
    const column = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (!isSaleField(field))
      throw new MappingError(`"${field}" is not a field; the fields are ${SALE_FIELDS.join(', ')}`);
    if (column === '') delete columns[field];
    else columns[field] = column;
  }
  return checkMapping({ ...base, columns });
}

export function isSaleField(value: string): value is SaleField {
  return (SALE_FIELDS as readonly string[]).includes(value);
}

/** Refuses a mapping that cannot give a sale: every line needs a date, a quantity and a price. */
export function checkMapping(mapping: SaleMapping): SaleMapping {
  const { columns } = mapping;
  if (!columns.date) throw new MappingError('map a column to date');
  if (!columns.quantity) throw new MappingError('map a column to quantity');
  if (!columns.unitPrice && !columns.lineTotal)
    throw new MappingError('map a column to unitPrice or lineTotal');
  if (!columns.sku && !columns.name && !mapping.constants.sku && !mapping.constants.name)
    throw new MappingError('map a column to sku or name');
  return mapping;
}

/**
 * Where each mapped field is in a row, from the header (names compared without case or spaces at the
 * ends) or from `#n` positions. Returns the missing columns by name when the header lacks them.
 */
export function locateColumns(
  mapping: SaleMapping,
  header: readonly string[] | null,
): Partial<Record<SaleField, number>> {
  const found: Partial<Record<SaleField, number>> = {};
  const names = header?.map((h) => h.trim().toLowerCase()) ?? [];
  const missing: string[] = [];
  for (const field of SALE_FIELDS) {
    const column = mapping.columns[field];
    if (column === undefined) continue;
    const position = /^#(\d+)$/.exec(column);
    if (position) found[field] = Number(position[1]) - 1;
    else {
      const at = names.indexOf(column.trim().toLowerCase());
      if (at === -1) missing.push(column);
      else found[field] = at;
    }
  }
  if (missing.length > 0) {
    throw new MappingError(
      header === null
        ? `the file has no header row; name columns by position (#1, #2...) instead of ${missing.join(', ')}`
        : `the header has no column ${missing.map((m) => `"${m}"`).join(', ')} (it has ${header.join(', ')})`,
    );
  }
  return found;
}

/**
 * Whether the first row is a header: it is when it holds one of the mapped column names. A file whose
 * mapping names columns only by position has none.
 */
export function isHeaderRow(mapping: SaleMapping, row: readonly string[]): boolean {
  const names = new Set(row.map((c) => c.trim().toLowerCase()));
  return Object.values(mapping.columns).some((c) => c !== undefined && names.has(c.trim().toLowerCase()));
}

/** The CDNOW file without its header (CDNOW_sample.txt) has an extra id column: its positions. */
export function headerlessCdnow(width: number): SaleMapping | null {
  const base = presetMapping('cdnow');
  if (width === 4)
    return { ...base, columns: { customer: '#1', date: '#2', quantity: '#3', lineTotal: '#4' } };
  if (width === 5)
    return { ...base, columns: { customer: '#1', date: '#3', quantity: '#4', lineTotal: '#5' } };
  return null;
}
