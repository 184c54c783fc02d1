import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { id } from './id.ts';
import { settingsEn } from './settings.en.ts';
import { settingsId } from './settings.id.ts';
import { journeyMapEn } from './journey-map.en.ts';
import { journeyMapId } from './journey-map.id.ts';
import { reportsEn } from './reports.en.ts';
import { reportsId } from './reports.id.ts';
import { analyticsEn } from './analytics.en.ts';
import { analyticsId } from './analytics.id.ts';
import { attributionEn } from './attribution.en.ts';
import { attributionId } from './attribution.id.ts';
import { retentionEn } from './retention.en.ts';
import { retentionId } from './retention.id.ts';
import { segmentsEn } from './segments.en.ts';
import { segmentsId } from './segments.id.ts';
import { referralsEn } from './referrals.en.ts';
import { referralsId } from './referrals.id.ts';
import { eventAnalysisEn } from './event-analysis.en.ts';
import { eventAnalysisId } from './event-analysis.id.ts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'jejak.language';

declare module 'i18next' {
  // Keys are checked at compile time: t('overview.titel') does not build. The settings section has a
  // namespace of its own: one catalogue of every key grew too deep for the compiler to type `t`.
  // A function that takes `t` types it TFunction<'translation'>: ReturnType<typeof useTranslation>['t']
  // is `t` over every namespace at once, which the compiler gives up on (TS2589).
  // The journey map's words are the `map` namespace, checked by a small key type of their own
  // (journey-map/map-i18n.ts) rather than declared here.
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof id;
      settings: typeof settingsId;
      analytics: typeof analyticsId;
      retention: typeof retentionId;
    };
  }
}

/** The language chosen on this device earlier, or Bahasa Indonesia. */
function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'id';
}

export function setupI18n() {
  void i18next.use(initReactI18next).init({
    resources: {
      id: {
        translation: id,
        settings: settingsId,
        map: journeyMapId.map,
        reports: reportsId.reports,
        analytics: analyticsId,
        attribution: attributionId.attribution,
        retention: retentionId,
        segments: segmentsId.segments,
        referrals: referralsId.referrals,
        eventAnalysis: eventAnalysisId.eventAnalysis,
      },
      en: {
        translation: en,
        settings: settingsEn,
        map: journeyMapEn.map,
        reports: reportsEn.reports,
        analytics: analyticsEn,
        attribution: attributionEn.attribution,
        retention: retentionEn,
        segments: segmentsEn.segments,
        referrals: referralsEn.referrals,
        eventAnalysis: eventAnalysisEn.eventAnalysis,
      },
    },
    ns: [
      'translation',
      'settings',
      'map',
      'reports',
      'analytics',
      'attribution',
      'retention',
      'segments',
      'referrals',
      'eventAnalysis',
    ],
    defaultNS: 'translation',
    lng: savedLanguage(),
    fallbackLng: 'id',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export function currentLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'id';
}
