import { useTranslation } from 'react-i18next';
import { durationParts } from '../format/duration.ts';

/** A length of time in the reader's language: `3 hr 4 j`, `2 j 15 mnt`. */
export function useDuration() {
  const { t } = useTranslation();
  return (ms: number) => {
    const parts = durationParts(ms);
    return t(`duration.${parts.key}`, { d: parts.d, h: parts.h, m: parts.m });
  };
}
