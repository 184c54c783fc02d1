import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPhone, formatShare } from './format.ts';
import { addDays, dayOf, startOfDay } from './zoned-day.ts';

const NBSP = '\u00a0';

describe('Indonesian formats', () => {
  it('writes Rupiah with a non-breaking space and dots between thousands', () => {
    expect(formatMoney(1_500_000)).toBe(`Rp${NBSP}1.500.000`);
    expect(formatMoney(1_500_000, 'IDR', 'en')).toBe(`Rp${NBSP}1.500.000`);
  });

  it('writes counts, shares and days the Indonesian way', () => {
    expect(formatNumber(2517)).toBe('2.517');
    expect(formatShare(0.342)).toBe('34,2%');
    expect(formatDate(Date.parse('2026-11-23T18:00:00Z'), 'Asia/Jakarta')).toBe('24 Nov 2026');
  });

  it('writes an Indonesian mobile number the way people at the counter read it', () => {
    expect(formatPhone('+6281234567890')).toBe('0812-3456-7890');
    expect(formatPhone('+622150001234')).toBe('02150001234');
    expect(formatPhone('+6591234567')).toBe('+6591234567');
  });

  it('writes a moment to the minute in the workspace time zone', () => {
    expect(formatDateTime(Date.UTC(2026, 10, 24, 7, 5), 'Asia/Jakarta')).toBe('24 Nov 2026, 14.05');
    expect(formatDateTime(Date.UTC(2026, 10, 24, 7, 5), 'Asia/Jayapura')).toBe('24 Nov 2026, 16.05');
  });

  it('cuts days in the workspace time zone', () => {
    expect(startOfDay('2026-11-24', 'Asia/Jakarta')).toBe(Date.parse('2026-11-23T17:00:00Z'));
    expect(startOfDay('2026-11-24', 'Asia/Jayapura')).toBe(Date.parse('2026-11-23T15:00:00Z'));
    expect(dayOf(Date.parse('2026-11-23T17:30:00Z'), 'Asia/Jakarta')).toBe('2026-11-24');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
