import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.ts';

const LOCALES = { id: 'id-ID', en: 'en-ID' } as const;

/** A moment as `24 Nov 2026 14.05` in the workspace's time zone. */
export function formatDateTime(epochMs: number, timeZone: string, language: 'id' | 'en' = 'id'): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(epochMs);
}

export function useDateTime(timeZone: string) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (epochMs: number) => formatDateTime(epochMs, timeZone, language);
}
