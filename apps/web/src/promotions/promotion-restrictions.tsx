import { useTranslation } from 'react-i18next';
import { RFM_SEGMENTS } from '@jejak/core/rfm';
import { useLoyaltyProgram } from '../api/loyalty.api.ts';
import { useProductList } from '../api/sales.api.ts';

export interface Restrictions {
  productIds: string[];
  categories: string[];
  segments: string[];
  tiers: string[];
}

export const NO_RESTRICTIONS: Restrictions = { productIds: [], categories: [], segments: [], tiers: [] };

/**
 * Who and what a promotion is for: products and categories (the discount comes off those lines only),
 * customer segments (the RFM segments) and loyalty tiers. Nothing chosen: no restriction.
 */
export function PromotionRestrictions({
  workspaceId,
  value,
  onChange,
}: {
  workspaceId: string;
  value: Restrictions;
  onChange: (value: Restrictions) => void;
}) {
  const { t } = useTranslation();
  // The segments' names are the RFM page's, in its own namespace.
  const { t: ta } = useTranslation('analytics');
  const products = useProductList(workspaceId);
  const program = useLoyaltyProgram(workspaceId);
  const categories = [
    ...new Set((products.data ?? []).flatMap((p) => (p.category ? [p.category] : []))),
  ].sort();
  const levels = program.data?.tiers.levels ?? [];
  const toggle = (key: 'segments' | 'tiers', item: string, on: boolean) =>
    onChange({ ...value, [key]: on ? [...value[key], item] : value[key].filter((x) => x !== item) });
  const selected = (select: HTMLSelectElement) => [...select.selectedOptions].map((o) => o.value);
  return (
    <>
      <label>
        {t('promotions.create.products')}
        <select
          multiple
          size={4}
          value={value.productIds}
          data-testid="promo-products"
          onChange={(e) => onChange({ ...value, productIds: selected(e.target) })}
        >
          {(products.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {categories.length > 0 && (
        <label>
          {t('promotions.create.categories')}
          <select
            multiple
            size={4}
            value={value.categories}
            data-testid="promo-categories"
            onChange={(e) => onChange({ ...value, categories: selected(e.target) })}
          >
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="days">
        <legend>{t('promotions.create.segments')}</legend>
        {RFM_SEGMENTS.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={value.segments.includes(s)}
              onChange={(e) => toggle('segments', s, e.target.checked)}
            />
            {ta(`rfm.name.${s}`)}
          </label>
        ))}
      </fieldset>
      {levels.length > 0 && (
        <fieldset className="days">
          <legend>{t('promotions.create.tiers')}</legend>
          {levels.map((l) => (
            <label key={l.key} className="check">
              <input
                type="checkbox"
                checked={value.tiers.includes(l.key)}
                data-testid={`promo-tier-${l.key}`}
                onChange={(e) => toggle('tiers', l.key, e.target.checked)}
              />
              {l.name}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
