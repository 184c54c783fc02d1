/** A length of time the way a person says it: `45 mnt`, `2 j 15 mnt`, `3 hr 4 j`. Minutes round up. */
export function durationParts(ms: number): {
  key: 'minutes' | 'hours' | 'days';
  d: number;
  h: number;
  m: number;
} {
  const minutes = Math.max(0, Math.ceil(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return { key: 'days', d, h, m };
  if (h > 0) return { key: 'hours', d, h, m };
  return { key: 'minutes', d, h, m };
}
