import { useTranslation } from 'react-i18next';
import type { StateCondition, TransitionRule } from '@jejak/core';
import { currentLanguage } from '../../i18n/i18n.ts';
import { Check, MatchEditor, toggle } from './match-editor.tsx';
import { Problems } from './problems.tsx';
import type { Located } from './rule-problems.ts';
import { NO_STAGE, type Rules } from './rules-draft.ts';

interface Props {
  rules: Rules;
  index: number;
  /** Its number among the rules into the same stage, from 1. */
  number: number;
  problems: Located[];
  onChange: (rule: TransitionRule) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

const CONDITIONS = ['minOrders', 'maxOrders', 'lastOrderWithinDays', 'noOrderWithinDays'] as const;

/** One way into a stage: which events, from which stages, and what the customer must have bought. */
export function TransitionEditor({ rules, index, number, problems, onChange, onMove, onRemove }: Props) {
  const { t, i18n } = useTranslation('settings');
  const language = currentLanguage(i18n.language);
  const rule = rules.transitions[index]!;
  const from = rule.from ?? [];

  const setFrom = (next: string[]) => {
    const { from: _old, ...rest } = rule;
    onChange(next.length === 0 ? rest : { ...rest, from: next });
  };
  const setCondition = (field: (typeof CONDITIONS)[number], text: string) => {
    const condition: StateCondition = { ...rule.if };
    if (text === '') delete condition[field];
    else condition[field] = Number(text);
    const { if: _old, ...rest } = rule;
    onChange(Object.keys(condition).length === 0 ? rest : { ...rest, if: condition });
  };

  return (
    <div
      className={`st-rule${problems.length > 0 ? ' st-has-problems' : ''}`}
      data-testid="rule"
      data-index={index}
    >
      <div className="st-rule-head">
        <strong>{t('rules.ruleNumber', { n: number })}</strong>
        <span className="muted small">
          {t('rules.priority', { n: index + 1, total: rules.transitions.length })}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="st-icon-button"
          aria-label={t('rules.earlier')}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="st-icon-button"
          aria-label={t('rules.later')}
          disabled={index === rules.transitions.length - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="secondary st-danger st-small-button"
          data-testid="rule-remove"
          onClick={onRemove}
        >
          {t('rules.removeRule')}
        </button>
      </div>
      <MatchEditor match={rule.when} onChange={(when) => onChange({ ...rule, when })} testId="rule-events" />
      <fieldset className="st-checks">
        <legend>{t('rules.fields.from')}</legend>
        <Check
          label={t('rules.notYet')}
          checked={from.includes(NO_STAGE)}
          onChange={(on) => setFrom(toggle(from, NO_STAGE, on))}
        />
        {rules.stages.map((stage) => (
          <Check
            key={stage.key}
            label={stage.label[language]}
            checked={from.includes(stage.key)}
            onChange={(on) => setFrom(toggle(from, stage.key, on))}
          />
        ))}
        <span className="muted small st-block">
          {from.length === 0 ? t('rules.fromAny') : t('rules.fromHint')}
        </span>
      </fieldset>
      <details className="st-extras" open={rule.if !== undefined}>
        <summary>
          {t('rules.fields.if')}
          {rule.if !== undefined && <span className="st-badge">{Object.keys(rule.if).length}</span>}
        </summary>
        <div className="st-conditions">
          {CONDITIONS.map((field) => (
            <label key={field} className="field st-compact">
              <span>{t(`rules.fields.${field}`)}</span>
              <input
                type="number"
                min={0}
                step={field.endsWith('Days') ? 'any' : 1}
                value={rule.if?.[field] ?? ''}
                onChange={(e) => setCondition(field, e.target.value)}
              />
            </label>
          ))}
        </div>
      </details>
      <Problems items={problems} />
    </div>
  );
}
