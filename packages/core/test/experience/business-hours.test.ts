import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessTimeBetween,
  checkBusinessHours,
  type BusinessHours,
} from '../../src/experience/business-hours.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const weekday = { open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '13:00' };

/** Mon-Fri 08:00-17:00 with lunch 12:00-13:00, Saturday 09:00-13:00, Sunday closed. 44 open hours a week. */
function shopHours(overrides: Partial<BusinessHours> = {}): BusinessHours {
  return {
    timeZone: 'Asia/Jakarta',
    week: {
      mon: weekday,
      tue: weekday,
      wed: weekday,
      thu: weekday,
      fri: weekday,
      sat: { open: '09:00', close: '13:00' },
    },
    // Monday 1 June 2026, Hari Lahir Pancasila
    holidays: ['2026-06-01'],
    ...overrides,
  };
}

const at = (iso: string) => Date.parse(iso);

describe('addBusinessTime', () => {
  it('carries a target set late on Friday over to Saturday morning', () => {
    // Fri 5 June 15:00 WIB: 2 h to closing, then Saturday 09:00-11:00
    expect(addBusinessTime(shopHours(), at('2026-06-05T15:00:00+07:00'), 4 * HOUR)).toBe(
      at('2026-06-06T11:00:00+07:00'),
    );
  });

  it('skips the lunch break', () => {
    // Tue 11:30 + 1 h = 30 min before lunch + 30 min after it
    expect(addBusinessTime(shopHours(), at('2026-06-02T11:30:00+07:00'), HOUR)).toBe(
      at('2026-06-02T13:30:00+07:00'),
    );
    // Started during lunch: the clock waits for 13:00
    expect(addBusinessTime(shopHours(), at('2026-06-02T12:15:00+07:00'), 30 * MINUTE)).toBe(
      at('2026-06-02T13:30:00+07:00'),
    );
  });

  it('waits for opening time when started before it', () => {
    expect(addBusinessTime(shopHours(), at('2026-06-02T06:00:00+07:00'), HOUR)).toBe(
      at('2026-06-02T09:00:00+07:00'),
    );
  });

  it('skips Sunday and a public holiday', () => {
    // Sat 30 May 12:00: 1 h on Saturday, Sunday closed, Monday 1 June a holiday, Tue 08:00-10:00
    expect(addBusinessTime(shopHours(), at('2026-05-30T12:00:00+07:00'), 3 * HOUR)).toBe(
      at('2026-06-02T10:00:00+07:00'),
    );
    // Without the holiday the same target falls on Monday
    expect(addBusinessTime(shopHours({ holidays: [] }), at('2026-05-30T12:00:00+07:00'), 3 * HOUR)).toBe(
      at('2026-06-01T10:00:00+07:00'),
    );
  });

  it('is due at closing time when the duration ends exactly there', () => {
    expect(addBusinessTime(shopHours(), at('2026-06-02T16:00:00+07:00'), HOUR)).toBe(
      at('2026-06-02T17:00:00+07:00'),
    );
  });

  it('counts a whole week of 44 open hours from Monday morning to Saturday closing', () => {
    expect(addBusinessTime(shopHours(), at('2026-06-08T08:00:00+07:00'), 44 * HOUR)).toBe(
      at('2026-06-13T13:00:00+07:00'),
    );
  });

  it('reads the same wall-clock hours in each Indonesian time zone', () => {
    const start = at('2026-06-02T08:00:00Z'); // 15:00 WIB, 16:00 WITA, 17:00 WIT
    const in3 = (timeZone: string) => addBusinessTime(shopHours({ timeZone }), start, 2 * HOUR);
    expect(in3('Asia/Jakarta')).toBe(at('2026-06-02T17:00:00+07:00'));
    // Makassar: 16:00-17:00 on Tuesday, then 08:00-09:00 on Wednesday
    expect(in3('Asia/Makassar')).toBe(at('2026-06-03T09:00:00+08:00'));
    // Jayapura: already closed; Wednesday 08:00-10:00
    expect(in3('Asia/Jayapura')).toBe(at('2026-06-03T10:00:00+09:00'));
  });

  it('takes the local date in the branch zone when it differs from the UTC date', () => {
    // Tue 22:00 UTC is Wed 07:00 in Jayapura: the clock starts at 08:00 WIT on Wednesday
    expect(addBusinessTime(shopHours({ timeZone: 'Asia/Jayapura' }), at('2026-06-02T22:00:00Z'), HOUR)).toBe(
      at('2026-06-03T09:00:00+09:00'),
    );
  });

  it('refuses a calendar with no open time at all', () => {
    expect(() => addBusinessTime(shopHours({ week: {} }), at('2026-06-02T08:00:00Z'), HOUR)).toThrow(
      /No open time/,
    );
  });
});

describe('businessTimeBetween', () => {
  it('counts only open time', () => {
    expect(
      businessTimeBetween(shopHours(), at('2026-06-05T15:00:00+07:00'), at('2026-06-06T11:00:00+07:00')),
    ).toBe(4 * HOUR);
    // Fri 16:00 to Tue 10:00 over a Sunday and a holiday Monday: 1 + 4 + 0 + 0 + 2
    expect(
      businessTimeBetween(shopHours(), at('2026-05-29T16:00:00+07:00'), at('2026-06-02T10:00:00+07:00')),
    ).toBe(7 * HOUR);
    expect(
      businessTimeBetween(shopHours(), at('2026-06-02T12:00:00+07:00'), at('2026-06-02T13:00:00+07:00')),
    ).toBe(0);
  });

  it('is zero for an empty or reversed range', () => {
    const t = at('2026-06-02T09:00:00+07:00');
    expect(businessTimeBetween(shopHours(), t, t)).toBe(0);
    expect(businessTimeBetween(shopHours(), t + HOUR, t)).toBe(0);
  });
});

describe('business time, as properties', () => {
  const zones = fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura');
  const start = fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z') });
  const duration = fc.integer({ min: 1, max: 60 * 60 }).map((minutes) => minutes * MINUTE);

  it('counts back exactly the duration it added', () => {
    fc.assert(
      fc.property(zones, start, duration, (timeZone, from, d) => {
        const hours = shopHours({ timeZone });
        expect(businessTimeBetween(hours, from, addBusinessTime(hours, from, d))).toBe(d);
      }),
      { numRuns: 200 },
    );
  });

  it('adds in steps the same as at once', () => {
    fc.assert(
      fc.property(zones, start, duration, duration, (timeZone, from, d1, d2) => {
        const hours = shopHours({ timeZone });
        expect(addBusinessTime(hours, addBusinessTime(hours, from, d1), d2)).toBe(
          addBusinessTime(hours, from, d1 + d2),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkBusinessHours', () => {
  it('accepts usable hours', () => {
    expect(checkBusinessHours(shopHours())).toEqual([]);
  });

  it('names each problem by its field', () => {
    const problems = checkBusinessHours({
      timeZone: 'Asia/Bandung',
      week: {
        mon: { open: '17:00', close: '08:00' },
        tue: { open: '08:00', close: '17:00', breakStart: '07:00', breakEnd: '09:00' },
        wed: { open: '8 pagi', close: '17:00' },
        thu: { open: '08:00', close: '17:00', breakStart: '12:00' },
      },
      holidays: ['2026-02-30'],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'timeZone',
      'week.mon',
      'week.tue',
      'week.wed',
      'week.thu',
      'holidays.0',
    ]);
    expect(problems[1]!.message).toMatch(/close must be later than open/);
  });

  it('needs at least one open day', () => {
    expect(checkBusinessHours(shopHours({ week: {} }))).toEqual([
      { path: 'week', message: 'at least one day must have opening hours' },
    ]);
  });
});
