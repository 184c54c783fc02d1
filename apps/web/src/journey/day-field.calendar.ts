/*
 * The calendar of DayField: months as `YYYY-MM`, days as `YYYY-MM-DD`, and their names in the reader's
 * language. A calendar day needs no time zone: it is written as the UTC date it names.
 */

const LOCALES = { id: 'id-ID', en: 'en-ID' } as const;
type Language = keyof typeof LOCALES;
const DAY_MS = 86_400_000;

const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const text = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `2026-11` moved by whole months: shiftMonth('2026-01', -1) is '2025-12'. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return text(Date.UTC(y, m - 1 + by, 1)).slice(0, 7);
}

/** The weeks of a month, Monday first, as in Indonesia; null where a week reaches into another month. */
export function calendarMonth(month: string): (string | null)[][] {
  const first = utc(`${month}-01`);
  const lead = (new Date(first).getUTCDay() + 6) % 7;
  const days: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let at = first; text(at).startsWith(month); at += DAY_MS) days.push(text(at));
  while (days.length % 7 !== 0) days.push(null);
  return Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
}

/** A day as `24 Nov 2026` (medium) or `Selasa, 24 November 2026` (full). */
export function dayLabel(day: string, language: Language, style: 'medium' | 'full'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'medium'
      ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(LOCALES[language], options).format(utc(day));
}

/** A month as `November 2026`. */
export function monthLabel(month: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc(`${month}-01`));
}

/** Monday to Sunday, short (`Sen`) and long (`Senin`). */
export function weekdayLabels(language: Language): { short: string; long: string }[] {
  // 5 January 2026 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const at = Date.UTC(2026, 0, 5 + i);
    const name = (weekday: 'short' | 'long') =>
      new Intl.DateTimeFormat(LOCALES[language], { weekday, timeZone: 'UTC' }).format(at);
    return { short: name('short'), long: name('long') };
  });
}
