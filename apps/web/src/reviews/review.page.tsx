import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PublicReviewError, openReview, submitReview } from '../api/reviews.api.ts';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { ScaleQuestion } from '../surveys/scale-question.tsx';

type Outcome = 'form' | 'thanks' | 'already' | 'notFound';

/** The public page behind a personal review link: no sign-in, no cookie, made for a phone first. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  // A query, not an effect: opening records the link's first view once, however often the page mounts.
  const opened = useQuery({
    queryKey: ['public-review', token],
    queryFn: () => openReview(token),
    staleTime: Infinity,
    retry: false,
  });
  const form = opened.data;
  const [submitted, setSubmitted] = useState<Outcome | null>(null);
  const outcome: Outcome = submitted ?? (opened.error ? 'notFound' : form?.reviewed ? 'already' : 'form');
  const [rating, setRating] = useState<number | undefined>(undefined);
  const [body, setBody] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (rating === undefined || authorName.trim() === '') {
      setProblem(t('reviewPage.missing'));
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      await submitReview(token, { rating, body, authorName: authorName.trim() });
      setSubmitted('thanks');
    } catch (error) {
      if (error instanceof PublicReviewError && error.code === 'already_reviewed') setSubmitted('already');
      else setProblem(t('reviewPage.error'));
    } finally {
      setSending(false);
    }
  }

  return (
    <main className="answer-page">
      <header className="answer-head">
        <span className="brand">{form?.business || t('app.name')}</span>
        <LanguageSwitch />
      </header>
      {outcome === 'thanks' && <Notice title={t('reviewPage.thanksTitle')} body={t('reviewPage.thanks')} />}
      {outcome === 'already' && <Notice title={t('reviewPage.thanksTitle')} body={t('reviewPage.already')} />}
      {outcome === 'notFound' && <Notice body={t('reviewPage.notFound')} />}
      {outcome === 'form' && !form && <p className="loading">{t('app.loading')}</p>}
      {outcome === 'form' && form && (
        <form className="answer-form" onSubmit={(e) => void submit(e)} noValidate>
          <h1>{t('reviewPage.title', { product: form.productName })}</h1>
          <p>{t('reviewPage.lead', { business: form.business })}</p>
          <ScaleQuestion
            question={{
              key: 'rating',
              type: 'rating',
              required: true,
              label: { id: t('reviewPage.rating'), en: t('reviewPage.rating') },
            }}
            label={t('reviewPage.rating')}
            value={rating}
            onChange={(v) => {
              setProblem(null);
              setRating(v);
            }}
          />
          <label className="question">
            {t('reviewPage.body')}
            <textarea rows={4} maxLength={2000} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          <label className="question">
            {t('reviewPage.author')}
            <input
              required
              maxLength={80}
              autoComplete="given-name"
              value={authorName}
              onChange={(e) => setAuthorName(e.target.value)}
            />
          </label>
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <button type="submit" disabled={sending} className="big">
            {sending ? t('reviewPage.sending') : t('reviewPage.submit')}
          </button>
          <p className="small muted">{t('reviewPage.privacy')}</p>
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
