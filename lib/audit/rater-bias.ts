import { insufficient, known, missing, type Figure } from './figure';
import { DEFAULT_MINIMUMS } from './minimums';

/** One rater's rating of a unit; `null` is Unknown (missing). */
export interface RaterValue {
  rater: string;
  value: number | null;
}

/** A rater's bias: mean of (own rating − mean of the other raters' ratings) over shared units. */
export type BiasFigure = Figure & {
  /** Standard error of the mean deviation (sd / √n), when n ≥ 2. */
  se: number | null;
};

/** Bias of one rater. */
export interface RaterBias {
  rater: string;
  bias: BiasFigure;
}

/**
 * Rater bias against the consensus of the others: for every unit where the rater and at least one
 * other rater gave a known rating, deviation = own − mean(others); bias = mean deviation, n = units.
 * Each unit lists at most one rating per rater. Raters are returned sorted by id.
 */
export function raterBias(
  units: readonly (readonly RaterValue[])[],
  options: { minUnits?: number } = {},
): RaterBias[] {
  const minUnits = options.minUnits ?? DEFAULT_MINIMUMS.biasUnits;
  const stats = new Map<string, { n: number; sum: number; squares: number; alone: boolean }>();
  for (const unit of units) {
    let sum = 0;
    let count = 0;
    const seen = new Set<string>();
    for (const { rater, value } of unit) {
      if (seen.has(rater))
        throw new RangeError(`rater "${rater}" appears twice in one unit; pass the latest rating only`);
      seen.add(rater);
      if (!stats.has(rater)) stats.set(rater, { n: 0, sum: 0, squares: 0, alone: true });
      if (value === null) continue;
      sum += value;
      count++;
    }
    if (count < 2) continue;
    for (const { rater, value } of unit) {
      if (value === null) continue;
      const deviation = value - (sum - value) / (count - 1);
      const entry = stats.get(rater)!;
      entry.n++;
      entry.sum += deviation;
      entry.squares += deviation * deviation;
    }
  }
  const onlyOne = stats.size <= 1;
  return [...stats.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rater, { n, sum, squares }]) => ({ rater, bias: biasFigure(n, sum, squares, minUnits, onlyOne) }));
}

/** Turns running sums of deviations into a bias figure. */
export function biasFigure(
  n: number,
  sum: number,
  squares: number,
  minUnits: number,
  onlyOne = false,
): BiasFigure {
  if (onlyOne) return { ...missing(n, 'one rater', 'there is no other rater to compare with'), se: null };
  if (n < minUnits) return { ...insufficient(n, 'units shared with another rater', minUnits), se: null };
  const mean = sum / n;
  const variance = n >= 2 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : null;
  return { ...known(mean, n), se: variance === null ? null : Math.sqrt(variance / n) };
}
