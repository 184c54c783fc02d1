import { useTranslation } from 'react-i18next';
import type { PricedOrder } from '@jejak/core/sales';
import type { CartLine } from './cart.ts';

/** What is in the cart, a line per product, with quantity buttons a finger can hit. */
export function CartTable({
  lines,
  priced,
  money,
  setQuantity,
}: {
  lines: CartLine[];
  priced: PricedOrder | null;
  money: (n: number) => string;
  setQuantity: (productId: string, quantity: number) => void;
}) {
  const { t } = useTranslation();
  if (lines.length === 0) return <p className="muted cart-empty">{t('sales.counter.empty')}</p>;
  return (
    <table className="cart" data-testid="cart">
      <caption className="sr-only">{t('sales.counter.cart')}</caption>
      <thead>
        <tr>
          <th>{t('sales.counter.product')}</th>
          <th className="num">{t('sales.counter.quantity')}</th>
          <th className="num">{t('sales.counter.lineTotal')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => (
          <tr key={line.product.id}>
            <td>
              {line.product.name}
              <div className="muted small">
                {line.product.sku} · {money(line.product.price)}
              </div>
            </td>
            <td className="num">
              <div className="qty">
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('sales.counter.less', { name: line.product.name })}
                  onClick={() => setQuantity(line.product.id, line.quantity - 1)}
                >
                  −
                </button>
                <input
                  type="text"
                  inputMode="numeric"
                  aria-label={t('sales.counter.quantity')}
                  value={line.quantity}
                  onChange={(e) =>
                    setQuantity(line.product.id, Number(e.target.value.replace(/\D/g, '') || '0'))
                  }
                />
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('sales.counter.more', { name: line.product.name })}
                  onClick={() => setQuantity(line.product.id, line.quantity + 1)}
                >
                  +
                </button>
              </div>
            </td>
            <td className="num">{money(priced?.lines[i]?.gross ?? line.product.price * line.quantity)}</td>
            <td>
              <button
                type="button"
                className="link danger"
                aria-label={t('sales.counter.remove', { name: line.product.name })}
                onClick={() => setQuantity(line.product.id, 0)}
              >
                ✕
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
