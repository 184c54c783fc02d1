import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewLink } from '../api/reviews.api.ts';
import type { Order } from '../api/sales.api.ts';
import { useCan } from '../customers/customer-labels.ts';
import { useWorkspace } from '../layout/workspace-context.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';

/** On a sale with a customer: a personal review link for one of its products, to copy or send by WhatsApp. */
export function ReviewRequest({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { workspace } = useWorkspace();
  const canAsk = useCan('reviews.moderate');
  const link = useReviewLink(workspace.id);
  const products = order.lines.filter((l) => l.productId !== null);
  const [productId, setProductId] = useState(products[0]?.productId ?? '');
  if (!canAsk || !order.customer || products.length === 0 || order.status === 'voided') return null;
  const url = link.data ? `${window.location.origin}${link.data.path}` : '';
  const productName = products.find((p) => p.productId === productId)?.name ?? '';
  const phone = order.customer.phone?.replace(/^\+/, '') ?? '';
  const message = t('reviews.askMessage', { business: workspace.name, product: productName, url });
  return (
    <section className="review-request">
      <h3>{t('reviews.askTitle')}</h3>
      <p className="muted small">{t('reviews.askLead')}</p>
      <div className="filters">
        <label>
          <span className="sr-only">{t('reviews.product')}</span>
          <select value={productId} onChange={(e) => setProductId(e.target.value)}>
            {products.map((l) => (
              <option key={l.id} value={l.productId ?? ''}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => link.mutate({ orderId: order.id, productId })}>
          {t('reviews.ask')}
        </button>
      </div>
      {link.error && <ErrorNotice error={link.error} />}
      {url && (
        <p>
          <a href={url} target="_blank" rel="noreferrer" data-testid="review-link">
            {url}
          </a>{' '}
          ·{' '}
          <a
            href={`https://wa.me/${phone}?text=${encodeURIComponent(message)}`}
            target="_blank"
            rel="noreferrer"
          >
            {t('reviews.askWhatsApp')}
          </a>
        </p>
      )}
    </section>
  );
}
