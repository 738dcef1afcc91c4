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
  const raterIndex = new Map<string, number>();
  const raterOf: number[] = [];
  const values: number[] = [];
  const groups: number[][] = [];
  for (const unit of units) {
    const group: number[] = [];
    for (const { rater, value } of unit) {
      let index = raterIndex.get(rater);
      if (index === undefined) {
        index = raterIndex.size;
        raterIndex.set(rater, index);
      }
      group.push(raterOf.length);
      raterOf.push(index);
      values.push(value ?? NaN);
    }
    groups.push(group);
  }
  return raterBiasIndexed(groups, [...raterIndex.keys()], raterOf, (i) => values[i]!, options);
}

/** {@link raterBias} over indexed ratings: `groups` lists rating indices per unit, NaN = missing. */
export function raterBiasIndexed(
  groups: Iterable<readonly number[]>,
  raterNames: readonly string[],
  raterOf: ArrayLike<number>,
  valueOf: (i: number) => number,
  options: { minUnits?: number } = {},
): RaterBias[] {
  const minUnits = options.minUnits ?? DEFAULT_MINIMUMS.biasUnits;
  const raters = raterNames.length;
  const seen = new Uint8Array(raters);
  const n = new Float64Array(raters);
  const sums = new Float64Array(raters);
  const squares = new Float64Array(raters);
  const inUnit = new Int32Array(raters).fill(-1);
  let unitNumber = 0;
  for (const group of groups) {
    unitNumber++;
    let sum = 0;
    let count = 0;
    for (const i of group) {
      const rater = raterOf[i]!;
      if (inUnit[rater] === unitNumber) {
        throw new RangeError(
          `rater "${raterNames[rater]}" appears twice in one unit; pass the latest rating only`,
        );
      }
      inUnit[rater] = unitNumber;
      seen[rater] = 1;
      const value = valueOf(i);
      if (Number.isNaN(value)) continue;
      sum += value;
      count++;
    }
    if (count < 2) continue;
    for (const i of group) {
      const value = valueOf(i);
      if (Number.isNaN(value)) continue;
      const rater = raterOf[i]!;
      const deviation = value - (sum - value) / (count - 1);
      n[rater]!++;
      sums[rater]! += deviation;
      squares[rater]! += deviation * deviation;
    }
  }
  const present = raterNames.map((name, r) => ({ name, r })).filter(({ r }) => seen[r] === 1);
  const onlyOne = present.length <= 1;
  return present
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, r }) => ({
      rater: name,
      bias: biasFigure(n[r]!, sums[r]!, squares[r]!, minUnits, onlyOne),
    }));
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
