import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue, type Product } from '../api/sales.api.ts';
import { salesErrorMessage } from './sales-errors.ts';

/** Goods that came in for one product at the branch: a count and a button. */
export function ReceiveStock({
  workspaceId,
  branchId,
  product,
  onDone,
}: {
  workspaceId: string;
  branchId: string;
  product: Product;
  onDone: (quantity: number) => void;
}) {
  const { t } = useTranslation();
  const { receive } = useCatalogue(workspaceId, branchId);
  const [quantity, setQuantity] = useState('');
  const count = Number(quantity.replace(/\D/g, '') || '0');
  return (
    <form
      className="row receive"
      onSubmit={(e) => {
        e.preventDefault();
        if (count > 0) {
          receive.mutate(
            { productId: product.id, quantity: count },
            { onSuccess: () => (setQuantity(''), onDone(count)) },
          );
        }
      }}
    >
      <input
        inputMode="numeric"
        aria-label={t('sales.catalogue.receiveQty', { name: product.name })}
        data-testid={`receive-${product.sku}`}
        value={quantity}
        onChange={(e) => setQuantity(e.target.value.replace(/\D/g, ''))}
      />
      <button type="submit" className="secondary small" disabled={count === 0 || receive.isPending}>
        {t('sales.catalogue.receive')}
      </button>
      {receive.error && <span className="error small">{salesErrorMessage(receive.error, t)}</span>}
    </form>
  );
}
