/** Arithmetic mean; undefined for an empty list (callers report "insufficient data" instead). */
export function mean(values: ArrayLike<number>): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Sample quantile of ascending-sorted values, linear interpolation between order statistics (R type 7). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  const high = sorted[above]!;
  return low + (high - low) * (position - below);
}

/** A distribution summary: n, mean, standard deviation (n − 1), min, quartiles, max. */
export interface DistributionSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

/** Summarises a list of numbers; empty lists give nulls with n = 0, and sd needs n ≥ 2. */
export function summarise(values: readonly number[]): DistributionSummary {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const average = mean(sorted);
  let sd: number | null = null;
  if (average !== undefined && n >= 2) {
    let squares = 0;
    for (const value of sorted) squares += (value - average) ** 2;
    sd = Math.sqrt(squares / (n - 1));
  }
  return {
    n,
    mean: average ?? null,
    sd,
    min: n > 0 ? sorted[0]! : null,
    q1: quantileOfSorted(sorted, 0.25) ?? null,
    median: quantileOfSorted(sorted, 0.5) ?? null,
    q3: quantileOfSorted(sorted, 0.75) ?? null,
    max: n > 0 ? sorted[n - 1]! : null,
  };
}
