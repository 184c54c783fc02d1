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
      <Problems items={problems} />
    </section>
  );
}
