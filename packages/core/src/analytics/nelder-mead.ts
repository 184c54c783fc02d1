// Derivative-free minimisation for the model fits. The likelihoods have four or fewer
// parameters, fitted on their logarithms so every point of the search is a valid model.

export interface MinimizeOptions {
  /** Relative size of the first simplex around the start point (default 0.5 on each axis). */
  readonly step?: number;
  /** Stop when the values across the simplex differ by less than this (default 1e-10). */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

export interface Minimum {
  readonly point: readonly number[];
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Nelder-Mead simplex search (reflection 1, expansion 2, contraction and shrink 0.5), restarted
 * from its own result until a restart no longer improves it, which guards against the simplex
 * collapsing early on a long curved valley.
 *
 * @example minimize(([x, y]) => (x! - 1) ** 2 + (y! + 2) ** 2, [0, 0]).point // ~[1, -2]
 */
export function minimize(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): Minimum {
  let best = search(f, start, options);
  let iterations = best.iterations;
  for (let restart = 0; restart < 5; restart++) {
    const again = search(f, best.point, options);
    iterations += again.iterations;
    const improved = best.value - again.value > Math.abs(best.value) * 1e-12;
    best = again.value < best.value ? again : best;
    if (!improved) break;
  }
  return { ...best, iterations };
}

function search(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions,
): Minimum {
  const n = start.length;
  const step = options.step ?? 0.5;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 4000;
  const value = (x: number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };

  let simplex: { x: number[]; v: number }[] = [{ x: [...start], v: value([...start]) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = x[i]! + (x[i] === 0 ? step : step * Math.max(1, Math.abs(x[i]!)));
    simplex.push({ x, v: value(x) });
  }

  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    simplex.sort((p, q) => p.v - q.v);
    const lowest = simplex[0]!;
    const highest = simplex[n]!;
    if (Math.abs(highest.v - lowest.v) <= tolerance * (Math.abs(lowest.v) + tolerance)) break;

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const towards = (t: number): number[] => centroid.map((c, j) => c + t * (highest.x[j]! - c));

    const reflected = towards(-1);
    const vr = value(reflected);
    if (vr < lowest.v) {
      const expanded = towards(-2);
      const ve = value(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < simplex[n - 1]!.v) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const contracted = vr < highest.v ? towards(-0.5) : towards(0.5);
      const vc = value(contracted);
      if (vc < Math.min(vr, highest.v)) {
        simplex[n] = { x: contracted, v: vc };
      } else {
        simplex = simplex.map((p, i) => {
          if (i === 0) return p;
          const x = p.x.map((xj, j) => lowest.x[j]! + 0.5 * (xj - lowest.x[j]!));
          return { x, v: value(x) };
        });
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return {
    point: simplex[0]!.x,
    value: simplex[0]!.v,
    iterations: iteration,
    converged: iteration < maxIterations,
  };
}
