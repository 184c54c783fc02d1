import { useTranslation } from 'react-i18next';
import type { Target } from '../api/tickets.api.ts';
import { durationParts } from '../format/duration.ts';

/** A duration in the reader's language. */
export function useDuration() {
  const { t } = useTranslation();
  return (ms: number) => {
    const parts = durationParts(ms);
    return t(`duration.${parts.key}`, { d: parts.d, h: parts.h, m: parts.m });
  };
}

const SOON_MS = 30 * 60_000;

/** One response target as a timer: time left, how far overdue, met, missed or paused. */
export function TargetBadge({ target }: { target: Target }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const name = t(`tickets.targetOf.${target.kind}`);
  let text: string;
  let tone = '';
  if (target.state === 'met') {
    text = t('tickets.met');
    tone = 'met';
  } else if (target.state === 'missed') {
    text = t('tickets.missed');
    tone = 'missed';
  } else if (target.state === 'paused') {
    text = t('tickets.paused', { time: duration(target.leftMs ?? 0) });
  } else if ((target.leftMs ?? 0) < 0) {
    text = t('tickets.overdue', { time: duration(target.leftMs ?? 0) });
    tone = 'missed';
  } else {
    text = t('tickets.left', { time: duration(target.leftMs ?? 0) });
    tone = (target.leftMs ?? 0) <= SOON_MS ? 'soon' : '';
  }
  return (
    <span className={`badge ${tone}`} data-testid={`target-${target.kind}`}>
      {name}: {text}
    </span>
  );
}
