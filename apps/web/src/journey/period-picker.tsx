import { useTranslation } from 'react-i18next';
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
      <label className="inline-field">
        <span>{t('period.from')}</span>
        <input
          type="date"
          data-testid="period-from"
          value={period.fromDay}
          onChange={(e) => e.target.value && onChange({ fromDay: e.target.value, toDay: period.toDay })}
        />
      </label>
      <label className="inline-field">
        <span>{t('period.to')}</span>
        <input
          type="date"
          data-testid="period-to"
          value={period.toDay}
          onChange={(e) => e.target.value && onChange({ fromDay: period.fromDay, toDay: e.target.value })}
        />
      </label>
      {!valid && (
        <p role="alert" className="error">
          {t('period.invalid')}
        </p>
      )}
    </fieldset>
  );
}
