import { gunzipSync } from 'node:zlib';
import {
  MappingError,
  headerlessCdnow,
  isHeaderRow,
  isRejection,
  locateColumns,
  readSaleRow,
  splitRecords,
  type NumberedRecord,
  type Rejection,
  type SaleLine,
  type SaleMapping,
} from '@jejak/core';

export class FileFormatError extends Error {}

/**
 * The text of an uploaded file: gunzipped when it is gzip (the UCI file comes as `.csv.gz`), UTF-8
 * when it is valid UTF-8 (the Online Retail file is, `Â£` and all: that is its own old mojibake, kept as
 * written), else Windows-1252, which is what a spreadsheet on Windows saves. A byte order mark is dropped.
 */
export function fileText(bytes: Uint8Array): string {
  const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    text = new TextDecoder('windows-1252').decode(plain);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface ReadFile {
  /** Data lines: every line of the file but the header and blank ones. */
  total: number;
  lines: SaleLine[];
  rejected: Rejection[];
}

/**
 * Reads every line of a sales file through the mapping. Comma, semicolon and tab files go through a CSV
 * parser (quoted fields with commas, as Online Retail's descriptions); `whitespace` files are split on
 * runs of spaces. A line the mapping cannot read is rejected with its line number, never dropped.
 */
export function readSaleFile(text: string, mapping: SaleMapping, digits: number, zone: string): ReadFile {
  const records =
    mapping.delimiter === 'whitespace' ? splitWhitespace(text) : splitCsv(text, mapping.delimiter);
  if (records.length === 0) throw new FileFormatError('The file has no lines');
  const first = records[0]!.cells;
  const positional = Object.values(mapping.columns).every((c) => c === undefined || c.startsWith('#'));
  const hasHeader = !positional && isHeaderRow(mapping, first);
  let used = mapping;
  if (!hasHeader && !positional) {
    const byPosition = mapping.delimiter === 'whitespace' ? headerlessCdnow(first.length) : null;
    if (byPosition === null)
      throw new MappingError(
        `the first line is no header naming ${Object.values(mapping.columns).join(', ')}`,
      );
    used = byPosition;
  }
  const at = locateColumns(used, hasHeader ? first : null);
  const out: ReadFile = { total: 0, lines: [], rejected: [] };
  for (const { cells, line } of hasHeader ? records.slice(1) : records) {
    out.total += 1;
    const row = readSaleRow(cells, line, { mapping: used, at, digits, zone });
    if (isRejection(row)) out.rejected.push(row);
    else out.lines.push(row);
  }
  return out;
}

function splitCsv(text: string, delimiter: string): NumberedRecord[] {
  return splitRecords(text, delimiter);
}

function splitWhitespace(text: string): NumberedRecord[] {
  const out: NumberedRecord[] = [];
  text.split('\n').forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed !== '') out.push({ cells: trimmed.split(/\s+/), line: i + 1 });
  });
  return out;
}
