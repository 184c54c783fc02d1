import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useModerate, useReviews, type Review, type ReviewStatus } from '../api/reviews.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { formatDate } from '../format/format.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { EnterReview } from './enter-review.tsx';
import { RatingsTable } from './ratings-table.tsx';
import { WidgetSnippet } from './widget-snippet.tsx';

const FILTERS: (ReviewStatus | '')[] = ['pending', 'approved', 'hidden', ''];

/** Review moderation: the queue by status, approve, hide and reply; ratings per product; the widget tag. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? 'pending';
  const status = (FILTERS as string[]).includes(raw) ? (raw as ReviewStatus | '') : 'pending';
  const reviews = useReviews(workspace.id, status);
  const canModerate = useCan('reviews.moderate');
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('reviews.title')}</h1>
        <p className="lead">{t('reviews.lead')}</p>
      </header>
      <section className="card">
        <div role="group" aria-label={t('reviews.filter')} className="filters">
          {FILTERS.map((f) => (
            <button
              key={f || 'all'}
              type="button"
              aria-pressed={status === f}
              className={status === f ? '' : 'secondary'}
              onClick={() => setParams(f === 'pending' ? {} : { status: f || 'all' })}
            >
              {f ? t(`reviews.statusOf.${f}`) : t('reviews.all')}
            </button>
          ))}
        </div>
        {reviews.error && <ErrorNotice error={reviews.error} />}
        {reviews.data?.length === 0 && <p className="muted">{t('reviews.empty')}</p>}
        <ul className="plain review-list" data-testid="reviews">
          {reviews.data?.map((r) => (
            <ReviewItem key={r.id} review={r} canModerate={canModerate} />
          ))}
        </ul>
      </section>
      <RatingsTable workspaceId={workspace.id} />
      {canModerate && <EnterReview workspaceId={workspace.id} />}
      <WidgetSnippet workspaceId={workspace.id} />
    </div>
  );
}

function ReviewItem({ review: r, canModerate }: { review: Review; canModerate: boolean }) {
  const { t, i18n } = useTranslation();
  const { workspace } = useWorkspace();
  const moderate = useModerate(workspace.id);
  const [reply, setReply] = useState(r.reply ?? '');
  const language = currentLanguage(i18n.language);
  return (
    <li className="review-item" data-testid="review">
      <div className="kv">
        <strong>{r.productName ?? r.productId}</strong>
        <span className={`badge ${r.status === 'approved' ? 'met' : r.status === 'hidden' ? 'missed' : ''}`}>
          {t(`reviews.statusOf.${r.status}`)}
        </span>
      </div>
      <span className="review-stars" role="img" aria-label={t('reviews.stars', { count: r.rating })}>
        {'★'.repeat(r.rating)}
        {'☆'.repeat(5 - r.rating)}
      </span>
      {r.body && <p>{r.body}</p>}
      <p className="small muted">
        {r.authorName} · {formatDate(r.createdAt, workspace.timezone, language)} ·{' '}
        {r.verified ? t('reviews.verified') : t('reviews.staff')}
      </p>
      {moderate.error && <ErrorNotice error={moderate.error} />}
      {canModerate ? (
        <div className="review-actions">
          {r.status !== 'approved' && (
            <button type="button" onClick={() => moderate.mutate({ id: r.id, status: 'approved' })}>
              {t('reviews.approve')}
            </button>
          )}
          {r.status !== 'hidden' && (
            <button
              type="button"
              className="secondary"
              onClick={() => moderate.mutate({ id: r.id, status: 'hidden' })}
            >
              {t('reviews.hide')}
            </button>
          )}
          <form
            className="review-reply"
            onSubmit={(e) => {
              e.preventDefault();
              moderate.mutate({ id: r.id, reply: reply.trim() || null });
            }}
          >
            <label>
              <span className="sr-only">{t('reviews.replyLabel', { name: r.authorName })}</span>
              <textarea
                rows={2}
                value={reply}
                placeholder={t('reviews.reply')}
                onChange={(e) => setReply(e.target.value)}
                maxLength={2000}
              />
            </label>
            <button type="submit" className="secondary">
              {t('reviews.saveReply')}
            </button>
          </form>
        </div>
      ) : (
        r.reply && <p className="review-reply-text">{r.reply}</p>
      )}
    </li>
  );
}
