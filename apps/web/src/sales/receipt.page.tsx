import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useReceipt, type Receipt } from '../api/sales.api.ts';
import { useFormat } from '../format/use-format.ts';
import { referralUrl } from './receipt-share.ts';
import './sales.css';

/**
 * A receipt anyone with its link may see: on screen, or printed on a 58 mm or 80 mm thermal roll
 * through the browser's print dialog (`?lebar=58`, `&cetak=1` opens the dialog at once).
 */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const width = params.get('lebar') === '58' ? 58 : 80;
  const receipt = useReceipt(token);
  const autoPrint = params.get('cetak') === '1';
  useEffect(() => {
    if (receipt.data && autoPrint) setTimeout(() => window.print(), 300);
  }, [receipt.data, autoPrint]);
  if (receipt.isPending) return <p className="loading">{t('app.loading')}</p>;
  if (!receipt.data) return <p className="card narrow">{t('sales.receipt.notFound')}</p>;
  return (
    <main className="receipt-page">
      <style>{`@page { size: ${width}mm auto; margin: 0; }`}</style>
      <div className="receipt-tools no-print">
        <span className="muted">{t('sales.receipt.width')}:</span>
        {([58, 80] as const).map((w) => (
          <button
            key={w}
            type="button"
            className={w === width ? '' : 'secondary'}
            onClick={() =>
              setParams((p) => {
                p.set('lebar', String(w));
                p.delete('cetak');
                return p;
              })
            }
          >
            {w} mm
          </button>
        ))}
        <button type="button" onClick={() => window.print()}>
          {t('sales.receipt.print')}
        </button>
      </div>
      <ReceiptBody receipt={receipt.data} width={width} />
    </main>
  );
}

function ReceiptBody({ receipt, width }: { receipt: Receipt; width: 58 | 80 }) {
  const { t } = useTranslation();
  const format = useFormat(receipt.branch.timezone);
  const { order } = receipt;
  const rate = format.share(order.taxRateBp / 10_000);
  // Points paid part of the order discount: the receipt shows them on a line of their own.
  const pointsOff = order.loyalty?.redeemValue ?? 0;
  // So do vouchers and promotions, each with its name and code.
  const promotions = order.promotions.filter((p) => !p.reversed);
  const promotionsOff = order.promotionDiscount;
  return (
    <article className={`receipt w${width}`} data-testid="receipt">
      <header>
        <strong className="shop">{receipt.shop}</strong>
        <div>{receipt.branch.name}</div>
        {receipt.branch.address && <div>{receipt.branch.address}</div>}
      </header>
      <hr />
      <div className="kv">
        <span>{t('sales.receipt.number')}</span>
        <span>{order.receiptNo}</span>
      </div>
      <div className="kv">
        <span>{t('sales.receipt.time')}</span>
        <span>{format.dateTime(order.completedAt)}</span>
      </div>
      <div className="kv">
        <span>{t('sales.receipt.cashier')}</span>
        <span>{order.employeeName}</span>
      </div>
      {receipt.customerName && (
        <div className="kv">
          <span>{t('sales.receipt.customer')}</span>
          <span>{receipt.customerName}</span>
        </div>
      )}
      <hr />
      {order.lines.map((line) => (
        <div key={line.id} className="item">
          <div>{line.name}</div>
          <div className="kv">
            <span>
              {line.quantity} × {format.money(line.unitPrice)}
            </span>
            <span>{format.money(line.gross)}</span>
          </div>
        </div>
      ))}
      <hr />
      <div className="kv">
        <span>{t('sales.receipt.subtotal')}</span>
        <span>{format.money(order.subtotal)}</span>
      </div>
      {promotions.map((p) => (
        <div key={p.promotionId} className="kv" data-testid="receipt-promotion">
          <span>{p.code ? t('sales.receipt.voucher', { code: p.code, name: p.name }) : p.name}</span>
          <span>−{format.money(p.discount)}</span>
        </div>
      ))}
      {order.discountTotal - pointsOff - promotionsOff > 0 && (
        <div className="kv">
          <span>{t('sales.receipt.discount')}</span>
          <span>−{format.money(order.discountTotal - pointsOff - promotionsOff)}</span>
        </div>
      )}
      {order.loyalty && order.loyalty.redeemed > 0 && (
        <div className="kv">
          <span>{t('sales.receipt.pointsRedeemed', { points: format.number(order.loyalty.redeemed) })}</span>
          <span>−{format.money(pointsOff)}</span>
        </div>
      )}
      {order.taxTotal > 0 && (
        <div className="kv">
          <span>
            {order.taxMode === 'included'
              ? t('sales.receipt.taxIncluded', { rate })
              : t('sales.receipt.taxAdded', { rate })}
          </span>
          <span>{format.money(order.taxTotal)}</span>
        </div>
      )}
      <div className="kv total">
        <span>{t('sales.receipt.total')}</span>
        <span data-testid="receipt-total">{format.money(order.total)}</span>
      </div>
      {order.payments.map((p) => (
        <div key={p.id} className="kv">
          <span>{p.label ?? t(`sales.methods.${p.method}`)}</span>
          <span>{format.money(p.tendered)}</span>
        </div>
      ))}
      {order.changeDue > 0 && (
        <div className="kv">
          <span>{t('sales.receipt.change')}</span>
          <span>{format.money(order.changeDue)}</span>
        </div>
      )}
      {order.refundedTotal > 0 && (
        <div className="kv">
          <span>{order.status === 'voided' ? t('sales.receipt.voided') : t('sales.receipt.refunded')}</span>
          <span>−{format.money(order.refundedTotal)}</span>
        </div>
      )}
      {order.loyalty && (
        <>
          <hr />
          <div className="kv">
            <span>{t('sales.receipt.pointsEarned')}</span>
            <span>+{format.number(order.loyalty.earned)}</span>
          </div>
          <div className="kv">
            <span>{t('sales.receipt.pointsBalance')}</span>
            <span data-testid="receipt-points">{format.number(order.loyalty.balanceAfter)}</span>
          </div>
        </>
      )}
      {order.referral?.code && (
        <>
          <hr />
          <div className="referral-slip" data-testid="receipt-referral">
            <strong>{t('sales.referral.slipTitle')}</strong>
            <div>{t('sales.referral.slipCode', { code: order.referral.code })}</div>
            <div className="small">{referralUrl(order.referral.code)}</div>
          </div>
        </>
      )}
      <hr />
      <footer>{t('sales.receipt.thanks')}</footer>
    </article>
  );
}
