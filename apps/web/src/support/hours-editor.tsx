import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, useSetHours, type DayHours, type WeekHours } from '../api/support-settings.api.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

const DEFAULT_DAY: DayHours = { open: '08:00', close: '17:00', breakStart: '12:00', breakEnd: '13:00' };

/** Opening hours per weekday with an optional lunch break; a day left unticked is closed. */
export function HoursEditor({
  workspaceId,
  scope,
  week,
  timeZone,
}: {
  workspaceId: string;
  scope: string;
  week: WeekHours;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<WeekHours>(week);
  const save = useSetHours(workspaceId);
  const [saved, setSaved] = useState(false);
  const change = (day: (typeof WEEKDAYS)[number], patch: Partial<DayHours> | null) => {
    setSaved(false);
    setDraft((all) => ({
      ...all,
      [day]: patch === null ? null : { ...(all[day] ?? DEFAULT_DAY), ...patch },
    }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = Object.fromEntries(
      WEEKDAYS.map((d) => {
        const h = draft[d];
        return [
          d,
          h
            ? { open: h.open, close: h.close, breakStart: h.breakStart || null, breakEnd: h.breakEnd || null }
            : null,
        ];
      }),
    );
    save.mutate({ scope, week: clean }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form onSubmit={submit} data-testid="hours">
      <p className="muted small">{t('support.timeZone', { zone: timeZone })}</p>
      <table>
        <thead>
          <tr>
            <th>{t('support.day')}</th>
            <th>{t('support.open')}</th>
            <th>{t('support.close')}</th>
            <th>{t('support.breakStart')}</th>
            <th>{t('support.breakEnd')}</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day) => {
            const h = draft[day];
            const dayName = t(`support.weekday.${day}`);
            return (
              <tr key={day}>
                <td>
                  <label className="inline-field">
                    <input
                      type="checkbox"
                      checked={!!h}
                      onChange={(e) => change(day, e.target.checked ? {} : null)}
                    />
                    <span>{dayName}</span>
                  </label>
                </td>
                {(['open', 'close', 'breakStart', 'breakEnd'] as const).map((field) => (
                  <td key={field}>
                    {h && (
                      <input
                        type="time"
                        aria-label={`${dayName}: ${t(`support.${field}`)}`}
                        value={h[field] ?? ''}
                        required={field === 'open' || field === 'close'}
                        onChange={(e) => change(day, { [field]: e.target.value })}
                      />
                    )}
                    {!h && field === 'open' && <span className="muted">{t('support.closed')}</span>}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {save.error && <ErrorNotice error={save.error} />}
      <div className="actions" style={{ marginTop: '0.5rem' }}>
        <button type="submit" disabled={save.isPending}>
          {t('support.saveHours')}
        </button>
        {saved && <span role="status">{t('support.saved')}</span>}
      </div>
    </form>
  );
}
