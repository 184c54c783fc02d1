import { useTranslation } from 'react-i18next';
import type { eventAnalysisId } from '../i18n/event-analysis.id.ts';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type EventAnalysisKey = Leaves<typeof eventAnalysisId.eventAnalysis>;

type Translate = (key: string, options: Record<string, unknown>) => string;

/**
 * The funnel and path pages' words, from their own namespace `eventAnalysis` (see i18n.ts), keys checked
 * at compile time against event-analysis.id.ts (kept out of the typed namespaces: TS2589).
 */
export function useEventAnalysisTranslation() {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as Translate;
  const te = (key: EventAnalysisKey, options: Record<string, unknown> = {}): string =>
    translate(key, { ...options, ns: 'eventAnalysis' });
  /** A channel's name (the attribution page's words); an unknown one as it is. */
  const channel = (c: string): string => translate(`channels.${c}`, { ns: 'attribution', defaultValue: c });
  /** A duration in words, in the largest unit that keeps it at 1 or more. */
  const duration = (ms: number): string => {
    const round = (v: number) => Math.round(v * 10) / 10;
    if (ms < 60_000) return te('duration.seconds', { count: round(ms / 1000) });
    if (ms < 3_600_000) return te('duration.minutes', { count: round(ms / 60_000) });
    if (ms < 86_400_000) return te('duration.hours', { count: round(ms / 3_600_000) });
    return te('duration.days', { count: round(ms / 86_400_000) });
  };
  return { t: te, channel, duration, i18n };
}
