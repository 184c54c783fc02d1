/*
 * Numbers, money and dates the Indonesian way. English keeps Indonesian conventions (en-ID):
 * the shop's money is Rupiah either way, written `Rp 1.500.000`.
 */

const LOCALES = { id: 'id-ID', en: 'en-ID' } as const;
export type FormatLanguage = keyof typeof LOCALES;

export function formatNumber(value: number, language: FormatLanguage = 'id'): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** Money is stored in the currency's minor unit; IDR has none in practice, so 15000 is Rp 15.000. */
export function formatMoney(minor: number, currency = 'IDR', language: FormatLanguage = 'id'): string {
  const format = new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency,
    maximumFractionDigits: currency === 'IDR' ? 0 : 2,
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 0;
  return format.format(currency === 'IDR' ? minor : minor / 10 ** digits);
}

/** A share as a percentage with at most one decimal: 0.342 -> "34,2%". */
export function formatShare(share: number, language: FormatLanguage = 'id'): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

/** A day as `24 Nov 2026`, in the workspace's time zone. */
export function formatDate(epochMs: number, timeZone: string, language: FormatLanguage = 'id'): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(epochMs);
}

/** A moment as `24 Nov 2026 14.05`, in the workspace's (or branch's) time zone: receipts and order lists. */
export function formatDateTime(epochMs: number, timeZone: string, language: FormatLanguage = 'id'): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(epochMs);
}

/**
 * A phone stored in E.164 the way people in Indonesia write it: +6281234567890 -> 0812-3456-7890,
 * a landline +62215001234 -> 0215001234. Numbers of other countries keep their international form.
 */
export function formatPhone(e164: string): string {
  const national = /^\+62(\d{7,12})$/.exec(e164)?.[1];
  if (national === undefined) return e164;
  if (!national.startsWith('8')) return `0${national}`;
  const digits = `0${national}`;
  return [digits.slice(0, 4), digits.slice(4, 8), digits.slice(8)].filter(Boolean).join('-');
}
