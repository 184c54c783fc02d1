import type { JourneyMap } from '../api/journey-map.api.ts';
import { useFormat } from '../format/use-format.ts';
import { journeyMapId } from '../i18n/journey-map.id.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useMapTranslation } from './map-i18n.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type EventName = keyof typeof journeyMapId.map.event;
type ChannelName = keyof typeof journeyMapId.map.channel;

const isEvent = (name: string): name is EventName => name in journeyMapId.map.event;
const isChannel = (name: string): name is ChannelName => name in journeyMapId.map.channel;

/**
 * Words for what the map shows: stage names from the workspace's rules, touchpoints and channels from
 * the catalogue (an event name of the business's own is shown as it was sent), branch names, lengths
 * of time, and numbers, shares and days in the reader's language and the workspace's zone.
 */
export function useMapLabels(map: JourneyMap | undefined, timeZone: string) {
  const { t, i18n } = useMapTranslation();
  const language = currentLanguage(i18n.language);
  const format = useFormat(timeZone);
  const stage = (key: string) => map?.stages.find((s) => s.key === key)?.label[language] ?? key;
  const branch = (id: string | null) =>
    id === null ? t('pains.noBranch') : (map?.branches.find((b) => b.id === id)?.name ?? id);
  const event = (name: string | null) =>
    name === null ? t('byClock') : isEvent(name) ? t(`event.${name}`) : name;
  const channel = (name: string | null) =>
    name === null ? t('byClock') : isChannel(name) ? t(`channel.${name}`) : name;
  const duration = (ms: number) => {
    if (ms < HOUR_MS) {
      const value = Math.max(1, Math.round(ms / 60_000));
      return t('duration.minutes', { count: value, value: format.number(value) });
    }
    if (ms < DAY_MS) {
      const value = Math.round(ms / HOUR_MS);
      return t('duration.hours', { count: value, value: format.number(value) });
    }
    const days = ms / DAY_MS;
    const value = days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
    return t('duration.days', { count: value, value: format.number(value) });
  };
  return { t, format, stage, branch, event, channel, duration };
}

export type MapLabels = ReturnType<typeof useMapLabels>;
