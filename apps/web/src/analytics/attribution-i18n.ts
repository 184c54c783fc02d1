import { useTranslation } from 'react-i18next';
import type { attributionId } from '../i18n/attribution.id.ts';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type AttributionKey = Leaves<typeof attributionId.attribution>;

type Translate = (key: string, options: Record<string, unknown>) => string;

/**
 * The attribution page's words, from its own namespace `attribution` (see i18n.ts), keys checked at
 * compile time against attribution.id.ts (kept out of the typed namespaces: TS2589).
 */
export function useAttributionTranslation() {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as Translate;
  const ta = (key: AttributionKey, options: Record<string, unknown> = {}): string =>
    translate(key, { ...options, ns: 'attribution' });
  /** A channel's name; an unknown one as it is. */
  const channel = (c: string): string => translate(`channels.${c}`, { ns: 'attribution', defaultValue: c });
  return { t: ta, channel, i18n };
}
