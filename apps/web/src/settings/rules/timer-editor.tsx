import { useTranslation } from 'react-i18next';
import type { TimerRule } from '@jejak/core';
import { currentLanguage } from '../../i18n/i18n.ts';
import { Check, toggle } from './match-editor.tsx';
import { Problems } from './problems.tsx';
import type { Located } from './rule-problems.ts';
import type { Rules } from './rules-draft.ts';

interface Props {
  rules: Rules;
  timer: TimerRule;
  problems: Located[];
  onChange: (timer: TimerRule) => void;
  onRemove: () => void;
}

/** A move the clock makes: into this stage after so many hours in one of the given stages. */
export function TimerEditor({ rules, timer, problems, onChange, onRemove }: Props) {
  const { t, i18n } = useTranslation('settings');
  const language = currentLanguage(i18n.language);
  return (
    <div className={`st-rule st-timer${problems.length > 0 ? ' st-has-problems' : ''}`} data-testid="timer">
      <div className="st-timer-line">
        <label className="field st-compact">
          <span>{t('rules.fields.afterHours')}</span>
          <input
            type="number"
            min={0}
            step="any"
            value={Number.isFinite(timer.afterHours) ? timer.afterHours : ''}
            onChange={(e) =>
              onChange({ ...timer, afterHours: e.target.value === '' ? Number.NaN : Number(e.target.value) })
            }
          />
        </label>
        <fieldset className="st-checks">
          <legend>{t('rules.timerFrom')}</legend>
          {rules.stages
            .filter((stage) => stage.key !== timer.to)
            .map((stage) => (
              <Check
                key={stage.key}
                label={stage.label[language]}
                checked={timer.from.includes(stage.key)}
                onChange={(on) => onChange({ ...timer, from: toggle(timer.from, stage.key, on) })}
              />
            ))}
        </fieldset>
        <button type="button" className="secondary st-danger st-small-button" onClick={onRemove}>
          {t('rules.removeTimer')}
        </button>
      </div>
      <Problems items={problems} />
    </div>
  );
}
