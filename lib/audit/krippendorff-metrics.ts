/**
 * The four metrics of Krippendorff's α (Krippendorff 2011): each metric's squared
 * distance δ²(c, k) between distinct values and its expected-disagreement sum.
 */

/** The levels of measurement Krippendorff's α is defined for. */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** All four metrics, in the order reports show them. */
export const ALPHA_METRICS: readonly AlphaMetric[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** δ²(c, k) between value indices, fixed for a data set (the ordinal metric uses its marginals). */
export type Delta = (c: number, k: number) => number;

/** A metric ready for one data set: its δ² and its expected-disagreement sum. */
export interface MetricPlan {
  metric: AlphaMetric;
  delta: Delta;
  /** Σ_c Σ_k n_c·n_k·δ²(c, k) for given marginals. */
  expected: (marginals: Float64Array) => number;
}

/** The metric's δ² and expected-disagreement sum; null when it does not apply (ratio with negatives). */
export function planFor(
  metric: AlphaMetric,
  values: readonly number[],
  marginals: Float64Array,
): MetricPlan | null {
  const size = values.length;
  const pairwise = (delta: Delta) => (m: Float64Array) => {
    let sum = 0;
    for (let c = 0; c < size; c++) {
      if (m[c] === 0) continue;
      for (let k = c + 1; k < size; k++) sum += 2 * m[c]! * m[k]! * delta(c, k);
    }
    return sum;
  };
  switch (metric) {
    case 'nominal':
      return {
        metric,
        delta: (c, k) => (c === k ? 0 : 1),
        expected: (m) => {
          let n = 0;
          let squares = 0;
          for (const count of m) {
            n += count;
            squares += count * count;
          }
          return n * n - squares;
        },
      };
    case 'interval':
      // Σ n_c n_k (v_c − v_k)² = 2n·Σ n_c (v_c − v̄)²: linear in the number of distinct values.
      return {
        metric,
        delta: (c, k) => (values[c]! - values[k]!) ** 2,
        expected: (m) => {
          let n = 0;
          let sum = 0;
          for (let c = 0; c < size; c++) {
            n += m[c]!;
            sum += m[c]! * values[c]!;
          }
          const centre = sum / n;
          let squares = 0;
          for (let c = 0; c < size; c++) squares += m[c]! * (values[c]! - centre) ** 2;
          return 2 * n * squares;
        },
      };
    case 'ratio': {
      if (values.some((value) => value < 0)) return null;
      const delta: Delta = (c, k) => {
        const sum = values[c]! + values[k]!;
        return sum === 0 ? 0 : ((values[c]! - values[k]!) / sum) ** 2;
      };
      return { metric, delta, expected: pairwise(delta) };
    }
    case 'ordinal': {
      const prefix = new Float64Array(size + 1);
      for (let g = 0; g < size; g++) prefix[g + 1] = prefix[g]! + marginals[g]!;
      const delta: Delta = (c, k) => {
        const low = Math.min(c, k);
        const high = Math.max(c, k);
        return (prefix[high + 1]! - prefix[low]! - (marginals[low]! + marginals[high]!) / 2) ** 2;
      };
      return { metric, delta, expected: pairwise(delta) };
    }
  }
}
