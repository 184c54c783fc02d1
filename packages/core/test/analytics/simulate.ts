// Customers drawn from the BG/NBD story itself, with a seeded generator so tests are repeatable.
import type { BgNbdParameters, PurchaseHistory } from '../../src/analytics/index.ts';

export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, rate) by Marsaglia and Tsang, boosted for shapes below 1. */
export function gamma(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gamma(u, shape + 1, rate) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * x ** 4 || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v)))
      return (d * v) / rate;
  }
}

export function beta(u: () => number, a: number, b: number): number {
  const x = gamma(u, a, 1);
  return x / (x + gamma(u, b, 1));
}

/** Customers who each made a first purchase at time 0 and are observed for `age` weeks, purchases on whole days. */
export function simulateBgNbd(
  { r, alpha, a, b }: BgNbdParameters,
  customers: number,
  age: number,
  seed: number,
): PurchaseHistory[] {
  const u = random(seed);
  const out: PurchaseHistory[] = [];
  for (let i = 0; i < customers; i++) {
    const lambda = gamma(u, r, alpha);
    const p = beta(u, a, b);
    let t = 0;
    let frequency = 0;
    let recency = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (t > age) break;
      frequency++;
      recency = Math.round(t * 7) / 7; // whole days, as a till records them
      if (u() < p) break;
    }
    out.push({ customerId: String(i), frequency, recency, age, averageRepeatAmount: 0, holdoutPurchases: 0 });
  }
  return out;
}
