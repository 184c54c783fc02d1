import { forwardRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { productByCode, productSearchQuery, useProductSearch, type Product } from '../api/sales.api.ts';

/**
 * The search box a USB scanner types into: a scan is a code and Enter, which adds the product with that
 * barcode or SKU; typed words show matches, and Enter adds the top one.
 */
export const ProductSearch = forwardRef<
  HTMLInputElement,
  { workspaceId: string; onAdd: (product: Product) => void; money: (n: number) => string }
>(function ProductSearch({ workspaceId, onAdd, money }, ref) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const results = useProductSearch(workspaceId, term);
  const queries = useQueryClient();
  const matches = term.trim() === '' ? [] : (results.data ?? []);

  const add = (product: Product) => {
    onAdd(product);
    setTerm('');
    setNotice(null);
  };

  const submit = async () => {
    const code = term.trim();
    if (code === '') return;
    if (!/\s/.test(code)) {
      try {
        add(await productByCode(workspaceId, code));
        return;
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
    }
    // The list may still show the previous term's matches (kept while the new ones load): Enter adds
    // the top match of what was typed, waiting for it when a fast typist or a slow server is ahead.
    const [first] = await queries.fetchQuery(productSearchQuery(workspaceId, code));
    if (first) add(first);
    else
      setNotice(
        /^\d{6,}$/.test(code)
          ? t('sales.counter.unknownCode', { code })
          : t('sales.counter.noMatch', { term: code }),
      );
  };

  return (
    <div className="product-search">
      <input
        ref={ref}
        type="search"
        autoFocus
        autoComplete="off"
        aria-label={t('sales.counter.search')}
        placeholder={t('sales.counter.search')}
        data-testid="product-search"
        value={term}
        onChange={(e) => {
          setTerm(e.target.value);
          setNotice(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <p className="muted small">{t('sales.counter.keys')}</p>
      {notice && (
        <p role="alert" className="error" data-testid="search-notice">
          {notice}
        </p>
      )}
      {matches.length > 0 && (
        <ul className="matches" data-testid="matches">
          {matches.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="secondary match"
                onClick={() => add(p)}
                aria-label={t('sales.counter.add', { name: p.name })}
              >
                <span>{p.name}</span>
                <span className="muted small">{p.sku}</span>
                <span className="num">{money(p.price)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
