import { useTranslation } from 'react-i18next';
import type { reportsId } from '../i18n/reports.id.ts';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type Plain<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
export type ReportKey = Plain<Leaves<typeof reportsId.reports>>;
export type ReportT = (key: ReportKey, options?: Record<string, unknown>) => string;

type Translate = (key: string, options: Record<string, unknown>) => string;

/** The reports page's words, from its own i18next namespace `reports`, keys checked against reports.id.ts. */
export function useReportsTranslation() {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as Translate;
  const tr: ReportT = (key, options = {}) => translate(key, { ...options, ns: 'reports' });
  return { t: tr, i18n };
}
