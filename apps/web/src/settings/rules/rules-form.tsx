import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MatchEditor } from './match-editor.tsx';
import { Problems, under } from './problems.tsx';
import type { Located } from './rule-problems.ts';
import { addStage, stageKeyFor, type Rules } from './rules-draft.ts';
import { StageCard } from './stage-card.tsx';
import { StatusCard } from './status-card.tsx';

interface Props {
  rules: Rules;
  problems: Located[];
  edit: (change: (draft: Rules) => void) => void;
}

/** The rule set as a shop owner reads it: stage by stage, then what counts as a purchase, a bad experience, and health. */
export function RulesForm({ rules, problems, edit }: Props) {
  const { t } = useTranslation('settings');
  const general = problems.filter((p) => p.path === '' || p.path === '/stages' || p.path === '/transitions');
  return (
    <div className="stack">
      <Problems items={general} />
      {rules.stages.map((stage, index) => (
        <StageCard
          key={`${stage.key}-${index}`}
          rules={rules}
          index={index}
          problems={problems}
          edit={edit}
        />
      ))}
      <NewStage
        taken={rules.stages.map((s) => s.key)}
        onAdd={(label) => {
          const key = stageKeyFor(
            label.id,
            rules.stages.map((s) => s.key),
          );
          edit((d) => addStage(d, label, key));
        }}
      />
      <section className="card" data-testid="orders-card">
        <h2>{t('rules.ordersTitle')}</h2>
        <p className="muted small">{t('rules.ordersLead')}</p>
        <MatchEditor match={rules.orders} onChange={(orders) => edit((d) => (d.orders = orders))} />
        <Problems items={under(problems, '/orders')} />
      </section>
      <section className="card" data-testid="negative-card">
        <h2>{t('rules.negativeTitle')}</h2>
        <p className="muted small">{t('rules.negativeLead')}</p>
        {rules.negative.map((match, i) => (
          <div key={`${i}-${rules.negative.length}`} className="st-rule">
            <div className="st-rule-head">
              <strong>{t('rules.where.negative', { n: i + 1 })}</strong>
              <span className="spacer" />
              <button
                type="button"
                className="secondary st-danger st-small-button"
                onClick={() => edit((d) => d.negative.splice(i, 1))}
              >
                {t('rules.removeRule')}
              </button>
            </div>
            <MatchEditor match={match} onChange={(next) => edit((d) => (d.negative[i] = next))} />
            <Problems items={under(problems, `/negative/${i}`)} />
          </div>
        ))}
        <button
          type="button"
          className="st-link-button"
          onClick={() => edit((d) => d.negative.push({ event: [] }))}
        >
          + {t('rules.addNegative')}
        </button>
      </section>
      <StatusCard
        status={rules.status}
        problems={under(problems, '/status')}
        onChange={(status) => edit((d) => (d.status = status))}
      />
    </div>
  );
}

function NewStage({ taken, onAdd }: { taken: string[]; onAdd: (label: { id: string; en: string }) => void }) {
  const { t } = useTranslation('settings');
  const [id, setId] = useState('');
  const [en, setEn] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd({ id: id.trim(), en: en.trim() || id.trim() });
    setId('');
    setEn('');
  };
  return (
    <form className="card form st-new-stage" onSubmit={submit}>
      <h2>{t('rules.addStage')}</h2>
      <div className="st-form-row">
        <label className="field">
          <span>{t('rules.fields.label_id')}</span>
          <input
            required
            value={id}
            placeholder={t('rules.newStagePlaceholder')}
            onChange={(e) => setId(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('rules.fields.label_en')}</span>
          <input value={en} onChange={(e) => setEn(e.target.value)} />
        </label>
        <div className="field">
          <span>{t('rules.fields.key')}</span>
          <code className="st-key-preview">{id.trim() ? stageKeyFor(id, taken) : '—'}</code>
        </div>
      </div>
      <p className="muted small">{t('rules.newStageHint')}</p>
      <div className="st-actions">
        <button type="submit" className="secondary" disabled={id.trim() === ''}>
          {t('rules.addStageSubmit')}
        </button>
      </div>
    </form>
  );
}
