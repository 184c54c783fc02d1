import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildEventColumns,
  computeFunnel,
  computePaths,
  funnelCustomers,
  type EventColumnRow,
  type PropertyColumn,
} from '../../src/analytics/index.ts';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

let seq = 0;
const ev = (
  customerId: string,
  at: number,
  name: string,
  channel = 'web',
  branchId: string | null = null,
): EventColumnRow => ({
  customerId,
  at,
  name,
  channel,
  branchId,
  revenue: 0,
  seq: ++seq,
});

const steps = (...names: string[]) => names.map((event) => ({ event }));
const counts = (r: ReturnType<typeof computeFunnel>) => r.steps.map((s) => s.customers);

describe('event funnel', () => {
  // a: view, cart, buy within an hour; b: view, cart, buy over two days; c: view, buy, cart (out of order);
  // d: view, page, cart (another event between); e: cart only.
  const columns = buildEventColumns([
    ev('a', 0, 'View'),
    ev('a', 10 * MIN, 'Cart'),
    ev('a', 30 * MIN, 'Buy'),
    ev('b', 0, 'View', 'pos', 'o1'),
    ev('b', DAY, 'Cart'),
    ev('b', 2 * DAY, 'Buy'),
    ev('c', 0, 'View'),
    ev('c', MIN, 'Buy'),
    ev('c', 2 * MIN, 'Cart'),
    ev('d', 0, 'View', 'pos'),
    ev('d', MIN, 'Page'),
    ev('d', 2 * MIN, 'Cart'),
    ev('e', 0, 'Cart'),
  ]);
  const customer = (ids: number[]) => ids.map((c) => columns.customerIds[c]).sort();

  it('sequential: steps in order with anything between, within the window', () => {
    const r = computeFunnel(columns, {
      steps: steps('View', 'Cart', 'Buy'),
      windowMs: 7 * DAY,
      order: 'sequential',
    });
    expect(counts(r)).toEqual([4, 4, 2]);
    expect(r.steps[2]!.fromPrevious).toBe(0.5);
    expect(customer(funnelCustomers(r, 3, 'reached'))).toEqual(['a', 'b']);
    expect(customer(funnelCustomers(r, 2, 'dropped'))).toEqual(['c', 'd']);
    expect(r.timeToConvert.customers).toBe(2);
    expect(r.timeToConvert.medianMs).toBe((30 * MIN + 2 * DAY) / 2);
    // 30 min falls in [30 min, 1 h), 2 days in [1 d, 3 d).
    expect(r.timeToConvert.buckets[3]).toBe(1);
    expect(r.timeToConvert.buckets[7]).toBe(1);
  });

  it('the window cuts slow customers', () => {
    const r = computeFunnel(columns, {
      steps: steps('View', 'Cart', 'Buy'),
      windowMs: HOUR,
      order: 'sequential',
    });
    expect(counts(r)).toEqual([4, 3, 1]);
  });

  it('strict: no other event between steps', () => {
    const r = computeFunnel(columns, { steps: steps('View', 'Cart'), windowMs: 7 * DAY, order: 'strict' });
    expect(counts(r)).toEqual([4, 2]);
    expect(customer(funnelCustomers(r, 2, 'reached'))).toEqual(['a', 'b']);
  });

  it('any order: all steps within the window, whichever came first', () => {
    const r = computeFunnel(columns, { steps: steps('View', 'Cart', 'Buy'), windowMs: HOUR, order: 'any' });
    // e entered (Cart) and did one step; b's steps are a day apart; d did two; c all three in two minutes.
    expect(counts(r)).toEqual([5, 3, 2]);
    expect(customer(funnelCustomers(r, 3, 'reached'))).toEqual(['a', 'c']);
  });

  it('an exclusion event between steps ends the attempt there', () => {
    const r = computeFunnel(columns, {
      steps: steps('View', 'Cart'),
      windowMs: 7 * DAY,
      order: 'sequential',
      exclusions: [{ event: 'Page' }],
    });
    expect(counts(r)).toEqual([4, 3]);
    expect(customer(funnelCustomers(r, 1, 'dropped'))).toEqual(['d']);
  });

  it('breaks down by the channel of the first entry', () => {
    const r = computeFunnel(columns, {
      steps: steps('View', 'Cart', 'Buy'),
      windowMs: 7 * DAY,
      order: 'sequential',
      breakdown: { by: 'channel' },
    });
    expect(r.groups!.map((g) => [g.value, g.steps.map((s) => s.customers)])).toEqual([
      ['pos', [2, 2, 1]],
      ['web', [2, 2, 1]],
    ]);
    expect(customer(funnelCustomers(r, 3, 'reached', 'pos'))).toEqual(['b']);
  });

  it('filters steps by a property', () => {
    const plan: PropertyColumn = { key: 'plan', values: ['', 'gold'], codes: new Uint32Array(columns.size) };
    plan.codes[columns.customerStart[0]!] = 1; // a's View
    const r = computeFunnel(
      columns,
      {
        steps: [
          { event: 'View', filters: [{ property: 'plan', operator: 'is', values: ['gold'] }] },
          { event: 'Cart' },
        ],
        windowMs: DAY,
        order: 'sequential',
      },
      new Map([['plan', plan]]),
    );
    expect(counts(r)).toEqual([1, 1]);
  });

  it('counts what a brute force over every chain of events counts (sequential and strict)', () => {
    const rowArb = fc.record({
      customerId: fc.constantFrom('p', 'q', 'r'),
      at: fc.integer({ min: 0, max: 40 }),
      name: fc.constantFrom('A', 'B', 'C', 'X'),
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 30 }),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        (raw, window, strict) => {
          const rows = raw.map((r, i) => ({ ...r, channel: 'web', branchId: null, revenue: 0, seq: i + 1 }));
          const cols = buildEventColumns(rows);
          const names = ['A', 'B', 'C'];
          const r = computeFunnel(cols, {
            steps: steps(...names),
            windowMs: window,
            order: strict ? 'strict' : 'sequential',
          });
          for (let c = 0; c < cols.customerIds.length; c++) {
            const lo = cols.customerStart[c]!;
            const hi = cols.customerStart[c + 1]!;
            const name = (i: number) => cols.names[cols.name[i]!];
            let level = 0;
            let best = Infinity;
            const walk = (i: number, depth: number, t0: number) => {
              level = Math.max(level, depth);
              if (depth === 3) {
                best = Math.min(best, cols.at[i]! - t0);
                return;
              }
              for (let j = i + 1; j < (strict ? Math.min(hi, i + 2) : hi); j++) {
                if (name(j) === names[depth] && cols.at[j]! - t0 <= window) walk(j, depth + 1, t0);
              }
            };
            for (let i = lo; i < hi; i++) if (name(i) === 'A') walk(i, 1, cols.at[i]!);
            expect(r.levels[c]).toBe(level);
            expect(r.convertMs[c]).toBe(best === Infinity ? -1 : best);
          }
        },
      ),
    );
  });
});

describe('event paths', () => {
  const columns = buildEventColumns([
    ev('a', 1, 'Home'),
    ev('a', 2, 'Search'),
    ev('a', 3, 'Product'),
    ev('a', 4, 'Buy'),
    ev('b', 1, 'Home'),
    ev('b', 2, 'Search'),
    ev('b', 3, 'Home'),
    ev('c', 1, 'Search'),
    ev('c', 2, 'Home'),
    ev('c', 3, 'Product'),
  ]);

  it('counts what customers did after their first anchor event, step by step', () => {
    const r = computePaths(columns, { event: 'Home', direction: 'after', steps: 3, topPerStep: 10 });
    expect(r.customers).toBe(3);
    expect(r.transitions.map((t) => [t.step, t.from, t.to, t.customers])).toEqual([
      [1, 'Home', 'Search', 2],
      [1, 'Home', 'Product', 1],
      [2, 'Search', 'Home', 1],
      [2, 'Search', 'Product', 1],
      [3, 'Product', 'Buy', 1],
    ]);
    expect(r.ended).toEqual([0, 1, 1]);
    expect(r.nodes.find((n) => n.id === '1:Search')!.customers).toBe(2);
  });

  it('counts what led to the last anchor event, and keeps only the top transitions per step', () => {
    const r = computePaths(columns, { event: 'Product', direction: 'before', steps: 2, topPerStep: 1 });
    expect(r.customers).toBe(2);
    expect(r.transitions.map((t) => [t.step, t.from, t.to, t.customers])).toEqual([
      [1, 'Product', 'Home', 1],
      [2, 'Home', 'Search', 1],
    ]);
    expect(r.links.map((l) => [l.source, l.target, l.customers])).toEqual([
      ['0:Product', '-1:Home', 1],
      ['-1:Home', '-2:Search', 1],
    ]);
  });
});
