import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateSurvey,
  type Question,
  type QuestionType,
  type Survey,
  type SurveyKind,
} from '../api/surveys.api.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

const KINDS: SurveyKind[] = ['nps', 'csat', 'ces', 'custom'];
const EXTRA_TYPES: QuestionType[] = ['text', 'choice', 'rating'];

interface Draft {
  type: QuestionType;
  id: string;
  en: string;
  required: boolean;
  options: string;
}

/** A survey from a kind (its scored question written for the owner) and extra questions in both languages. */
export function SurveyBuilder({
  workspaceId,
  onDone,
}: {
  workspaceId: string;
  onDone: (survey: Survey | null) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateSurvey(workspaceId);
  const defaults = (key: 'nps' | 'csat' | 'ces' | 'why') => ({
    id: t(`surveys.builder.defaults.${key}.id`),
    en: t(`surveys.builder.defaults.${key}.en`),
  });
  const [kind, setKind] = useState<SurveyKind>('nps');
  const [name, setName] = useState('');
  const [scored, setScored] = useState(defaults('nps'));
  const [extras, setExtras] = useState<Draft[]>([
    { type: 'text', ...defaults('why'), required: false, options: '' },
  ]);

  const chooseKind = (next: SurveyKind) => {
    setKind(next);
    if (next !== 'custom') setScored(defaults(next));
  };
  const change = (i: number, patch: Partial<Draft>) =>
    setExtras((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const questions: Question[] = [];
    if (kind !== 'custom') questions.push({ key: 'score', type: kind, required: true, label: scored });
    extras.forEach((d, i) => {
      const options = d.options
        .split('\n')
        .map((line) => line.split('|').map((part) => part.trim()))
        .filter(([id]) => id)
        .map(([id, en]) => ({ id: id!, en: en || id! }));
      questions.push({
        key: `q${i + 1}`,
        type: d.type,
        required: d.required,
        label: { id: d.id, en: d.en || d.id },
        ...(d.type === 'choice' ? { options } : {}),
      });
    });
    create.mutate({ name, kind, questions }, { onSuccess: (survey) => onDone(survey) });
  }

  return (
    <section className="card" aria-labelledby="builder-title">
      <h2 id="builder-title">{t('surveys.builder.title')}</h2>
      <form className="form" onSubmit={submit} data-testid="survey-builder">
        <div className="filters">
          <label className="field">
            <span>{t('surveys.name')}</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={200}
              name="name"
            />
          </label>
          <label className="field">
            <span>{t('surveys.kind')}</span>
            <select value={kind} onChange={(e) => chooseKind(e.target.value as SurveyKind)} name="kind">
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`surveys.kindOf.${k}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {kind !== 'custom' && (
          <fieldset className="question-editor">
            <legend>{t('surveys.builder.scored')}</legend>
            <label className="field">
              <span>{t('surveys.builder.labelId')}</span>
              <input
                value={scored.id}
                onChange={(e) => setScored({ ...scored, id: e.target.value })}
                required
              />
            </label>
            <label className="field">
              <span>{t('surveys.builder.labelEn')}</span>
              <input
                value={scored.en}
                onChange={(e) => setScored({ ...scored, en: e.target.value })}
                required
              />
            </label>
          </fieldset>
        )}
        <h3>{t('surveys.builder.questions')}</h3>
        {extras.map((d, i) => (
          <fieldset key={i} className="question-editor">
            <legend>#{i + 1}</legend>
            <label className="field">
              <span>{t('surveys.builder.type')}</span>
              <select value={d.type} onChange={(e) => change(i, { type: e.target.value as QuestionType })}>
                {EXTRA_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`surveys.builder.typeOf.${type}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('surveys.builder.labelId')}</span>
              <input value={d.id} onChange={(e) => change(i, { id: e.target.value })} required />
            </label>
            <label className="field">
              <span>{t('surveys.builder.labelEn')}</span>
              <input value={d.en} onChange={(e) => change(i, { en: e.target.value })} />
            </label>
            {d.type === 'choice' && (
              <label className="field">
                <span>{t('surveys.builder.options')}</span>
                <textarea
                  rows={3}
                  value={d.options}
                  onChange={(e) => change(i, { options: e.target.value })}
                />
              </label>
            )}
            <label className="inline-field">
              <input
                type="checkbox"
                checked={d.required}
                onChange={(e) => change(i, { required: e.target.checked })}
              />
              <span>{t('surveys.builder.required')}</span>
            </label>
            <div>
              <button
                type="button"
                className="secondary"
                onClick={() => setExtras((all) => all.filter((_, j) => j !== i))}
              >
                {t('surveys.builder.remove')}
              </button>
            </div>
          </fieldset>
        ))}
        <div>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              setExtras((all) => [...all, { type: 'text', id: '', en: '', required: false, options: '' }])
            }
          >
            {t('surveys.builder.add')}
          </button>
        </div>
        {create.error && <ErrorNotice error={create.error} />}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>
            {t('surveys.builder.submit')}
          </button>
          <button type="button" className="secondary" onClick={() => onDone(null)}>
            {t('tickets.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
