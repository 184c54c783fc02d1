import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PublicSurveyError, openSurvey, submitAnswers, type PublicSurvey } from '../api/public-survey.api.ts';
import type { Question } from '../api/surveys.api.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { ScaleQuestion } from './scale-question.tsx';

type Answers = Record<string, number | string>;
type Outcome = 'form' | 'thanks' | 'already' | 'closed' | 'notFound';

/**
 * The public answer page a customer reaches by a personal link, the general link, the QR code or the
 * receipt: no sign-in, no cookie, made for a phone first.
 */
export function AnswerPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const via = params.get('via');
  const language = currentLanguage(i18n.language);
  // A query, not an effect: opening records a view, and a query is fetched once however often the page mounts.
  const opened = useQuery({
    queryKey: ['public-survey', token, via],
    queryFn: () => openSurvey(token, via),
    staleTime: Infinity,
    retry: false,
  });
  const survey: PublicSurvey | null = opened.data ?? null;
  const [submitted, setSubmitted] = useState<Outcome | null>(null);
  const outcome: Outcome =
    submitted ??
    (opened.error ? 'notFound' : survey?.answered ? 'already' : survey?.closed ? 'closed' : 'form');
  const setOutcome = setSubmitted;
  const [answers, setAnswers] = useState<Answers>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const labelOf = (q: Question) => q.label[language] || q.label.id;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!survey) return;
    const missing = survey.questions.find(
      (q) => q.required && (answers[q.key] === undefined || answers[q.key] === ''),
    );
    if (missing) {
      setProblem(t('answer.missing', { question: labelOf(missing) }));
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      await submitAnswers(token, { answers, language, ...(via && !survey.personal ? { via } : {}) });
      setOutcome('thanks');
    } catch (error) {
      const code = error instanceof PublicSurveyError ? error.code : '';
      if (code === 'already_answered') setOutcome('already');
      else if (code === 'survey_closed') setOutcome('closed');
      else setProblem(t('answer.error'));
    } finally {
      setSending(false);
    }
  }

  const set = (key: string, value: number | string) => {
    setProblem(null);
    setAnswers((previous) => ({ ...previous, [key]: value }));
  };

  return (
    <main className="answer-page">
      <header className="answer-head">
        <span className="brand">{survey?.business || t('app.name')}</span>
        <LanguageSwitch />
      </header>
      {outcome === 'thanks' && <Notice title={t('answer.thanksTitle')} body={t('answer.thanks')} />}
      {outcome === 'already' && <Notice title={t('answer.thanksTitle')} body={t('answer.alreadyAnswered')} />}
      {outcome === 'closed' && <Notice body={t('answer.closed')} />}
      {outcome === 'notFound' && <Notice body={t('answer.notFound')} />}
      {outcome === 'form' && !survey && <p className="loading">{t('app.loading')}</p>}
      {outcome === 'form' && survey && (
        <form className="answer-form" onSubmit={(e) => void submit(e)} noValidate>
          {survey.intro && <p>{survey.intro[language] || survey.intro.id}</p>}
          {survey.questions.map((q) => (
            <QuestionField
              key={q.key}
              question={q}
              label={labelOf(q)}
              value={answers[q.key]}
              onChange={(v) => set(q.key, v)}
              language={language}
            />
          ))}
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <button type="submit" disabled={sending} className="big">
            {sending ? t('answer.sending') : t('answer.submit')}
          </button>
          <p className="small muted">{t('answer.privacy')}</p>
        </form>
      )}
    </main>
  );
}

function Notice({ title, body }: { title?: string; body: string }) {
  return (
    <section className="answer-notice" role="status">
      {title && <h1>{title}</h1>}
      <p>{body}</p>
    </section>
  );
}

function QuestionField({
  question,
  label,
  value,
  onChange,
  language,
}: {
  question: Question;
  label: string;
  value: number | string | undefined;
  onChange: (value: number | string) => void;
  language: 'id' | 'en';
}) {
  const { t } = useTranslation();
  const { type } = question;
  if (type === 'nps' || type === 'csat' || type === 'ces' || type === 'rating') {
    return (
      <ScaleQuestion
        question={{ ...question, type }}
        label={label}
        value={typeof value === 'number' ? value : undefined}
        onChange={onChange}
      />
    );
  }
  const need = (
    <span className="muted small">({question.required ? t('answer.required') : t('answer.optional')})</span>
  );
  if (type === 'choice') {
    return (
      <fieldset className="question">
        <legend>
          {label} {need}
        </legend>
        <div className="choices">
          {(question.options ?? []).map((option, i) => (
            <label key={i} className={value === i ? 'chosen' : undefined}>
              <input type="radio" name={question.key} checked={value === i} onChange={() => onChange(i)} />
              {option[language] || option.id}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  return (
    <label className="question field">
      <span>
        {label} {need}
      </span>
      <textarea
        rows={4}
        maxLength={2000}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
