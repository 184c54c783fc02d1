import { stringify } from 'csv-stringify/sync';

export type CsvDelimiter = 'comma' | 'semicolon';
export type CsvLanguage = 'id' | 'en';

/** A column of a report's CSV: its header in both languages and how a row gives its cell. */
export interface CsvColumn<R> {
  id: string;
  en: string;
  cell: (row: R) => string | number | null;
  /** `ratio`: a fraction written as a percentage with one decimal (34.5). */
  kind?: 'text' | 'number' | 'ratio';
}

/**
 * A report as CSV: a header row, then one row per line; Rupiah as whole numbers. With `comma` it is
 * RFC 4180 (decimals with a point); with `semicolon` it is what a spreadsheet set to Indonesian opens
 * straight into columns: `;` between cells, a comma in decimals, a byte-order mark so it reads UTF-8,
 * CRLF line ends. Text that would start a formula (=, +, -, @) gets a leading apostrophe.
 */
export function reportCsv<R>(
  columns: readonly CsvColumn<R>[],
  rows: readonly R[],
  delimiter: CsvDelimiter = 'comma',
  language: CsvLanguage = 'id',
): string {
  const excel = delimiter === 'semicolon';
  const cell = (column: CsvColumn<R>, row: R): string => {
    const value = column.cell(row);
    if (value === null) return '';
    if (column.kind === 'ratio' && typeof value === 'number') {
      const text = (Math.round(value * 1000) / 10).toFixed(1);
      return excel ? text.replace('.', ',') : text;
    }
    if (typeof value === 'number') return String(value);
    return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  };
  return stringify(
    rows.map((row) => columns.map((c) => cell(c, row))),
    {
      header: true,
      columns: columns.map((c, i) => ({ key: String(i), header: c[language] })),
      delimiter: excel ? ';' : ',',
      bom: excel,
      record_delimiter: excel ? 'windows' : 'unix',
    },
  );
}
