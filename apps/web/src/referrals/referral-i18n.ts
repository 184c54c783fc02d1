import { useTranslation } from 'react-i18next';
import type { referralsId } from '../i18n/referrals.id.ts';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type ReferralKey = Leaves<typeof referralsId.referrals>;

type Translate = (key: string, options: Record<string, unknown>) => string;

/**
 * The referral page's words, from its own namespace `referrals` (see i18n.ts), keys checked at compile
 * time against referrals.id.ts (kept out of the typed namespaces: TS2589).
 */
export function useReferralTranslation() {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as Translate;
  const tr = (key: ReferralKey, options: Record<string, unknown> = {}): string =>
    translate(key, { ...options, ns: 'referrals' });
  /** A stored value's words (a status, a reason, a channel); an unknown one as it is. */
  const word = (group: 'statuses' | 'reasons' | 'channels', value: string): string =>
    translate(`${group}.${value}`, { ns: 'referrals', defaultValue: value });
  return { t: tr, word, i18n };
}
