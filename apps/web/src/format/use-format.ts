import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatShare } from './format.ts';

/** The formatters in the reader's language, with the workspace's zone and currency. */
export function useFormat(timeZone: string, currency = 'IDR') {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  // Stable between renders, so charts that take a formatter redraw only when the language changes.
  return useMemo(
    () => ({
      number: (value: number) => formatNumber(value, language),
      money: (minor: number) => formatMoney(minor, currency, language),
      share: (share: number) => formatShare(share, language),
      date: (epochMs: number) => formatDate(epochMs, timeZone, language),
      dateTime: (epochMs: number) => formatDateTime(epochMs, timeZone, language),
    }),
    [language, timeZone, currency],
  );
}
