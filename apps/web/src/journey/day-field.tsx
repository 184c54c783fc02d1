import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.ts';
import { calendarMonth, dayLabel, monthLabel, shiftMonth, weekdayLabels } from './day-field.calendar.ts';

interface Props {
  label: string;
  /** YYYY-MM-DD, a day of the workspace's calendar. */
  value: string;
  onChange: (day: string) => void;
  testId: string;
}

/**
 * A day chosen from a calendar written in the reader's language (`24 Nov 2026`, `Senin`...): the browser's
 * own date input writes days in the browser's locale (08/28/2026 in an English Chromium), whatever the
 * page's language. The days are the workspace's calendar days, as the URL carries them.
 */
export function DayField({ label, value, onChange, testId }: Props) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const [open, setOpen] = useState(false);
  const [month, setMonth] = useState(value.slice(0, 7));
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent ? event.key === 'Escape' : !box.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const toggle = () => {
    setMonth(value.slice(0, 7));
    setOpen(!open);
  };
  const weeks = calendarMonth(month);

  return (
    <div className="inline-field day-field" ref={box}>
      <span id={`${testId}-label`}>{label}</span>
      <button
        type="button"
        className="secondary day-field-button"
        data-testid={testId}
        data-day={value}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-labelledby={`${testId}-label ${testId}`}
        onClick={toggle}
      >
        {dayLabel(value, language, 'medium')}
      </button>
      {open && (
        <div
          className="day-calendar card"
          role="dialog"
          aria-label={label}
          data-testid={`${testId}-calendar`}
        >
          <div className="day-calendar-head">
            <button
              type="button"
              className="secondary"
              aria-label={t('period.previousMonth')}
              onClick={() => setMonth(shiftMonth(month, -1))}
            >
              ‹
            </button>
            <strong aria-live="polite">{monthLabel(month, language)}</strong>
            <button
              type="button"
              className="secondary"
              aria-label={t('period.nextMonth')}
              onClick={() => setMonth(shiftMonth(month, 1))}
            >
              ›
            </button>
          </div>
          <table>
            <thead>
              <tr>
                {weekdayLabels(language).map((d) => (
                  <th key={d.long} scope="col" abbr={d.long}>
                    {d.short}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.find((d) => d !== null) ?? ''}>
                  {week.map((day, i) => (
                    <td key={day ?? `empty-${i}`}>
                      {day !== null && (
                        <button
                          type="button"
                          className={day === value ? 'day selected' : 'day'}
                          aria-pressed={day === value}
                          aria-label={dayLabel(day, language, 'full')}
                          data-day={day}
                          onClick={() => {
                            onChange(day);
                            setOpen(false);
                          }}
                        >
                          {Number(day.slice(8))}
                        </button>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
