import { useTranslation } from 'react-i18next';
import type { StatusSettings } from '@jejak/core';
import { Problems } from './problems.tsx';
import type { Located } from './rule-problems.ts';

const FIELDS = [
  'prospectRhythmDays',
  'defaultRhythmDays',
  'minRhythmDays',
  'atRiskFactor',
  'churnFactor',
  'negativeWindowDays',
  'wonBackDays',
] as const satisfies readonly (keyof StatusSettings)[];

interface Props {
  status: StatusSettings;
  problems: Located[];
  onChange: (status: StatusSettings) => void;
}

/** The health status beside the stage: how long a silence means at risk or churned, and for how long a bad experience weighs. */
export function StatusCard({ status, problems, onChange }: Props) {
  const { t } = useTranslation('settings');
  return (
    <section className="card" data-testid="status-card">
      <h2>{t('rules.statusTitle')}</h2>
      <p className="muted small">{t('rules.statusLead')}</p>
      <div className="st-status-grid">
        {FIELDS.map((field) => (
          <label key={field} className="field">
            <span>{t(`rules.fields.${field}`)}</span>
            <input
              type="number"
              min={0}
              step="any"
              value={Number.isFinite(status[field]) ? status[field] : ''}
              onChange={(e) =>
                onChange({ ...status, [field]: e.target.value === '' ? Number.NaN : Number(e.target.value) })
              }
            />
            <small className="muted">{t(`rules.hints.${field}`)}</small>
          </label>
        ))}
      </div>
      <fieldset className="st-model" data-testid="status-model">
        <legend>
          <label className="inline-field">
            <input
              type="checkbox"
              checked={status.model !== undefined}
              onChange={(e) => {
                const { model: _model, ...rest } = status;
                onChange(
                  e.target.checked ? { ...rest, model: { atRiskBelow: 0.5, churnedBelow: 0.2 } } : rest,
                );
              }}
            />
            {t('rules.modelTitle')}
          </label>
        </legend>
        <p className="muted small">{t('rules.modelLead')}</p>
        {status.model && (
          <div className="st-status-grid">
            {(['atRiskBelow', 'churnedBelow'] as const).map((field) => (
              <label key={field} className="field">
                <span>{t(`rules.fields.${field}`)}</span>
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  value={Number.isFinite(status.model![field]) ? Math.round(status.model![field] * 100) : ''}
                  onChange={(e) =>
                    onChange({
                      ...status,
                      model: {
                        ...status.model!,
                        [field]: e.target.value === '' ? Number.NaN : Number(e.target.value) / 100,
                      },
                    })
                  }
                />
                <small className="muted">{t(`rules.hints.${field}`)}</small>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <Problems items={problems} />
    </section>
  );
}
