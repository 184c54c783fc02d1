import { useTranslation } from 'react-i18next';
import type { segmentsId } from '../i18n/segments.id.ts';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type SegmentsKey = Leaves<typeof segmentsId.segments>;

type Translate = (key: string, options: Record<string, unknown>) => string;

/**
 * The words of the segments and negative-experiences pages, from their own namespace `segments`
 * (see i18n.ts), keys checked at compile time against segments.id.ts (kept out of the typed
 * namespaces: TS2589).
 */
export function useSegmentsTranslation() {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as Translate;
  const ts = (key: SegmentsKey, options: Record<string, unknown> = {}): string =>
    translate(key, { ...options, ns: 'segments' });
  return { t: ts, i18n };
}
