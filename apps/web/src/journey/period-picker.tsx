import { useTranslation } from 'react-i18next';
import { DayField } from './day-field.tsx';
import type { Period } from './use-period.ts';

interface Props {
  period: Period;
  valid: boolean;
  onChange: (next: { fromDay: string; toDay: string }) => void;
  onLastDays: (days: number) => void;
}

const PRESETS = [
  { days: 7, key: 'period.last7' },
  { days: 30, key: 'period.last30' },
  { days: 90, key: 'period.last90' },
  { days: 365, key: 'period.last365' },
] as const;

export function PeriodPicker({ period, valid, onChange, onLastDays }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="period">
      <legend>{t('period.label')}</legend>
      <div className="presets">
        {PRESETS.map((preset) => (
          <button
            key={preset.days}
            type="button"
            className="secondary"
            onClick={() => onLastDays(preset.days)}
          >
            {t(preset.key)}
          </button>
        ))}
      </div>
      <DayField
        label={t('period.from')}
        testId="period-from"
        value={period.fromDay}
        onChange={(fromDay) => onChange({ fromDay, toDay: period.toDay })}
      />
      <DayField
        label={t('period.to')}
        testId="period-to"
        value={period.toDay}
        onChange={(toDay) => onChange({ fromDay: period.fromDay, toDay })}
      />
      {!valid && (
        <p role="alert" className="error">
          {t('period.invalid')}
        </p>
      )}
    </fieldset>
  );
}
