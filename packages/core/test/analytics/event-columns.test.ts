import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendEventColumns,
  buildEventColumns,
  withoutCustomers,
  type EventColumnRow,
  type EventColumns,
} from '../../src/analytics/index.ts';

const row = (customerId: string, at: number, name: string, extra: Partial<EventColumnRow> = {}): EventColumnRow => ({
  customerId,
  at,
  name,
  channel: 'web',
  branchId: null,
  revenue: 0,
  ...extra,
});

/** The layout read back as plain rows, in layout order. */
function rowsOf(columns: EventColumns): EventColumnRow[] {
  const out: EventColumnRow[] = [];
  for (let c = 0; c < columns.customerIds.length; c++) {
    for (let i = columns.customerStart[c]!; i < columns.customerStart[c + 1]!; i++) {
      out.push({
        customerId: columns.customerIds[c]!,
        at: columns.at[i]!,
        name: columns.names[columns.name[i]!]!,
        channel: columns.channels[columns.channel[i]!]!,
        branchId: columns.branches[columns.branch[i]!] || null,
        revenue: columns.revenue[i]!,
        seq: columns.seq[i]!,
      });
    }
  }
  return out;
}

const byCustomerThenTime = (a: EventColumnRow, b: EventColumnRow) =>
  a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0);

describe('event column layout', () => {
  it('orders rows by customer and time, dictionary-codes strings, and keeps branch 0 for no branch', () => {
    const columns = buildEventColumns([
      row('b', 30, 'Order Completed', { channel: 'pos', branchId: 'outlet-1', revenue: 58_000, seq: 4 }),
      row('a', 20, 'Product Viewed', { seq: 2 }),
      row('b', 10, 'Page Viewed', { seq: 3 }),
      row('a', 10, 'Page Viewed', { seq: 1 }),
    ]);
    expect(columns.size).toBe(4);
    expect(columns.customerIds).toEqual(['b', 'a']);
    expect([...columns.customerStart]).toEqual([0, 2, 4]);
    expect([...columns.at]).toEqual([10, 30, 10, 20]);
    expect(columns.names[columns.name[1]!]).toBe('Order Completed');
    expect(columns.branches[0]).toBe('');
    expect(columns.branches[columns.branch[1]!]).toBe('outlet-1');
    expect(columns.branch[0]).toBe(0);
    expect(columns.channels[columns.channel[1]!]).toBe('pos');
    expect([...columns.revenue]).toEqual([0, 58_000, 0, 0]);
    expect(columns.names.filter((n) => n === 'Page Viewed')).toHaveLength(1);
  });

  it('breaks equal times by seq, so two events of one millisecond keep the order stored', () => {
    const columns = buildEventColumns([row('a', 5, 'second', { seq: 9 }), row('a', 5, 'first', { seq: 2 })]);
    expect(rowsOf(columns).map((r) => r.name)).toEqual(['first', 'second']);
  });

  it('is empty for no rows', () => {
    const columns = buildEventColumns([]);
    expect(columns.size).toBe(0);
    expect([...columns.customerStart]).toEqual([0]);
    expect(columns.branches).toEqual(['']);
  });

  it('holds the same rows whatever order they came in, appended in parts or at once, and drops customers', () => {
    const rowArb = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd'),
      at: fc.integer({ min: 0, max: 50 }),
      name: fc.constantFrom('x', 'y', 'z'),
      channel: fc.constantFrom('web', 'pos'),
      branchId: fc.constantFrom(null, 'o1', 'o2'),
      revenue: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.nat(60), (generated, cut) => {
        const rows = generated.map((r, i) => ({ ...r, seq: i + 1 }));
        const expected = [...rows].sort(byCustomerThenTime);
        const whole = buildEventColumns(rows);
        expect(rowsOf(whole).sort(byCustomerThenTime)).toEqual(expected);
        // Within each customer the layout itself is in time order.
        for (let c = 0; c < whole.customerIds.length; c++) {
          for (let i = whole.customerStart[c]! + 1; i < whole.customerStart[c + 1]!; i++) {
            expect(whole.at[i]! >= whole.at[i - 1]!).toBe(true);
          }
        }
        const appended = appendEventColumns(buildEventColumns(rows.slice(0, cut)), rows.slice(cut));
        expect(rowsOf(appended).sort(byCustomerThenTime)).toEqual(expected);
        const dropped = withoutCustomers(appended, ['a', 'c']);
        expect(rowsOf(dropped).sort(byCustomerThenTime)).toEqual(
          expected.filter((r) => r.customerId !== 'a' && r.customerId !== 'c'),
        );
      }),
    );
  });

  it('keeps the codes of a base layout when rows are appended', () => {
    const base = buildEventColumns([row('a', 1, 'x'), row('b', 2, 'y', { channel: 'pos' })]);
    const next = appendEventColumns(base, [row('c', 3, 'z'), row('a', 0, 'y')]);
    expect(next.names.slice(0, base.names.length)).toEqual(base.names);
    expect(next.channels.slice(0, base.channels.length)).toEqual(base.channels);
    expect(next.customerIds.slice(0, 2)).toEqual(['a', 'b']);
    expect(rowsOf(next).filter((r) => r.customerId === 'a').map((r) => r.name)).toEqual(['y', 'x']);
  });
});
