import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrder, useRefund, type Order } from '../api/sales.api.ts';
import { ErrorNotice } from '../pages/error-notice.tsx';
import { RefundForm, VoidForm } from './refund-form.tsx';
import { receiptUrl } from './receipt-share.ts';
import { ReviewRequest } from '../reviews/review-request.tsx';

export interface Format {
  money: (n: number) => string;
  dateTime: (ms: number) => string;
}

/** One sale: its lines, payments, and the history of refunds and voids, with the forms for both. */
export function OrderDetail({
  workspaceId,
  branchId,
  orderId,
  format,
}: {
  workspaceId: string;
  branchId: string;
  orderId: string;
  format: Format;
}) {
  const { t } = useTranslation();
  const order = useOrder(workspaceId, branchId, orderId);
  const actions = useRefund(workspaceId, branchId, orderId);
  const [open, setOpen] = useState<'refund' | 'void' | null>(null);
  if (order.error) return <ErrorNotice error={order.error} />;
  if (!order.data) return <p className="loading">{t('app.loading')}</p>;
  const o = order.data;
  const refundable = o.status !== 'voided' && o.lines.some((l) => l.refundedQuantity < l.quantity);
  return (
    <div className="order-detail" data-testid="order-detail">
      <header className="till-head">
        <h2>
          {t('sales.receipt.number')} {o.receiptNo} ·{' '}
          <span className={`status ${o.status}`} data-testid="order-status">
            {t(`sales.orders.statuses.${o.status}`)}
          </span>
        </h2>
        <a href={receiptUrl(o.shareToken)} target="_blank" rel="noreferrer">
          {t('sales.orders.openReceipt')}
        </a>
      </header>
      <p className="muted">
        {format.dateTime(o.completedAt)} · {o.employeeName}
        {o.customer && ` · ${o.customer.name ?? ''} ${o.customer.phone ?? ''}`}
      </p>
      <Lines order={o} format={format} />
      <ReviewRequest order={o} />
      <h3>{t('sales.orders.payments')}</h3>
      <ul className="plain">
        {o.payments.map((p) => (
          <li key={p.id} className="kv">
            <span>{p.label ?? t(`sales.methods.${p.method}`)}</span>
            <span className="num">
              {format.money(p.amount)}
              {p.refundedAmount > 0 && <span className="muted"> (−{format.money(p.refundedAmount)})</span>}
            </span>
          </li>
        ))}
      </ul>
      <h3>{t('sales.orders.history')}</h3>
      {o.history.length === 0 ? (
        <p className="muted">{t('sales.orders.historyEmpty')}</p>
      ) : (
        <ul className="plain" data-testid="history">
          {o.history.map((h) => (
            <li key={h.id}>
              <strong>
                {h.kind === 'void'
                  ? t('sales.orders.historyVoid', { name: h.actorName, amount: format.money(h.amount) })
                  : t('sales.orders.historyRefund', { name: h.actorName, amount: format.money(h.amount) })}
              </strong>
              <div className="muted small">
                {format.dateTime(h.at)} · {t('sales.orders.reason')}: {h.reason}
              </div>
            </li>
          ))}
        </ul>
      )}
      {refundable && open === null && (
        <div className="actions">
          <button type="button" onClick={() => setOpen('refund')} data-testid="open-refund">
            {t('sales.orders.refund')}
          </button>
          {o.refundedTotal === 0 && (
            <button
              type="button"
              className="secondary danger"
              onClick={() => setOpen('void')}
              data-testid="open-void"
            >
              {t('sales.orders.void')}
            </button>
          )}
        </div>
      )}
      {open === 'refund' && (
        <RefundForm order={o} format={format} mutation={actions.refund} onClose={() => setOpen(null)} />
      )}
      {open === 'void' && <VoidForm mutation={actions.void} onClose={() => setOpen(null)} />}
    </div>
  );
}

function Lines({ order, format }: { order: Order; format: Format }) {
  const { t } = useTranslation();
  return (
    <table className="lines">
      <caption className="sr-only">{t('sales.orders.items')}</caption>
      <tbody>
        {order.lines.map((l) => (
          <tr key={l.id}>
            <td>
              {l.quantity} × {l.name}
              {l.refundedQuantity > 0 && (
                <div className="muted small">
                  {t('sales.orders.refundedQty', { count: l.refundedQuantity })}
                </div>
              )}
            </td>
            <td className="num">{format.money(l.total)}</td>
          </tr>
        ))}
        <tr className="grand">
          <td>{t('sales.receipt.total')}</td>
          <td className="num">{format.money(order.total)}</td>
        </tr>
      </tbody>
    </table>
  );
}
