/*
 * How long customers stay in a stage, kept as counts per bucket so that a median over any period and any
 * filter is a sum of stored counts. Buckets are an eighth of a doubling wide from one minute up (the
 * first holds everything under a minute), so a median read from them is within 4.5% of the exact one.
 */

const MINUTE_MS = 60_000;
const STEPS_PER_DOUBLING = 8;

/**
 * The bucket of a stay of `ms` milliseconds.
 * @example waitBucket(30_000) // 0; waitBucket(60_000) // 1; waitBucket(120_000) // 9
 */
export function waitBucket(ms: number): number {
  if (!(ms >= MINUTE_MS)) return 0;
  return 1 + Math.floor(STEPS_PER_DOUBLING * Math.log2(ms / MINUTE_MS) + 1e-9);
}

/** The stays a bucket holds, [lower, upper) in ms. */
export function bucketBounds(bucket: number): [number, number] {
  if (bucket <= 0) return [0, MINUTE_MS];
  return [
    MINUTE_MS * 2 ** ((bucket - 1) / STEPS_PER_DOUBLING),
    MINUTE_MS * 2 ** (bucket / STEPS_PER_DOUBLING),
  ];
}

/**
 * The stay that a share `q` (0..1) of a histogram's stays are shorter than, placed inside its bucket as
 * if the bucket's stays were spread evenly on a log scale; null when the histogram is empty.
 * @example quantileWait(hist, 0.9) // 9 in 10 stays were shorter than this
 */
export function quantileWait(histogram: ReadonlyMap<number, number>, q: number): number | null {
  let total = 0;
  for (const count of histogram.values()) total += count;
  if (total <= 0) return null;
  const rank = total * q;
  let below = 0;
  for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
    const count = histogram.get(bucket) ?? 0;
    if (count <= 0) continue;
    if (below + count >= rank) {
      const [lower, upper] = bucketBounds(bucket);
      const fraction = (rank - below) / count;
      return bucket === 0 ? lower + fraction * (upper - lower) : lower * (upper / lower) ** fraction;
    }
    below += count;
  }
  return null;
}

/**
 * The median stay of a histogram (bucket -> count); null when the histogram is empty.
 * @example medianWait(new Map([[waitBucket(3_600_000), 3]])) // about an hour
 */
export function medianWait(histogram: ReadonlyMap<number, number>): number | null {
  return quantileWait(histogram, 0.5);
}
