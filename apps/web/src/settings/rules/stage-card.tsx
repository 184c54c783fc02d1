import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../confirm-button.tsx';
import { Problems, under } from './problems.tsx';
import type { Located } from './rule-problems.ts';
import {
  addRule,
  addTimer,
  moveRule,
  moveStage,
  removeStage,
  rulesInto,
  timersInto,
  type Rules,
} from './rules-draft.ts';
import { TimerEditor } from './timer-editor.tsx';
import { TransitionEditor } from './transition-editor.tsx';

interface Props {
  rules: Rules;
  index: number;
  problems: Located[];
  edit: (change: (draft: Rules) => void) => void;
}

/** One stage: its names, the rules that bring customers into it, and the moves the clock makes into it. */
export function StageCard({ rules, index, problems, edit }: Props) {
  const { t } = useTranslation('settings');
  const stage = rules.stages[index]!;
  const ruleIndices = rulesInto(rules, stage.key);
  const timerIndices = timersInto(rules, stage.key);
  const setStage = (change: (s: Rules['stages'][number]) => void) => edit((d) => change(d.stages[index]!));

  return (
    <section className="card st-stage-card" data-testid="stage-card" data-key={stage.key}>
      <header className="st-stage-head">
        <span className="st-stage-number" aria-hidden>
          {index + 1}
        </span>
        <label className="field">
          <span>{t('rules.fields.label_id')}</span>
          <input
            value={stage.label.id}
            data-testid="stage-label-id"
            onChange={(e) => setStage((s) => (s.label.id = e.target.value))}
          />
        </label>
        <label className="field">
          <span>{t('rules.fields.label_en')}</span>
          <input value={stage.label.en} onChange={(e) => setStage((s) => (s.label.en = e.target.value))} />
        </label>
        <div className="field st-compact" title={t('rules.keyFixed')}>
          <span>{t('rules.fields.key')}</span>
          <code className="st-key-preview">{stage.key}</code>
        </div>
        <div className="st-stage-tools">
          <button
            type="button"
            className="st-icon-button"
            aria-label={t('rules.stageEarlier')}
            disabled={index === 0}
            onClick={() => edit((d) => moveStage(d, index, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="st-icon-button"
            aria-label={t('rules.stageLater')}
            disabled={index === rules.stages.length - 1}
            onClick={() => edit((d) => moveStage(d, index, 1))}
          >
            ↓
          </button>
          <ConfirmButton
            label={t('rules.removeStage')}
            question={t('rules.removeStageQuestion', { name: stage.label.id })}
            onConfirm={() => edit((d) => removeStage(d, stage.key))}
          />
        </div>
      </header>
      <Problems items={problems.filter((p) => p.path.startsWith(`/stages/${index}`))} />

      <h3>{t('rules.entersWhen')}</h3>
      {ruleIndices.length === 0 && <p className="muted small">{t('rules.noRules')}</p>}
      {ruleIndices.map((i, n) => (
        <TransitionEditor
          key={`${i}-${rules.transitions.length}`}
          rules={rules}
          index={i}
          number={n + 1}
          problems={under(problems, `/transitions/${i}`)}
          onChange={(rule) => edit((d) => (d.transitions[i] = rule))}
          onMove={(delta) => edit((d) => moveRule(d, i, delta))}
          onRemove={() => edit((d) => d.transitions.splice(i, 1))}
        />
      ))}
      <button
        type="button"
        className="st-link-button"
        data-testid="rule-add"
        onClick={() => edit((d) => addRule(d, stage.key))}
      >
        + {t('rules.addRule')}
      </button>

      <h3>{t('rules.timers')}</h3>
      {timerIndices.length === 0 && <p className="muted small">{t('rules.noTimers')}</p>}
      {timerIndices.map((i) => (
        <TimerEditor
          key={`${i}-${rules.timers.length}`}
          rules={rules}
          timer={rules.timers[i]!}
          problems={under(problems, `/timers/${i}`)}
          onChange={(timer) => edit((d) => (d.timers[i] = timer))}
          onRemove={() => edit((d) => d.timers.splice(i, 1))}
        />
      ))}
      <button type="button" className="st-link-button" onClick={() => edit((d) => addTimer(d, stage.key))}>
        + {t('rules.addTimer')}
      </button>
    </section>
  );
}
