import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAvailablePromotions, type Available, type Quote } from '../api/promotions.api.ts';

type Format = { money: (n: number) => string; number: (n: number) => string };

/**
 * Vouchers at the till: the cashier types a code (or picks one the customer holds), the server's quote
 * says what each applied promotion takes off or exactly why a code is refused, in the screen's language.
 */
export function VoucherPanel({
  workspaceId,
  branchId,
  customerId,
  vouchers,
  quote,
  checking,
  onAdd,
  onRemove,
  format,
}: {
  workspaceId: string;
  branchId: string;
  customerId: string | null;
  vouchers: string[];
  quote: Quote | undefined;
  checking: boolean;
  onAdd: (code: string) => void;
  onRemove: (code: string) => void;
  format: Format;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const available = useAvailablePromotions(workspaceId, branchId, customerId);
  const add = (value: string) => {
    const typed = value.trim().toUpperCase().replace(/\s+/g, '');
    if (typed.length < 3 || vouchers.includes(typed)) return;
    onAdd(typed);
    setCode('');
  };
  const offers = (available.data ?? []).filter((a) => a.code === null || !vouchers.includes(a.code));
  return (
    <section className="panel vouchers" data-testid="vouchers">
      <h2>{t('sales.vouchers.title')}</h2>
      <div className="row">
        <input
          aria-label={t('sales.vouchers.code')}
          placeholder={t('sales.vouchers.code')}
          data-testid="voucher-code"
          value={code}
          autoCapitalize="characters"
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add(code);
            }
          }}
        />
        <button type="button" className="secondary" onClick={() => add(code)} data-testid="voucher-apply">
          {t('sales.vouchers.apply')}
        </button>
      </div>
      {checking && <p className="small muted">{t('sales.vouchers.checking')}</p>}
      <ul className="plain" data-testid="vouchers-applied">
        {(quote?.applied ?? []).map((a) => (
          <li key={a.promotionId} className="row">
            <span>
              <strong>{a.code ?? t('sales.vouchers.automatic')}</strong> · {a.name} (−
              {format.money(a.discount)})
            </span>
            {a.code && (
              <button
                type="button"
                className="link"
                aria-label={t('sales.vouchers.remove', { code: a.code })}
                onClick={() => onRemove(a.code!)}
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      {(quote?.refused ?? []).map((r) => (
        <p key={r.code} role="alert" className="error row" data-testid="voucher-refused">
          <span>
            <strong>{r.code}</strong>: {r.reason.message}
          </span>
          <button
            type="button"
            className="link"
            aria-label={t('sales.vouchers.remove', { code: r.code })}
            onClick={() => onRemove(r.code)}
          >
            ✕
          </button>
        </p>
      ))}
      {offers.length > 0 && (
        <>
          <h3 className="small">{t('sales.vouchers.available')}</h3>
          <ul className="plain" data-testid="vouchers-available">
            {offers.map((o) => (
              <li key={`${o.promotionId}:${o.code ?? ''}`} className="row">
                <span>
                  {o.name} · {describe(o, t, format)}
                </span>
                {o.code ? (
                  <button type="button" className="secondary" onClick={() => add(o.code!)}>
                    {t('sales.vouchers.use', { code: o.code })}
                  </button>
                ) : (
                  <span className="muted small">{t('sales.vouchers.automatic')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function describe(o: Available, t: TFunction<'translation'>, format: Format): string {
  const reward =
    o.reward.type === 'percent'
      ? o.reward.maxDiscount === null
        ? t('sales.vouchers.percent', { percent: o.reward.percent })
        : t('sales.vouchers.percentCap', {
            percent: o.reward.percent,
            cap: format.money(o.reward.maxDiscount),
          })
      : o.reward.type === 'amount'
        ? t('sales.vouchers.amount', { amount: format.money(o.reward.amount) })
        : t('sales.vouchers.freeItem', { quantity: o.reward.quantity });
  const parts = [reward];
  if (o.minSpend > 0) parts.push(t('sales.vouchers.minSpend', { amount: format.money(o.minSpend) }));
  if (o.usesLeft !== null) parts.push(t('sales.vouchers.usesLeft', { count: o.usesLeft }));
  return parts.join(' · ');
}
