import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  headerlessCdnow,
  isRejection,
  locateColumns,
  mappingFrom,
  planSales,
  presetMapping,
  readSaleRow,
  splitRecords,
  type Rejection,
  type SaleLine,
  type SaleMapping,
} from '../../../src/sales/import/index.ts';

const fixture = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');

/** Reads rows the way the import service does, without its storage: mapping, then every line read. */
function read(records: string[][], mapping: SaleMapping, digits: number, zone = 'Europe/London') {
  const [header, ...body] = records;
  const at = locateColumns(mapping, header!);
  const lines: SaleLine[] = [];
  const rejected: Rejection[] = [];
  body.forEach((cells, i) => {
    const row = readSaleRow(cells, i + 2, { mapping, at, digits, zone });
    if (isRejection(row)) rejected.push(row);
    else lines.push(row);
  });
  return { lines, rejected, total: body.length };
}

const onlineRetail = () =>
  read(
    splitRecords(fixture('online-retail.sample.csv'), ',').map((r) => r.cells),
    presetMapping('online-retail'),
    2,
  );
const whitespace = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.split(/\s+/));

describe('reading Online Retail lines', () => {
  it('reads pence, the London wall clock, quoted commas and odd characters as they are', () => {
    const { lines } = onlineRetail();
    const first = lines.find((l) => l.line === 2)!;
    expect(first).toMatchObject({
      invoice: '536365',
      sku: '85123A',
      quantity: 6,
      unitPrice: 255,
      customer: '17850',
    });
    expect(first.at).toBe(Date.parse('2010-12-01T08:26:00Z'));
    expect(first.traits).toEqual({ country: 'United Kingdom' });
    expect(lines.find((l) => l.line === 11)!.name).toBe('AIRLINE LOUNGE,METAL SIGN');
    expect(lines.find((l) => l.line === 10)).toMatchObject({
      name: 'Dotcomgiftshop Gift Voucher Â£40.00',
      customer: null,
    });
  });

  it('keeps a free line with a description and rejects stock notes and bad-debt adjustments', () => {
    const { lines, rejected } = onlineRetail();
    expect(lines.find((l) => l.line === 17)).toMatchObject({
      unitPrice: 0,
      name: 'ROUND CAKE TIN VINTAGE GREEN',
    });
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [6, 'stock_note'],
      [7, 'stock_note'],
      [12, 'adjustment'],
      [13, 'adjustment'],
    ]);
  });
});

describe('planning orders and refunds', () => {
  it('groups invoice lines into orders, guest sales without a customer, and accounts for every line', () => {
    const { lines, rejected, total } = onlineRetail();
    const plan = planSales(lines, 'C', rejected);
    expect(plan.orders.map((o) => [o.ref, o.customer, o.lines.length])).toEqual([
      ['536365', '17850', 4],
      ['536381', '15311', 1],
      ['537197', '12647', 3],
      ['539492', null, 1],
      ['541431', '12346', 1],
    ]);
    const inOrders = plan.orders.reduce((s, o) => s + o.lines.length, 0);
    const inRefunds = plan.refunds.reduce((s, r) => s + new Set(r.lines.map((l) => l.line)).size, 0);
    expect(inOrders + inRefunds + plan.rejected.length).toBe(total);
  });

  it('pairs a cancellation with the latest earlier order of the customer that still has the units', () => {
    const { lines, rejected } = onlineRetail();
    const plan = planSales(lines, 'C', rejected);
    expect(plan.refunds).toEqual([
      expect.objectContaining({
        ref: 'C536401>536365',
        orderRef: '536365',
        lines: [{ orderLine: 1, quantity: 2, line: 18 }],
      }),
      expect.objectContaining({ ref: 'C541433>541431', lines: [{ orderLine: 0, quantity: 74215, line: 9 }] }),
    ]);
    expect(
      plan.rejected.filter((r) => r.line === 5 || r.line === 14 || r.line === 19).map((r) => r.code),
    ).toEqual(['no_original_sale', 'return_without_customer', 'no_original_sale']);
    expect(plan.rejected.find((r) => r.line === 19)!.reason).toContain('5 × 71053');
  });

  it('spreads a return over duplicate lines of the same product and never past what was sold', () => {
    const sold = (line: number, quantity: number): SaleLine => ({
      line,
      invoice: line < 10 ? '1' : 'C2',
      sku: 'X',
      name: 'X',
      quantity,
      unitPrice: 100,
      discount: 0,
      at: line,
      customer: 'c1',
      traits: {},
    });
    const plan = planSales([sold(2, 3), sold(3, 2), sold(11, -4), sold(12, -2)], 'C');
    expect(plan.refunds[0]!.lines).toEqual([
      { orderLine: 0, quantity: 3, line: 11 },
      { orderLine: 1, quantity: 1, line: 11 },
    ]);
    expect(plan.rejected.map((r) => [r.line, r.code])).toEqual([[12, 'no_original_sale']]);
  });

  it('plans the same refs when the same file is planned again', () => {
    const a = onlineRetail();
    const b = onlineRetail();
    const refs = (p: ReturnType<typeof planSales>) => [
      ...p.orders.map((o) => o.ref),
      ...p.refunds.map((r) => r.ref),
    ];
    expect(refs(planSales(a.lines, 'C', a.rejected))).toEqual(refs(planSales(b.lines, 'C', b.rejected)));
  });
});

describe('splitting delimited text', () => {
  it('keeps quoted delimiters, doubled quotes and line breaks, numbers lines and skips blank ones', () => {
    const text = 'a,b\r\n1,"x, ""y"""\n\n2,"two\nlines"\n3,z';
    expect(splitRecords(text, ',')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', 'x, "y"'], line: 2 },
      { cells: ['2', 'two\nlines'], line: 4 },
      { cells: ['3', 'z'], line: 6 },
    ]);
    expect(splitRecords('a;b;c', ';')).toEqual([{ cells: ['a', 'b', 'c'], line: 1 }]);
  });
});

describe('CDNOW and user mappings', () => {
  it('makes one order per customer and day, merging the day’s lines, and prices a line total by its CDs', () => {
    const records = whitespace(fixture('cdnow.sample.txt'));
    const { lines, rejected, total } = read(records, presetMapping('cdnow'), 2, 'America/New_York');
    expect(rejected.map((r) => [r.line, r.code])).toEqual([
      [6, 'zero_quantity'],
      [7, 'no_date'],
    ]);
    const plan = planSales(lines, null, rejected);
    expect(plan.orders.map((o) => [o.ref, o.lines.length])).toEqual([
      ['00001@1997-01-01', 1],
      ['00005@1997-01-01', 1],
      ['00455@1997-01-02', 1],
      ['00002@1997-01-12', 2],
    ]);
    const five = plan.orders.find((o) => o.ref === '00005@1997-01-01')!.lines[0]!;
    // 3 CDs for $35.00: 1167 each, less 1 cent, so the line costs exactly 3500.
    expect(five).toMatchObject({ sku: 'CD', quantity: 3, unitPrice: 1167, discount: 1 });
    expect(plan.orders.reduce((s, o) => s + o.lines.length, 0) + plan.rejected.length).toBe(total);
  });

  it('reads the headerless CDNOW sample by position', () => {
    const records = whitespace(' 00004 0001 19970101  2   29.33\r\n');
    const mapping = headerlessCdnow(records[0]!.length)!;
    const row = readSaleRow(records[0]!, 1, {
      mapping,
      at: locateColumns(mapping, null),
      digits: 2,
      zone: 'UTC',
    });
    expect(row).toMatchObject({
      customer: '00004',
      quantity: 2,
      unitPrice: 1467,
      discount: 1,
      invoice: '00004@1997-01-01',
    });
  });

  it('takes a shop’s own headers, Rupiah with thousand dots and day-first dates', () => {
    const mapping = mappingFrom([
      'Faktur=invoice',
      'Tanggal=date',
      'Barang=name',
      'Jumlah=quantity',
      'Harga=unitPrice',
      'HP=phone',
    ]);
    const header = ['Faktur', 'Tanggal', 'Barang', 'Jumlah', 'Harga', 'HP'];
    const at = locateColumns(mapping, header);
    const row = readSaleRow(['F-001', '3/4/2026 14:05', 'Kopi Susu', '2', 'Rp 18.000', '0812-3456-7890'], 2, {
      mapping,
      at,
      digits: 0,
      zone: 'Asia/Jakarta',
    });
    expect(row).toMatchObject({
      invoice: 'F-001',
      sku: 'Kopi Susu',
      unitPrice: 18_000,
      customer: null,
      traits: { phone: '0812-3456-7890' },
    });
    expect((row as SaleLine).at).toBe(Date.parse('2026-04-03T07:05:00Z'));
    expect(() => locateColumns(mapping, ['Faktur', 'Tanggal'])).toThrow(/no column "Barang"/);
    expect(() => mappingFrom(['Tanggal=when'])).toThrow(/not a field/);
    expect(() => mappingFrom(['Tanggal=date'])).toThrow(/quantity/);
  });
});
