/*
 * The time zones and currencies a workspace or branch can take. Indonesia's three zones and the
 * Rupiah come first; the rest are every zone and currency the browser knows.
 */

export const INDONESIAN_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
const FIRST_CURRENCIES = ['IDR', 'USD', 'SGD', 'MYR'] as const;

function supported(kind: 'timeZone' | 'currency'): string[] {
  try {
    return Intl.supportedValuesOf(kind);
  } catch {
    return [];
  }
}

/** Indonesian zones first, then the others; `current` is kept even when the browser does not list it. */
export function timeZoneOptions(current?: string): string[] {
  const rest = supported('timeZone').filter(
    (zone) => !(INDONESIAN_ZONES as readonly string[]).includes(zone),
  );
  return unique([...INDONESIAN_ZONES, ...(current ? [current] : []), ...rest]);
}

export function currencyOptions(current?: string): string[] {
  return unique([...FIRST_CURRENCIES, ...(current ? [current] : []), ...supported('currency')]);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
