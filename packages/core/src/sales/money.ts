/*
 * Integer Rupiah arithmetic. Products of a price and a rate can pass 2^53, so they are taken in BigInt
 * and only whole Rupiah come back.
 */

/**
 * `a * b / c` rounded half up (away from zero for the non-negative values used here).
 * @example mulDivHalfUp(10_000, 11, 100) // 1100
 * @example mulDivHalfUp(15_500, 1, 2) // 7750
 */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  if (c <= 0) throw new Error('mulDivHalfUp: the divisor must be positive');
  const product = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  return Number((product * 2n + divisor) / (divisor * 2n));
}

/**
 * Splits `total` into parts proportional to `weights` that add up to exactly `total`: each part is its
 * floor share, and the Rupiah left over go one by one to the largest remainders (ties: the earlier part).
 * No part exceeds the ceiling of its exact share, so a part never passes its weight when total <= sum.
 *
 * @example allocate(100, [1, 1, 1]) // [34, 33, 33]
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total === 0 || weights.length === 0) return weights.map(() => 0);
  if (sum <= 0) throw new Error('allocate: the weights must add up to more than zero');
  const big = BigInt(total);
  const bigSum = BigInt(sum);
  const parts = weights.map((w) => (big * BigInt(w)) / bigSum);
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % bigSum }));
  let left = Number(big - parts.reduce((s, p) => s + p, 0n));
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i]! += 1n;
    left -= 1;
  }
  return parts.map(Number);
}
