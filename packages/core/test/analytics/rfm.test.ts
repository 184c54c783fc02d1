import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmSegment, scoreRfm, summarizeRfm, type Purchase } from '../../src/analytics/index.ts';
import { cdnowSample, dayOf } from './cdnow.fixture.ts';

const buy = (customerId: string, day: number, amount = 100): Purchase => ({ customerId, day, amount });

describe('RFM scores', () => {
  it('scores by the share of buyers beaten, equal values equally, most-bought-once all at 1', () => {
    // Ten customers: c0..c5 bought once, c6 and c7 twice, c8 three times, c9 five times.
    const purchases: Purchase[] = [];
    const visits = [1, 1, 1, 1, 1, 1, 2, 2, 3, 5];
    visits.forEach((n, i) => {
      for (let d = 0; d < n; d++) purchases.push(buy(`c${i}`, 100 - i - d * 3, 10 * (i + 1)));
    });
    const byId = new Map(scoreRfm(purchases, 100).map((c) => [c.customerId, c]));
    expect(visits.map((_, i) => byId.get(`c${i}`)!.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    // Recency: c0 bought on day 100 (0 days ago), c9 on day 91 (9 days): c0 beats nine, c9 none.
    expect(byId.get('c0')).toMatchObject({ recencyDays: 0, r: 5 });
    expect(byId.get('c9')).toMatchObject({ recencyDays: 9, r: 1 });
    expect(byId.get('c9')).toMatchObject({ frequency: 5, monetary: 500, m: 5, segment: 'cant_lose' });
  });

  it('counts purchases of one day once and ignores purchases after the day asked for', () => {
    const [c] = scoreRfm([buy('a', 5), buy('a', 5, 50), buy('a', 9), buy('a', 12)], 10);
    expect(c).toMatchObject({ recencyDays: 1, frequency: 2, monetary: 250 });
  });

  it('does not depend on the order of the purchases, and gives equal measures equal scores', () => {
    const purchase = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      day: fc.integer({ min: 0, max: 60 }),
      amount: fc.integer({ min: 1, max: 5 }).map((x) => x * 1000),
    });
    fc.assert(
      fc.property(fc.array(purchase, { minLength: 1, maxLength: 60 }), (purchases) => {
        const key = (cs: ReturnType<typeof scoreRfm>) =>
          JSON.stringify([...cs].sort((x, y) => x.customerId.localeCompare(y.customerId)));
        expect(key(scoreRfm([...purchases].reverse(), 60))).toBe(key(scoreRfm(purchases, 60)));
        const scored = scoreRfm(purchases, 60);
        for (const x of scored) {
          for (const y of scored) {
            if (x.frequency === y.frequency) expect(x.f).toBe(y.f);
            if (x.recencyDays === y.recencyDays) expect(x.r).toBe(y.r);
            if (x.frequency < y.frequency) expect(x.f).toBeLessThanOrEqual(y.f);
          }
        }
      }),
    );
  });

  it('names segments from the recency and frequency grid', () => {
    expect(rfmSegment(5, 5)).toBe('champions');
    expect(rfmSegment(5, 1)).toBe('new_customer');
    expect(rfmSegment(1, 5)).toBe('cant_lose');
    expect(rfmSegment(1, 1)).toBe('hibernating');
    expect(rfmSegment(3, 3)).toBe('need_attention');
    expect(rfmSegment(2, 3)).toBe('at_risk');
  });
});

describe('RFM on the CDNOW sample, against the same question in SQL', () => {
  it('gives every customer the scores SQLite gives with RANK()', () => {
    const asOf = dayOf('19980630');
    const purchases = cdnowSample().map((p) => ({ ...p, amount: Math.round(p.amount * 100) }));
    const ours = scoreRfm(purchases, asOf);

    const db = new Database(':memory:');
    db.exec('create table purchases (customer text, day integer, amount integer)');
    const insert = db.prepare('insert into purchases values (?, ?, ?)');
    db.transaction(() => purchases.forEach((p) => insert.run(p.customerId, p.day, p.amount)))();
    const rows = db
      .prepare(
        `with c as (
           select customer, ? - max(day) as rec, count(distinct day) as freq, sum(amount) as mon
           from purchases where day <= ? group by customer),
         n as (select count(*) as n from c)
         select customer,
           1 + (5 * (rank() over (order by rec desc) - 1)) / n.n as r,
           1 + (5 * (rank() over (order by freq) - 1)) / n.n as f,
           1 + (5 * (rank() over (order by mon) - 1)) / n.n as m
         from c, n`,
      )
      .all(asOf, asOf) as { customer: string; r: number; f: number; m: number }[];
    db.close();

    expect(ours).toHaveLength(2357);
    const sql = new Map(rows.map((r) => [r.customer, r]));
    for (const c of ours)
      expect([c.customerId, c.r, c.f, c.m]).toEqual([
        c.customerId,
        sql.get(c.customerId)!.r,
        sql.get(c.customerId)!.f,
        sql.get(c.customerId)!.m,
      ]);

    const summary = summarizeRfm(ours);
    expect(summary.reduce((n, s) => n + s.customers, 0)).toBe(2357);
    expect(summary.find((s) => s.segment === 'champions')!.averageFrequency).toBeGreaterThan(
      summary.find((s) => s.segment === 'hibernating')!.averageFrequency,
    );
  });
});
