import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseMutationResult } from '@tanstack/react-query';
import { mulDivHalfUp, type PaymentMethod } from '@jejak/core/sales';
import type { Order, RefundInput } from '../api/sales.api.ts';
import type { Format } from './order-detail.tsx';
import { salesErrorMessage } from './sales-errors.ts';

/** What comes back, why, and where the money goes; the server works out the amounts and says no to a cashier. */
export function RefundForm({
  order,
  format,
  mutation,
  onClose,
}: {
  order: Order;
  format: Format;
  mutation: UseMutationResult<Order, Error, RefundInput>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<PaymentMethod | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const lines = order.lines.filter((l) => l.refundedQuantity < l.quantity);
  // What the customer gets back for the units chosen: each line's share of what was paid for it.
  const amount = lines.reduce((sum, l) => {
    const q = quantities[l.id] ?? 0;
    return q === 0 ? sum : sum + mulDivHalfUp(l.total, l.refundedQuantity + q, l.quantity) - l.refundedAmount;
  }, 0);
  const methods = [...new Set(order.payments.map((p) => p.method))];

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const chosen = lines
      .filter((l) => (quantities[l.id] ?? 0) > 0)
      .map((l) => ({ lineId: l.id, quantity: quantities[l.id]! }));
    if (chosen.length === 0) return setProblem(t('sales.orders.chooseQty'));
    setProblem(null);
    mutation.mutate(
      { reason, lines: chosen, ...(method ? { payTo: [{ method, amount }] } : {}) },
      { onSuccess: onClose },
    );
  };

  return (
    <form className="refund-form" onSubmit={submit} data-testid="refund-form">
      {lines.map((l) => (
        <label key={l.id} className="inline-field">
          <span>{t('sales.orders.refundQty', { name: l.name })}</span>
          <select
            value={quantities[l.id] ?? 0}
            onChange={(e) => setQuantities((q) => ({ ...q, [l.id]: Number(e.target.value) }))}
            data-testid={`refund-qty-${l.id}`}
          >
            {Array.from({ length: l.quantity - l.refundedQuantity + 1 }, (_, n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="field">
        <span>{t('sales.orders.reason')}</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          minLength={3}
          data-testid="refund-reason"
        />
        <small className="muted">{t('sales.orders.reasonHint')}</small>
      </label>
      {methods.length > 1 && (
        <label className="inline-field">
          <span>{t('sales.orders.refundTo')}</span>
          <select value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod | '')}>
            <option value="">{t('sales.orders.refundToAuto')}</option>
            {methods.map((m) => (
              <option key={m} value={m}>
                {t(`sales.methods.${m}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {problem && <p className="error">{problem}</p>}
      {mutation.error && (
        <p role="alert" className="error" data-testid="refund-error">
          {salesErrorMessage(mutation.error, t)}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={mutation.isPending} data-testid="submit-refund">
          {t('sales.orders.submitRefund', { amount: format.money(amount) })}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('sales.orders.cancel')}
        </button>
      </div>
    </form>
  );
}

export function VoidForm({
  mutation,
  onClose,
}: {
  mutation: UseMutationResult<Order, Error, string>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <form
      className="refund-form"
      data-testid="void-form"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate(reason, { onSuccess: onClose });
      }}
    >
      <p>{t('sales.orders.voidHint')}</p>
      <label className="field">
        <span>{t('sales.orders.reason')}</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          minLength={3}
          data-testid="void-reason"
        />
      </label>
      {mutation.error && (
        <p role="alert" className="error" data-testid="void-error">
          {salesErrorMessage(mutation.error, t)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="danger" disabled={mutation.isPending} data-testid="submit-void">
          {t('sales.orders.submitVoid')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('sales.orders.cancel')}
        </button>
      </div>
    </form>
  );
}
