import type { RatingCount } from '@jejak/storage';

/** A product's reviews in numbers: how many, the mean of their stars, and how many gave each star. */
export interface RatingSummary {
  productId: string;
  productName: string | null;
  count: number;
  /** Mean stars, to one decimal; null with no reviews. */
  average: number | null;
  /** Counts of 1 to 5 stars, in that order. */
  distribution: [number, number, number, number, number];
}

/** Per-product summaries from counts per product and star, largest count first. */
export function summarize(counts: readonly RatingCount[]): RatingSummary[] {
  const byProduct = new Map<string, RatingSummary>();
  for (const c of counts) {
    let s = byProduct.get(c.product_id);
    if (!s) {
      s = {
        productId: c.product_id,
        productName: null,
        count: 0,
        average: null,
        distribution: [0, 0, 0, 0, 0],
      };
      byProduct.set(c.product_id, s);
    }
    s.distribution[c.rating - 1] = (s.distribution[c.rating - 1] ?? 0) + c.count;
    s.count += c.count;
  }
  for (const s of byProduct.values()) {
    const stars = s.distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
    s.average = s.count === 0 ? null : Math.round((stars / s.count) * 10) / 10;
  }
  return [...byProduct.values()].sort((a, b) => b.count - a.count || a.productId.localeCompare(b.productId));
}
