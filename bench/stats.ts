/** Nearest-rank percentile of unsorted samples (q in 0..1); NaN for none. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Timing {
  p50: number;
  p95: number;
  p99: number;
}

export function timing(samples: readonly number[]): Timing {
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), p99: percentile(samples, 0.99) };
}

export const perSecond = (count: number, ms: number): number => (ms > 0 ? (count * 1000) / ms : Number.NaN);

export function formatRate(value: number, unit = 'events/s'): string {
  return `${Math.round(value).toLocaleString('en')} ${unit}`;
}

export function formatMs(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value).toLocaleString('en')} ms`;
}
