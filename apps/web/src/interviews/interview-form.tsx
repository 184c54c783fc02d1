import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INTERVIEW_CHANNELS,
  type Interview,
  type InterviewChannel,
  type InterviewFields,
} from '../api/interviews.api.ts';
import { dayOf, startOfDay } from '../format/zoned-day.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

const HOUR = 3_600_000;

/** "antrean, Harga " as ['antrean', 'harga']: the server keeps tags lower case too. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== ''),
    ),
  ];
}

/**
 * A note's fields. The date is a day in the workspace's zone: today's note is dated now, an earlier
 * day's at its midday, so it lands on that day in every report.
 */
export function InterviewForm({
  note,
  stages,
  stageLabel,
  timeZone,
  now,
  pending,
  error,
  onSave,
  onCancel,
}: {
  note?: Interview;
  stages: string[];
  stageLabel: (key: string) => string;
  timeZone: string;
  now: number;
  pending: boolean;
  error: Error | null;
  onSave: (fields: InterviewFields) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const today = dayOf(now, timeZone);
  const [title, setTitle] = useState(note?.title ?? '');
  const [body, setBody] = useState(note?.body ?? '');
  const [stage, setStage] = useState(
    note?.stage ?? stages.find((s) => s === 'experience') ?? stages[0] ?? '',
  );
  const [channel, setChannel] = useState<InterviewChannel>(
    (INTERVIEW_CHANNELS as readonly string[]).includes(note?.channel ?? '')
      ? (note!.channel as InterviewChannel)
      : 'store',
  );
  const [tags, setTags] = useState(note?.tags.join(', ') ?? '');
  const [day, setDay] = useState(note ? dayOf(note.interviewedAt, timeZone) : today);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unchangedDay = note && day === dayOf(note.interviewedAt, timeZone);
    const at = unchangedDay ? undefined : day === today ? now : startOfDay(day, timeZone) + 12 * HOUR;
    onSave({
      title,
      body,
      stage,
      channel,
      tags: parseTags(tags),
      ...(at !== undefined ? { interviewedAt: new Date(at).toISOString() } : {}),
    });
  };
  return (
    <form className="interview-form" onSubmit={submit} data-testid="interview-form">
      <label className="field">
        <span>{t('interviews.titleLabel')}</span>
        <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('interviews.body')}</span>
        <textarea
          required
          rows={5}
          maxLength={20_000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <small className="muted">{t('interviews.bodyHint')}</small>
      </label>
      <div className="filters">
        <label className="field">
          <span>{t('interviews.stage')}</span>
          <select value={stage} onChange={(e) => setStage(e.target.value)}>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('interviews.channel')}</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value as InterviewChannel)}>
            {INTERVIEW_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`interviews.channelOf.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('interviews.date')}</span>
          <input type="date" required max={today} value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
      </div>
      <label className="field">
        <span>{t('interviews.tags')}</span>
        <input value={tags} maxLength={900} onChange={(e) => setTags(e.target.value)} />
        <small className="muted">{t('interviews.tagsHint')}</small>
      </label>
      {error && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {t('interviews.save')}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('interviews.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
