import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBranches, useCatalogue, type Product } from '../api/sales.api.ts';
import { salesErrorMessage } from './sales-errors.ts';

interface Props {
  workspaceId: string;
  branchId: string;
  /** The products whose stock is counted at this branch. */
  products: Product[];
  onDone: (notice: string) => void;
}

/** A correction after a count: the signed difference and why, recorded as an adjustment. */
export function AdjustStockForm({ workspaceId, branchId, products, onDone }: Props) {
  const { t } = useTranslation();
  const { adjust } = useCatalogue(workspaceId, branchId);
  const [productId, setProductId] = useState('');
  const [change, setChange] = useState('');
  const [reason, setReason] = useState('');
  const product = products.find((p) => p.id === productId) ?? products[0];
  const quantity = /^[+-]?\d+$/.test(change.trim()) ? Number(change.trim()) : 0;
  return (
    <section className="card form" data-testid="stock-adjust">
      <h2>{t('sales.catalogue.moves.adjustTitle')}</h2>
      <p className="muted">{t('sales.catalogue.moves.adjustHint')}</p>
      {!product ? (
        <p className="muted">{t('sales.catalogue.moves.noTracked')}</p>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (quantity === 0 || !reason.trim()) return;
            adjust.mutate(
              { productId: product.id, quantity, reason: reason.trim() },
              {
                onSuccess: () => {
                  onDone(
                    t('sales.catalogue.moves.adjusted', {
                      name: product.name,
                      change: quantity > 0 ? `+${quantity}` : String(quantity),
                      reason: reason.trim(),
                    }),
                  );
                  setChange('');
                  setReason('');
                },
              },
            );
          }}
        >
          <label className="field">
            <span>{t('sales.catalogue.moves.product')}</span>
            <select
              data-testid="adjust-product"
              value={product.id}
              onChange={(e) => setProductId(e.target.value)}
            >
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('sales.catalogue.moves.change')}</span>
            <input
              data-testid="adjust-change"
              inputMode="numeric"
              value={change}
              onChange={(e) => setChange(e.target.value.replace(/[^\d+-]/g, ''))}
            />
          </label>
          <label className="field">
            <span>{t('sales.catalogue.moves.reason')}</span>
            <input
              data-testid="adjust-reason"
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <div>
            <button
              type="submit"
              data-testid="adjust-save"
              disabled={quantity === 0 || !reason.trim() || adjust.isPending}
            >
              {t('sales.catalogue.moves.adjust')}
            </button>
          </div>
          {adjust.error && <p className="error">{salesErrorMessage(adjust.error, t)}</p>}
        </form>
      )}
    </section>
  );
}

/** Goods sent from this branch to another: both halves of the transfer are recorded together. */
export function TransferStockForm({ workspaceId, branchId, products, onDone }: Props) {
  const { t } = useTranslation();
  const { transfer } = useCatalogue(workspaceId, branchId);
  const branches = (useBranches(workspaceId).data ?? []).filter((b) => b.id !== branchId);
  const [productId, setProductId] = useState('');
  const [toId, setToId] = useState('');
  const [count, setCount] = useState('');
  const [reason, setReason] = useState('');
  const product = products.find((p) => p.id === productId) ?? products[0];
  const to = branches.find((b) => b.id === toId) ?? branches[0];
  const quantity = Number(count || '0');
  return (
    <section className="card form" data-testid="stock-transfer">
      <h2>{t('sales.catalogue.moves.transferTitle')}</h2>
      <p className="muted">{t('sales.catalogue.moves.transferHint')}</p>
      {!product || !to ? (
        <p className="muted">
          {!product ? t('sales.catalogue.moves.noTracked') : t('sales.catalogue.moves.noOther')}
        </p>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (quantity <= 0) return;
            transfer.mutate(
              { toBranchId: to.id, productId: product.id, quantity, reason: reason.trim() },
              {
                onSuccess: () => {
                  onDone(
                    t('sales.catalogue.moves.transferred', {
                      count: quantity,
                      unit: product.unit,
                      name: product.name,
                      branch: to.name,
                    }),
                  );
                  setCount('');
                  setReason('');
                },
              },
            );
          }}
        >
          <label className="field">
            <span>{t('sales.catalogue.moves.product')}</span>
            <select
              data-testid="transfer-product"
              value={product.id}
              onChange={(e) => setProductId(e.target.value)}
            >
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('sales.catalogue.moves.to')}</span>
            <select data-testid="transfer-to" value={to.id} onChange={(e) => setToId(e.target.value)}>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('sales.catalogue.moves.quantity')}</span>
            <input
              data-testid="transfer-quantity"
              inputMode="numeric"
              value={count}
              onChange={(e) => setCount(e.target.value.replace(/\D/g, ''))}
            />
          </label>
          <label className="field">
            <span>{t('sales.catalogue.moves.reasonOptional')}</span>
            <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div>
            <button type="submit" data-testid="transfer-save" disabled={quantity <= 0 || transfer.isPending}>
              {t('sales.catalogue.moves.transfer')}
            </button>
          </div>
          {transfer.error && <p className="error">{salesErrorMessage(transfer.error, t)}</p>}
        </form>
      )}
    </section>
  );
}
