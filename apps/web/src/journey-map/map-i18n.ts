import { useTranslation } from 'react-i18next';
import type { journeyMapId } from '../i18n/journey-map.id.ts';

/** Every key of the journey map's catalogue, as `rows.now`, `advice.consideration.show_value.title`. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
/** A plural key is asked for without its `_one`/`_other`, with a `count`. */
type Plain<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
export type MapKey = Plain<Leaves<typeof journeyMapId.map>>;

type Translate = (key: string, options: Record<string, unknown>) => string;

/**
 * The journey map's words, from its own i18next namespace `map` (see i18n.ts), with keys checked at
 * compile time against journey-map.id.ts.
 */
export function useMapTranslation() {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as Translate;
  const tm = (key: MapKey, options: Record<string, unknown> = {}): string =>
    translate(key, { ...options, ns: 'map' });
  return { t: tm, i18n };
}
