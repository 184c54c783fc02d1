import { describe, expect, it } from 'vitest';
import {
  bucketBounds,
  dayNumber,
  dayText,
  isoWeekStart,
  localDayOf,
  medianWait,
  quantileWait,
  startOfLocalDay,
  waitBucket,
} from '../src/index.ts';

describe('local days and stays, as the daily summaries keep them', () => {
  it('numbers calendar days and refuses dates that do not exist', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayText(dayNumber('2026-11-24')!)).toBe('2026-11-24');
    expect(dayNumber('2026-02-30')).toBeUndefined();
    expect(dayNumber('24/11/2026')).toBeUndefined();
  });

  it('cuts days at midnight in the zone, daylight saving included', () => {
    const nov24 = dayNumber('2026-11-24')!;
    expect(startOfLocalDay(nov24, 'Asia/Jakarta')).toBe(Date.parse('2026-11-23T17:00:00Z'));
    expect(localDayOf(Date.parse('2026-11-23T17:00:00Z'), 'Asia/Jakarta')).toBe(nov24);
    expect(localDayOf(Date.parse('2026-11-23T16:59:59Z'), 'Asia/Jakarta')).toBe(nov24 - 1);
    const march29 = dayNumber('2026-03-29')!; // clocks go forward in Berlin that night
    expect(startOfLocalDay(march29 + 1, 'Europe/Berlin')).toBe(Date.parse('2026-03-29T22:00:00Z'));
    expect(localDayOf(Date.parse('2026-03-29T21:59:00Z'), 'Europe/Berlin')).toBe(march29);
  });

  it('starts ISO weeks on Monday', () => {
    expect(dayText(isoWeekStart(dayNumber('2026-11-29')!))).toBe('2026-11-23');
    expect(dayText(isoWeekStart(dayNumber('2026-11-30')!))).toBe('2026-11-30');
  });

  it('keeps stays in buckets narrow enough for a median within 5%', () => {
    for (const ms of [90_000, 3_600_000, 3 * 86_400_000, 200 * 86_400_000]) {
      const [lower, upper] = bucketBounds(waitBucket(ms));
      expect(ms).toBeGreaterThanOrEqual(lower);
      expect(ms).toBeLessThan(upper);
      expect(upper / lower).toBeLessThan(1.1);
    }
    expect(waitBucket(0)).toBe(0);
    expect(medianWait(new Map())).toBeNull();
    const hours = new Map<number, number>();
    for (const h of [1, 2, 3, 50, 60]) hours.set(waitBucket(h * 3_600_000), 1);
    expect(medianWait(hours)! / 3_600_000).toBeCloseTo(3, 0);
    // 9 in 10 stays are shorter: past the 50-hour one, inside the 60-hour one's bucket.
    const long = quantileWait(hours, 0.9)! / 3_600_000;
    expect(long).toBeGreaterThan(50);
    expect(long).toBeLessThan(63);
    expect(quantileWait(new Map(), 0.9)).toBeNull();
  });
});
