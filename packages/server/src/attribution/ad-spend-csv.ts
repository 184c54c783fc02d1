import { parse } from 'csv-parse/sync';
import { isChannel, minorUnitDigits, type Channel } from '@jejak/core';

/*
 * The ad spend CSV: `channel;month;amount` and optionally `campaign`, one row per channel and month,
 * semicolon or comma separated. A header row naming the columns (Indonesian names too) is optional;
 * without one the columns are read in that order. Amounts are read the Indonesian way and the English
 * way: `1.500.000`, `1.500.000,00`, `Rp 1.500.000`, `1,500,000` and `1500000` are all Rp 1.500.000.
 */

const ALIASES: Record<string, 'channel' | 'month' | 'amount' | 'campaign'> = {
  channel: 'channel',
  kanal: 'channel',
  saluran: 'channel',
  month: 'month',
  bulan: 'month',
  amount: 'amount',
  jumlah: 'amount',
  biaya: 'amount',
  spend: 'amount',
  campaign: 'campaign',
  kampanye: 'campaign',
};

/** Indonesian names a spreadsheet may use for a channel. */
const CHANNEL_ALIASES: Record<string, Channel> = {
  iklan: 'ads',
  toko: 'store',
  sosial: 'social',
  media_sosial: 'social',
  rujukan: 'referral',
  lainnya: 'other',
  telepon: 'phone',
  aplikasi: 'app',
};

export type SpendRowProblemCode =
  'empty' | 'unknown_channel' | 'bad_month' | 'not_amount' | 'too_long' | 'duplicate';

export interface SpendRowProblem {
  /** The line of the file (the first line is 1). */
  line: number;
  code: SpendRowProblemCode;
  values: Record<string, string | number>;
  reason: string;
}

export interface SpendCsvRow {
  line: number;
  channel: Channel;
  month: string;
  campaign: string;
  /** In the currency's minor unit. */
  amount: number;
}

export type ParsedSpendRow = { ok: true; row: SpendCsvRow } | ({ ok: false } & SpendRowProblem);

export class SpendCsvFormatError extends Error {}

class RowError extends Error {
  constructor(
    readonly code: SpendRowProblemCode,
    readonly values: Record<string, string | number>,
    message: string,
  ) {
    super(message);
  }
}

export function parseSpendCsv(text: string, currency: string): ParsedSpendRow[] {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  // Indonesian spreadsheets save with ';' because ',' is the decimal comma; an amount may hold a comma.
  const delimiter = firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
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
    throw new SpendCsvFormatError(
      `The file is not readable CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (records.length === 0) throw new SpendCsvFormatError('The file is empty');
  const named = records[0]!.map((h) => ALIASES[h.trim().toLowerCase()]);
  const hasHeader = named.some((c) => c !== undefined);
  const columns = hasHeader ? named : (['channel', 'month', 'amount', 'campaign'] as const);
  if (hasHeader) {
    for (const needed of ['channel', 'month', 'amount'] as const) {
      if (!columns.includes(needed)) throw new SpendCsvFormatError(`The header has no ${needed} column`);
    }
  }
  const body = hasHeader ? records.slice(1) : records;
  const seen = new Map<string, number>();
  return body.map((cells, i): ParsedSpendRow => {
    const line = i + (hasHeader ? 2 : 1);
    const cell = (column: 'channel' | 'month' | 'amount' | 'campaign') => {
      const at = columns.indexOf(column);
      return at === -1 ? '' : (cells[at]?.trim() ?? '');
    };
    try {
      const row = readRow(cell, line, currency);
      const key = `${row.month}|${row.channel}|${row.campaign}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        throw new RowError(
          'duplicate',
          { line: earlier },
          `The same channel, month and campaign is on line ${earlier} already`,
        );
      }
      seen.set(key, line);
      return { ok: true, row };
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      return { ok: false, line, code: error.code, values: error.values, reason: error.message };
    }
  });
}

function readRow(
  cell: (column: 'channel' | 'month' | 'amount' | 'campaign') => string,
  line: number,
  currency: string,
): SpendCsvRow {
  for (const column of ['channel', 'month', 'amount'] as const) {
    if (cell(column) === '') throw new RowError('empty', { column }, `The ${column} is empty`);
  }
  const channel = channelOf(cell('channel'));
  if (channel === undefined) {
    throw new RowError(
      'unknown_channel',
      { value: cell('channel') },
      `Unknown channel '${cell('channel')}' (one of ads, web, app, store, whatsapp, phone, email, chat, social, marketplace, referral, other)`,
    );
  }
  const month = monthOf(cell('month'));
  if (month === undefined) {
    throw new RowError(
      'bad_month',
      { value: cell('month') },
      `'${cell('month')}' is not a month like 2026-11`,
    );
  }
  const amount = readAmount(cell('amount'), currency);
  if (amount === undefined) {
    throw new RowError(
      'not_amount',
      { value: cell('amount') },
      `'${cell('amount')}' is not an amount of money like 1.500.000`,
    );
  }
  const campaign = cell('campaign');
  if (campaign.length > 200) {
    throw new RowError(
      'too_long',
      { column: 'campaign', max: 200 },
      'The campaign is longer than 200 characters',
    );
  }
  return { line, channel, month, campaign, amount };
}

export function channelOf(text: string): Channel | undefined {
  const key = text.trim().toLowerCase().replace(/\s+/g, '_');
  return isChannel(key) ? key : CHANNEL_ALIASES[key];
}

/**
 * `2026-11`, `2026/11`, `11/2026` or `11-2026` as `2026-11`; undefined when it is not a month.
 *
 * @example monthOf('11/2026') // '2026-11'
 */
export function monthOf(text: string): string | undefined {
  const t = text.trim();
  let match = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  let year: number, month: number;
  if (match) [year, month] = [Number(match[1]), Number(match[2])];
  else if ((match = /^(\d{1,2})[-/.](\d{4})$/.exec(t))) [year, month] = [Number(match[2]), Number(match[1])];
  else return undefined;
  if (month < 1 || month > 12 || year < 2000 || year > 2100) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * An amount in the currency's minor unit from text written the Indonesian or the English way.
 * The last separator followed by other than three digits (or the last of two kinds) is the decimal one.
 *
 * @example readAmount('1.500.000', 'IDR') // 1500000
 * @example readAmount('Rp 1.500.000,00', 'IDR') // 1500000
 * @example readAmount('12,50', 'GBP') // 1250
 */
export function readAmount(text: string, currency: string): number | undefined {
  const t = text.replace(/^rp\.?/i, '').replace(/[\s\u00a0]/g, '');
  if (!/^\d[\d.,]*$/.test(t)) return undefined;
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  let decimal: string | null = null;
  if (lastDot !== -1 && lastComma !== -1) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot !== -1 || lastComma !== -1) {
    const sep = lastDot !== -1 ? '.' : ',';
    const parts = t.split(sep);
    // One separator with other than three digits after it is a decimal point: 12,5 or 12.50.
    if (parts.length === 2 && parts[1]!.length !== 3) decimal = sep;
  }
  let whole = t;
  let fraction = '';
  if (decimal !== null) {
    const at = t.lastIndexOf(decimal);
    whole = t.slice(0, at);
    fraction = t.slice(at + 1);
    if (fraction.includes('.') || fraction.includes(',')) return undefined;
  }
  const thousands = decimal === ',' ? '.' : decimal === '.' ? ',' : lastDot !== -1 ? '.' : ',';
  const groups = whole.split(thousands);
  if (groups.length > 1 && groups.slice(1).some((g) => g.length !== 3)) return undefined;
  const digits = groups.join('');
  if (!/^\d+$/.test(digits)) return undefined;
  const places = minorUnitDigits(currency);
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > places) return undefined;
  const value =
    Number(digits) * 10 ** places + Number((trimmed + '0'.repeat(places)).slice(0, places) || '0');
  return Number.isSafeInteger(value) ? value : undefined;
}
