import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterReview } from '../api/reviews.api.ts';
import { useProductList } from '../api/sales.api.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

/** A review a customer gave in person or elsewhere, entered by staff (not shown as a verified buyer's). */
export function EnterReview({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const products = useProductList(workspaceId);
  const enter = useEnterReview(workspaceId);
  const [productId, setProductId] = useState('');
  const [rating, setRating] = useState(5);
  const [body, setBody] = useState('');
  const [authorName, setAuthorName] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    enter.mutate(
      { productId, rating, body, authorName },
      {
        onSuccess: () => {
          setBody('');
          setAuthorName('');
        },
      },
    );
  }

  return (
    <section className="card">
      <h2>{t('reviews.enterTitle')}</h2>
      <form className="stack" onSubmit={submit}>
        <label>
          {t('reviews.product')}
          <select required value={productId} onChange={(e) => setProductId(e.target.value)}>
            <option value="">{t('reviews.chooseProduct')}</option>
            {products.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reviews.rating')}
          <select value={rating} onChange={(e) => setRating(Number(e.target.value))}>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {t('reviews.stars', { count: n })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reviews.body')}
          <textarea rows={3} value={body} maxLength={2000} onChange={(e) => setBody(e.target.value)} />
        </label>
        <label>
          {t('reviews.author')}
          <input required maxLength={80} value={authorName} onChange={(e) => setAuthorName(e.target.value)} />
        </label>
        {enter.error && <ErrorNotice error={enter.error} />}
        <div>
          <button type="submit" disabled={enter.isPending}>
            {t('reviews.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
