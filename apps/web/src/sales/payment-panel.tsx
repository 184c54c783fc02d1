import { PAYMENT_METHODS, type PaymentMethod } from '@jejak/core/sales';
import { useTranslation } from 'react-i18next';
import type { PaymentCheck, PaymentRow } from './cart.ts';
import { MoneyInput } from './money-input.tsx';

/** How the customer pays: one or more methods; cash shows what was handed over and the change. */
export function PaymentPanel({
  rows,
  check,
  total,
  money,
  number,
  onChange,
  onAdd,
}: {
  rows: PaymentRow[];
  check: PaymentCheck;
  total: number;
  money: (n: number) => string;
  number: (n: number) => string;
  onChange: (rows: PaymentRow[]) => void;
  onAdd: (method: PaymentMethod) => void;
}) {
  const { t } = useTranslation();
  const update = (i: number, change: Partial<PaymentRow>) =>
    onChange(rows.map((r, k) => (k === i ? { ...r, ...change } : r)));
  const used = new Set(rows.map((r) => r.method));
  return (
    <section className="panel" data-testid="payments">
      <h2>{t('sales.pay.title')}</h2>
      {rows.map((row, i) => (
        <div className="payment" key={i} data-testid={`payment-${i}`}>
          <select
            aria-label={t('sales.pay.method')}
            value={row.method}
            onChange={(e) => update(i, { method: e.target.value as PaymentMethod })}
          >
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`sales.methods.${m}`)}
              </option>
            ))}
          </select>
          <MoneyInput
            label={t('sales.pay.amount')}
            testId={`payment-${i}-amount`}
            value={row.amount}
            placeholder={number(check.amounts[i] ?? 0)}
            onChange={(amount) => update(i, { amount })}
          />
          {rows.length > 1 && (
            <button
              type="button"
              className="link danger"
              aria-label={t('sales.pay.remove', { method: t(`sales.methods.${row.method}`) })}
              onClick={() => onChange(rows.filter((_, k) => k !== i))}
            >
              ✕
            </button>
          )}
          {row.method === 'other' && (
            <input
              aria-label={t('sales.pay.label')}
              placeholder={t('sales.pay.label')}
              value={row.label}
              onChange={(e) => update(i, { label: e.target.value })}
            />
          )}
          {row.method === 'cash' && (
            <div className="tendered">
              <label>
                <span className="small muted">{t('sales.pay.tendered')}</span>
                <MoneyInput
                  label={t('sales.pay.tendered')}
                  testId={`payment-${i}-tendered`}
                  value={row.tendered}
                  onChange={(tendered) => update(i, { tendered })}
                />
              </label>
              <div className="quick">
                {[null, 50_000, 100_000].map((note) => (
                  <button
                    key={note ?? 'exact'}
                    type="button"
                    className="secondary small"
                    onClick={() => update(i, { tendered: note ?? check.amounts[i] ?? 0 })}
                  >
                    {note === null ? t('sales.pay.exact') : money(note)}
                  </button>
                ))}
              </div>
            </div>
          )}
        </div>
      ))}
      <div className="add-methods" aria-label={t('sales.pay.add')}>
        {(['qris', 'cash', 'debit_card', 'gopay', 'ovo', 'shopeepay'] as const)
          .filter((m) => !used.has(m))
          .map((m) => (
            <button
              key={m}
              type="button"
              className="secondary small"
              onClick={() => onAdd(m)}
              data-testid={`add-${m}`}
            >
              + {t(`sales.methods.${m}`)}
            </button>
          ))}
      </div>
      {check.change > 0 && (
        <p className="change" data-testid="change">
          {t('sales.pay.change')}: <strong>{money(check.change)}</strong>
        </p>
      )}
      {check.due > 0 && total > 0 && (
        <p className="error">{t('sales.pay.remaining', { amount: money(check.due) })}</p>
      )}
      {check.due < 0 && <p className="error">{t('sales.pay.over', { amount: money(-check.due) })}</p>}
      {check.cashShort && <p className="error">{t('sales.pay.short')}</p>}
    </section>
  );
}
