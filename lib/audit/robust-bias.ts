import { insufficient, known, missing, type Figure } from './figure';
import { DEFAULT_BIAS_FLAG, DEFAULT_MINIMUMS, type BiasFlagRule } from './minimums';

/**
 * A rater's bias against the team's median rating of each deal, and whether it is large and steady
 * enough to name the rater. One lenient rater cannot pull a median the way it pulls a mean.
 */
export type RobustBiasFigure = Figure & {
  /** Standard error of the mean deviation (sd / √n), when n ≥ 2. */
  se: number | null;
  /** |bias| ≥ `flagRule.atLeastLevels` and ≥ `flagRule.atLeastStandardErrors` standard errors. */
  flagged: boolean;
};

/** One rater's robust bias on one criterion. */
export interface RaterRobustBias {
  rater: string;
  bias: RobustBiasFigure;
}

/** Options for {@link robustRaterBias}. */
export interface RobustBiasOptions {
  /** Fewer units (with ≥ 3 known ratings, the rater's among them) gives "insufficient data". */
  minUnits?: number;
  flagRule?: BiasFlagRule;
}

/** The fewest known ratings on a deal for its median to say who differs from whom. */
export const RATINGS_FOR_MEDIAN = 3;

/**
 * Robust rater bias: on every unit with at least {@link RATINGS_FOR_MEDIAN} known ratings,
 * deviation = own − median(all known ratings of the unit); bias = mean deviation, n = units.
 * With two ratings the median is their midpoint and cannot tell which rater differs, so such
 * units are left out. `groups` lists rating indices per unit, NaN = missing; sorted by rater id.
 */
export function robustRaterBias(
  groups: Iterable<readonly number[]>,
  raterNames: readonly string[],
  raterOf: ArrayLike<number>,
  valueOf: (i: number) => number,
  options: RobustBiasOptions = {},
): RaterRobustBias[] {
  const minUnits = options.minUnits ?? DEFAULT_MINIMUMS.biasUnits;
  const rule = options.flagRule ?? DEFAULT_BIAS_FLAG;
  const raters = raterNames.length;
  const seen = new Uint8Array(raters);
  const n = new Float64Array(raters);
  const sums = new Float64Array(raters);
  const squares = new Float64Array(raters);
  const ratings: number[] = [];
  for (const group of groups) {
    ratings.length = 0;
    for (const i of group) {
      seen[raterOf[i]!] = 1;
      const value = valueOf(i);
      if (!Number.isNaN(value)) ratings.push(value);
    }
    if (ratings.length < RATINGS_FOR_MEDIAN) continue;
    const median = medianOf(ratings);
    for (const i of group) {
      const value = valueOf(i);
      if (Number.isNaN(value)) continue;
      const rater = raterOf[i]!;
      const deviation = value - median;
      n[rater]!++;
      sums[rater]! += deviation;
      squares[rater]! += deviation * deviation;
    }
  }
  const present = raterNames.map((name, r) => ({ name, r })).filter(({ r }) => seen[r] === 1);
  return present
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, r }) => ({
      rater: name,
      bias: robustBiasFigure(n[r]!, sums[r]!, squares[r]!, minUnits, rule, present.length),
    }));
}

function robustBiasFigure(
  n: number,
  sum: number,
  squares: number,
  minUnits: number,
  rule: BiasFlagRule,
  ratersPresent: number,
): RobustBiasFigure {
  const none = { se: null, flagged: false };
  if (ratersPresent <= 1) {
    return { ...missing(n, 'one rater', 'there is no other rater to compare with'), ...none };
  }
  if (n < minUnits) {
    return { ...insufficient(n, `units rated by ${RATINGS_FOR_MEDIAN} or more raters`, minUnits), ...none };
  }
  const mean = sum / n;
  const variance = n >= 2 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : null;
  const se = variance === null ? null : Math.sqrt(variance / n);
  // A rater who always differs by the same amount has se 0: steady, so the size alone decides.
  const steady = se !== null && Math.abs(mean) >= rule.atLeastStandardErrors * se;
  return { ...known(mean, n), se, flagged: steady && Math.abs(mean) >= rule.atLeastLevels };
}

function medianOf(values: number[]): number {
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}
