import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralRefusal } from '@jejak/core/referrals';
import type { Order } from '../api/sales.api.ts';
import { receiptUrl, whatsappLink, whatsappText } from './receipt-share.ts';

/** After the sale: the change to give, and the receipt printed, linked or sent by WhatsApp. */
export function DonePanel({
  order,
  shop,
  format,
  onNext,
}: {
  order: Order;
  shop: string;
  format: { money: (n: number) => string; number: (n: number) => string; dateTime: (ms: number) => string };
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = whatsappText(order, shop, order.branchName, { money: format.money, time: format.dateTime }, t);
  const open = (width: 58 | 80) => window.open(receiptUrl(order.shareToken, width), '_blank', 'noopener');
  return (
    <section className="card done" data-testid="done" aria-live="polite">
      <h1>{t('sales.done.title')}</h1>
      <p className="lead">
        {t('sales.done.receiptNo', { no: order.receiptNo })} · {format.money(order.total)}
      </p>
      {order.loyalty && (
        <p data-testid="done-points">
          {t('sales.done.points', { points: format.number(order.loyalty.balanceAfter) })}
        </p>
      )}
      {order.referral?.claim && (
        <p
          data-testid="done-referral-claim"
          className={order.referral.claim.status === 'refused' ? 'error' : undefined}
        >
          {order.referral.claim.status === 'refused'
            ? t('sales.referral.refused', {
                code: order.referral.claim.code,
                reason: t(
                  `sales.referral.reasons.${(order.referral.claim.reason ?? 'code_unknown') as ReferralRefusal}`,
                ),
              })
            : t('sales.referral.attributed', {
                code: order.referral.claim.code,
                name: order.referral.claim.referrerName ?? '',
              })}
        </p>
      )}
      {order.referral?.code && (
        <p data-testid="done-referral">{t('sales.referral.own', { code: order.referral.code })}</p>
      )}
      {order.changeDue > 0 && (
        <p className="big-change" data-testid="done-change">
          {t('sales.done.change', { amount: format.money(order.changeDue) })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => open(58)} data-testid="print-58">
          {t('sales.done.print58')}
        </button>
        <button type="button" className="secondary" onClick={() => open(80)} data-testid="print-80">
          {t('sales.done.print80')}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="copy-link"
          onClick={() =>
            void navigator.clipboard?.writeText(receiptUrl(order.shareToken)).then(() => setCopied(true))
          }
        >
          {t('sales.done.copyLink')}
        </button>
        <a
          className="button secondary"
          href={whatsappLink(order.customer?.phone, text)}
          target="_blank"
          rel="noreferrer"
          data-testid="whatsapp"
        >
          {t('sales.done.whatsapp')}
        </a>
      </div>
      {copied && <p className="muted small">{t('sales.done.copied')}</p>}
      <p>
        <a href={receiptUrl(order.shareToken)} target="_blank" rel="noreferrer" data-testid="receipt-link">
          {receiptUrl(order.shareToken)}
        </a>
      </p>
      <button type="button" onClick={onNext} autoFocus data-testid="next-sale">
        {t('sales.done.next')}
      </button>
    </section>
  );
}
