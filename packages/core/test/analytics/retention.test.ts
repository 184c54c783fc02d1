import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildEventColumns,
  lifecycle,
  periodOf,
  periodStartDay,
  repeatPurchases,
  retentionMatrix,
  type EventColumnRow,
  type ZoneOffset,
} from '../../src/analytics/index.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const JAKARTA: ZoneOffset[] = [{ until: null, offset: 7 * HOUR }];
const day = (text: string) => Date.parse(`${text}T00:00:00Z`) / DAY;
/** An instant given as Jakarta local time. */
const local = (text: string) => Date.parse(`${text}Z`) - 7 * HOUR;
const BUY = 'Order Completed';
const row = (
  customerId: string,
  at: number,
  name = BUY,
  revenue = 0,
  more: Partial<EventColumnRow> = {},
): EventColumnRow => ({
  customerId,
  at,
  name,
  channel: 'store',
  branchId: 'b1',
  revenue,
  ...more,
});

describe('calendar periods', () => {
  it('cuts ISO weeks from Monday and calendar months, over leap years and centuries', () => {
    expect(periodStartDay(periodOf(day('2026-11-25'), 'week'), 'week')).toBe(day('2026-11-23'));
    expect(periodStartDay(periodOf(day('2026-11-29'), 'week'), 'week')).toBe(day('2026-11-23'));
    expect(periodOf(day('2026-11-30'), 'week') - periodOf(day('2026-11-29'), 'week')).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: day('1900-01-01'), max: day('2200-12-31') }), (d) => {
        const date = new Date(d * DAY);
        expect(periodOf(d, 'month')).toBe(date.getUTCFullYear() * 12 + date.getUTCMonth());
        expect(periodStartDay(periodOf(d, 'month'), 'month')).toBe(
          Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY,
        );
      }),
    );
  });
});

/*
 * Six monthly cohorts of first purchases, January to June 2026: cohort m has 10 + m buyers; buyer j
 * buys again in month m + k (k >= 1) exactly when j is a multiple of k + 1, for 10_000 × (k + 1) each
 * time; so cohort m keeps ceil((10 + m) / (k + 1)) buyers in period +k. Page views in between never
 * count as purchases, and a purchase at 00:30 Jakarta on the 1st (17:30 UTC the day before) counts
 * in the new month.
 */
function sixCohorts(): {
  rows: EventColumnRow[];
  expected: { size: number; retained: number[]; revenue: number[] }[];
} {
  const rows: EventColumnRow[] = [];
  const expected = [];
  for (let m = 0; m < 6; m++) {
    const n = 10 + m;
    const retained = [n];
    const revenue = [n * 10_000];
    for (let k = 1; m + k < 6; k++) {
      retained.push(Math.ceil(n / (k + 1)));
      revenue.push(Math.ceil(n / (k + 1)) * 10_000 * (k + 1));
    }
    expected.push({ size: n, retained, revenue });
    for (let j = 0; j < n; j++) {
      const id = `m${m}-c${j}`;
      const monthOf = (k: number) => `2026-${String(m + k + 1).padStart(2, '0')}`;
      rows.push(
        row(id, local(`${monthOf(0)}-${String(1 + (j % 20)).padStart(2, '0')}T10:00:00`), BUY, 10_000),
      );
      rows.push(
        row(id, local(`${monthOf(0)}-21T09:00:00`), 'Page Viewed', 0, { channel: 'web', branchId: null }),
      );
      for (let k = 1; m + k < 6; k++) {
        if (j % (k + 1) !== 0) continue;
        const at = j === 0 ? local(`${monthOf(k)}-01T00:30:00`) : local(`${monthOf(k)}-15T12:00:00`);
        rows.push(row(id, at, BUY, 10_000 * (k + 1)));
        rows.push(row(id, at + HOUR, 'Page Viewed', 0, { channel: 'web', branchId: null }));
      }
    }
  }
  return { rows, expected };
}

describe('retention matrix', () => {
  const range = { fromDay: day('2026-01-01'), toDay: day('2026-06-30'), zone: JAKARTA, scope: {} };

  it('counts each monthly cohort of first purchases and who bought again in each later month', () => {
    const { rows, expected } = sixCohorts();
    const matrix = retentionMatrix(buildEventColumns(rows), {
      ...range,
      unit: 'month',
      cohortEvent: BUY,
      returnEvent: BUY,
    });
    expect(matrix.cohorts.map((c) => c.startDay)).toEqual(
      ['01', '02', '03', '04', '05', '06'].map((m) => day(`2026-${m}-01`)),
    );
    expect(matrix.cohorts.map(({ size, retained, revenue }) => ({ size, retained, revenue }))).toEqual(
      expected,
    );
  });

  it('puts a customer in the cohort of his first event ever, not of the first one in the range', () => {
    const { rows, expected } = sixCohorts();
    const matrix = retentionMatrix(buildEventColumns(rows), {
      ...range,
      fromDay: day('2026-03-10'),
      unit: 'month',
      cohortEvent: BUY,
      returnEvent: BUY,
    });
    expect(matrix.cohorts.map((c) => c.size)).toEqual(expected.slice(2).map((e) => e.size));
    expect(matrix.cohorts[0]!.retained).toEqual(expected[2]!.retained);
  });

  it('cuts the last period at the day asked for, and reads no later event', () => {
    const { rows } = sixCohorts();
    const matrix = retentionMatrix(buildEventColumns(rows), {
      ...range,
      toDay: day('2026-03-14'),
      unit: 'month',
      cohortEvent: BUY,
      returnEvent: BUY,
    });
    // In March only buyer 0 of each cohort bought by the 14th (on the 1st); the others on the 15th.
    expect(matrix.cohorts.map((c) => c.retained.at(-1))).toEqual([1, 1, 12]);
    expect(matrix.cohorts[2]!.size).toBe(12);
  });

  it('cohorts by any first event and counts any event as a return, per ISO week', () => {
    const rows = [
      row('a', local('2026-11-02T08:00:00'), 'Page Viewed'), // Monday, week 0
      row('a', local('2026-11-09T08:00:00'), 'Product Viewed'), // week +1
      row('a', local('2026-11-29T23:00:00'), 'Page Viewed'), // Sunday, week +3
      row('b', local('2026-11-08T23:59:00'), 'Signed Up'), // Sunday, week 0
      row('b', local('2026-11-09T00:00:00'), 'Page Viewed'), // Monday, week +1
    ];
    const matrix = retentionMatrix(buildEventColumns(rows), {
      fromDay: day('2026-11-02'),
      toDay: day('2026-11-30'),
      zone: JAKARTA,
      scope: {},
      unit: 'week',
      cohortEvent: null,
      returnEvent: null,
    });
    expect(matrix.cohorts[0]).toMatchObject({ size: 2, retained: [2, 2, 0, 1, 0] });
    expect(matrix.cohorts.slice(1).map((c) => c.size)).toEqual([0, 0, 0, 0]);
  });

  it('reads only the events of the branch and channel asked for', () => {
    const rows = [
      row('a', local('2026-01-05T10:00:00'), BUY, 5_000, { branchId: 'b1' }),
      row('a', local('2026-02-05T10:00:00'), BUY, 7_000, { branchId: 'b2' }),
      row('a', local('2026-03-05T10:00:00'), BUY, 9_000, { branchId: 'b1', channel: 'web' }),
      row('b', local('2026-01-20T10:00:00'), BUY, 1_000, { branchId: 'b2' }),
      row('b', local('2026-02-20T10:00:00'), BUY, 2_000, { branchId: 'b1' }),
    ];
    const matrix = (scope: { branchId?: string; channel?: string }) =>
      retentionMatrix(buildEventColumns(rows), {
        ...range,
        toDay: day('2026-03-31'),
        scope,
        unit: 'month',
        cohortEvent: BUY,
        returnEvent: BUY,
      }).cohorts.map((c) => [c.size, c.retained, c.revenue]);
    expect(matrix({ branchId: 'b1' })).toEqual([
      [1, [1, 0, 1], [5_000, 0, 9_000]],
      [1, [1, 0], [2_000, 0]],
      [0, [0], [0]],
    ]);
    expect(matrix({ branchId: 'b1', channel: 'store' })[0]).toEqual([1, [1, 0, 0], [5_000, 0, 0]]);
    expect(matrix({ branchId: 'nowhere' }).map((c) => c[0])).toEqual([0, 0, 0]);
  });

  it('agrees with a plain per-customer computation on random histories', () => {
    const event = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      at: fc.integer({ min: local('2026-01-01T00:00:00'), max: local('2026-05-31T23:59:59') }),
      name: fc.constantFrom(BUY, 'Page Viewed'),
      revenue: fc.integer({ min: 0, max: 9 }).map((x) => x * 1_000),
      branchId: fc.constantFrom('b1', 'b2', null),
      channel: fc.constantFrom('store', 'web'),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 40 }),
        fc.constantFrom('week' as const, 'month' as const),
        (rows, unit) => {
          const query = {
            fromDay: day('2026-02-01'),
            toDay: day('2026-04-30'),
            zone: JAKARTA,
            scope: { branchId: 'b1' },
            unit,
            cohortEvent: BUY,
            returnEvent: null,
          };
          const got = retentionMatrix(buildEventColumns(rows), query).cohorts;
          const want = got.map((c) => ({
            startDay: c.startDay,
            size: 0,
            retained: c.retained.map(() => 0),
            revenue: c.revenue.map(() => 0),
          }));
          const periodAt = (at: number) => periodOf(Math.floor((at + 7 * HOUR) / DAY), unit);
          const first0 = periodOf(query.fromDay, unit);
          for (const id of new Set(rows.map((r) => r.customerId))) {
            const mine = rows.filter(
              (r) =>
                r.customerId === id &&
                r.branchId === 'b1' &&
                periodAt(r.at) <= periodOf(query.toDay, unit) &&
                Math.floor((r.at + 7 * HOUR) / DAY) <= query.toDay,
            );
            const firstBuy = Math.min(...mine.filter((r) => r.name === BUY).map((r) => r.at));
            if (!Number.isFinite(firstBuy)) continue;
            const cohort = want[periodAt(firstBuy) - first0];
            if (!cohort) continue;
            cohort.size++;
            const after = mine.filter((r) => r.at >= firstBuy);
            const periods = new Set(after.map((r) => periodAt(r.at) - periodAt(firstBuy)));
            for (const k of periods) cohort.retained[k]!++;
            for (const r of after) cohort.revenue[periodAt(r.at) - periodAt(firstBuy)]! += r.revenue;
          }
          expect(got).toEqual(want);
        },
      ),
    );
  });
});

describe('repeat purchase', () => {
  it('counts buyers who bought again, and again within N days of the first, per cohort', () => {
    const { rows } = sixCohorts();
    const result = repeatPurchases(buildEventColumns(rows), {
      unit: 'month',
      purchaseEvent: BUY,
      fromDay: day('2026-01-01'),
      toDay: day('2026-06-30'),
      withinDays: 45,
      zone: JAKARTA,
      scope: {},
    });
    // Buyer j of cohort m buys again when some k in 1..5-m divides j + ... i.e. (k + 1) | j; j = 0 always.
    const repeat = (m: number) =>
      Array.from({ length: 10 + m }, (_, j) => j).filter((j) =>
        Array.from({ length: 5 - m }, (_, k) => k + 1).some((k) => j % (k + 1) === 0),
      ).length;
    expect(result.cohorts.map((c) => c.buyers)).toEqual([10, 11, 12, 13, 14, 15]);
    expect(result.cohorts.map((c) => c.repeatBuyers)).toEqual([0, 1, 2, 3, 4, 5].map(repeat));
    // Within 45 days: the first purchase on day 1 + j % 20 of month m, the second (k = 1, even j) on the
    // 15th of m + 1 (the 1st for j = 0): within 45 days for every even j. June's cohort has no 45 days yet.
    expect(result.cohorts.map((c) => c.eligible)).toEqual([10, 11, 12, 13, 14, 0]);
    expect(result.cohorts.map((c) => c.repeatWithin)).toEqual([5, 6, 6, 7, 7, 0]);
    expect(result.total).toEqual({
      buyers: 75,
      repeatBuyers: [0, 1, 2, 3, 4, 5].map(repeat).reduce((a, b) => a + b),
      eligible: 60,
      repeatWithin: 31,
    });
  });
});

describe('lifecycle', () => {
  it('names each active customer new, returning or resurrecting, and those who stopped dormant', () => {
    const rows = [
      // a: Jan, Feb, Apr -> new Jan, returning Feb, dormant Mar, resurrecting Apr, dormant May
      row('a', local('2026-01-10T10:00:00')),
      row('a', local('2026-02-10T10:00:00')),
      row('a', local('2026-02-11T10:00:00')),
      row('a', local('2026-04-10T10:00:00')),
      // b: bought in December (before the range): dormant Jan, resurrecting Mar, returning Apr, May
      row('b', local('2025-12-10T10:00:00')),
      row('b', local('2026-03-01T00:10:00')),
      row('b', local('2026-04-10T10:00:00')),
      row('b', local('2026-05-10T10:00:00')),
      // c: only page views: never active for purchases
      row('c', local('2026-02-10T10:00:00'), 'Page Viewed'),
    ];
    const periods = lifecycle(buildEventColumns(rows), {
      unit: 'month',
      event: BUY,
      fromDay: day('2026-01-01'),
      toDay: day('2026-05-31'),
      zone: JAKARTA,
      scope: {},
    });
    expect(periods.map(({ startDay, ...counts }) => [startDay, counts])).toEqual([
      [day('2026-01-01'), { new: 1, returning: 0, resurrecting: 0, dormant: 1 }],
      [day('2026-02-01'), { new: 0, returning: 1, resurrecting: 0, dormant: 0 }],
      [day('2026-03-01'), { new: 0, returning: 0, resurrecting: 1, dormant: 1 }],
      [day('2026-04-01'), { new: 0, returning: 1, resurrecting: 1, dormant: 0 }],
      [day('2026-05-01'), { new: 0, returning: 1, resurrecting: 0, dormant: 1 }],
    ]);
    const anyEvent = lifecycle(buildEventColumns(rows), {
      unit: 'month',
      event: null,
      fromDay: day('2026-02-01'),
      toDay: day('2026-02-28'),
      zone: JAKARTA,
      scope: {},
    });
    expect(anyEvent).toEqual([
      { startDay: day('2026-02-01'), new: 1, returning: 1, resurrecting: 0, dormant: 0 },
    ]);
  });

  it('on the six cohorts: new buyers are the cohort sizes, and active = new + returning + resurrecting', () => {
    const { rows, expected } = sixCohorts();
    const periods = lifecycle(buildEventColumns(rows), {
      unit: 'month',
      event: BUY,
      fromDay: day('2026-01-01'),
      toDay: day('2026-06-30'),
      zone: JAKARTA,
      scope: {},
    });
    expect(periods.map((p) => p.new)).toEqual(expected.map((e) => e.size));
    // Active in month t: the new cohort plus, of each older cohort m, those retained in period t - m.
    const active = (t: number) => expected.slice(0, t + 1).reduce((sum, e, m) => sum + e.retained[t - m]!, 0);
    expect(periods.map((p) => p.new + p.returning + p.resurrecting)).toEqual([0, 1, 2, 3, 4, 5].map(active));
    // Dormant in t: active in t - 1 and not in t.
    expect(periods[0]!.dormant).toBe(0);
  });
});
