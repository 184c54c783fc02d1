import { describe, expect, it } from 'vitest';
import { calendarMonth, dayLabel, monthLabel, shiftMonth, weekdayLabels } from './day-field.calendar.ts';

describe('the calendar of the day field', () => {
  it('lays a month out in weeks from Monday', () => {
    const weeks = calendarMonth('2026-11');
    // 1 November 2026 is a Sunday: six empty days before it.
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks.at(-1)).toEqual(['2026-11-30', null, null, null, null, null, null]);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(30);
    expect(
      calendarMonth('2028-02')
        .flat()
        .filter((d) => d !== null),
    ).toHaveLength(29);
  });

  it('moves across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });

  it('names days, months and weekdays in the reader language', () => {
    expect(dayLabel('2026-11-24', 'id', 'medium')).toBe('24 Nov 2026');
    expect(dayLabel('2026-11-24', 'id', 'full')).toBe('Selasa, 24 November 2026');
    expect(dayLabel('2026-11-24', 'en', 'full')).toBe('Tuesday, 24 November 2026');
    expect(monthLabel('2026-08', 'id')).toBe('Agustus 2026');
    expect(monthLabel('2026-08', 'en')).toBe('August 2026');
    expect(weekdayLabels('id').map((d) => d.long)).toEqual([
      'Senin',
      'Selasa',
      'Rabu',
      'Kamis',
      'Jumat',
      'Sabtu',
      'Minggu',
    ]);
    expect(weekdayLabels('en')[0]!.short).toBe('Mon');
  });
});
