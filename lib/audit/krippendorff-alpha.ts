import { known, missing, insufficient, moreNeeded, type KnownFigure, type MissingFigure } from './figure';
import { quantileOfSorted } from './descriptive-statistics';
import { DEFAULT_MINIMUMS } from './minimums';
import { poissonSampler } from './poisson-variate';
import { seededRandom } from './seeded-random';
import {
  ALPHA_METRICS,
  planFor,
  type AlphaMetric,
  type Delta,
  type MetricPlan,
} from './krippendorff-metrics';

/** How the bootstrap interval is drawn. */
export interface AlphaBootstrapOptions {
  /** Replicates drawn (default 1000). */
  replicates: number;
  /** PRNG seed: the same data and seed always give the same interval (default 1). */
  seed: number;
  /** Confidence level of the percentile interval (default 0.95). */
  level: number;
  /** The α whose shortfall probability is reported (default 0.667). */
  threshold: number;
}

/** The default bootstrap: 1000 Poisson replicates, seed 1, 95 % percentile interval. */
export const DEFAULT_ALPHA_BOOTSTRAP: Readonly<AlphaBootstrapOptions> = Object.freeze({
  replicates: 1000,
  seed: 1,
  level: 0.95,
  threshold: 0.667,
});

/** A bootstrap percentile interval for α. */
export interface AlphaInterval {
  method: 'poisson-unit-bootstrap';
  level: number;
  low: number;
  high: number;
  /** Replicates in which α was defined (the others resampled no variation and are discarded). */
  replicates: number;
  requested: number;
  seed: number;
  /** Share of replicates with α below `threshold`: Krippendorff's q, the risk of failing that limit. */
  probabilityBelow: { threshold: number; value: number };
}

/** α at one metric: n is the number of pairable units; `ci` is null with `ciReason` when not drawn. */
export type AlphaFigure = (KnownFigure & { ci: AlphaInterval | null; ciReason?: string }) | MissingFigure;

/** α at every metric, with the counts they rest on. */
export interface AlphaResult {
  /** Units with at least two known values (the only ones that carry information about agreement). */
  units: number;
  /** Known values in those units: Krippendorff's n. */
  values: number;
  nominal: AlphaFigure;
  ordinal: AlphaFigure;
  interval: AlphaFigure;
  ratio: AlphaFigure;
}

/** Options for {@link krippendorffAlpha}. */
export interface AlphaOptions {
  /** Fewer pairable units than this gives "insufficient data" (default {@link DEFAULT_MINIMUMS}.alphaUnits). */
  minUnits?: number;
  /** Fewer pairable units than this draws no interval (default {@link DEFAULT_MINIMUMS}.alphaIntervalUnits). */
  minIntervalUnits?: number;
  /** Bootstrap settings, or false for point estimates only. */
  bootstrap?: Partial<AlphaBootstrapOptions> | false;
  /** Metrics to compute (default all four); the others are reported as "not applicable". */
  metrics?: readonly AlphaMetric[];
}

/** One unit's ratings: one entry per rater, `null`/`undefined` when missing (Unknown counts as missing). */
export type UnitRatings = readonly (number | null | undefined)[];

interface Pattern {
  /** Units with exactly these value counts. */
  units: number;
  valueIndex: number[];
  valueCount: number[];
  /** Σ over ordered value pairs of oₚ,ck·δ²(c,k), per metric: this pattern's share of observed disagreement. */
  disagreement: number[];
}

/**
 * Krippendorff's α (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability") for any number
 * of raters with missing values, at the nominal, ordinal, interval and ratio metrics:
 * α = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, over the coincidence matrix of pairable values.
 * The interval is a Poisson bootstrap over units (docs/audit.md, "Bootstrap").
 */
export function krippendorffAlpha(units: readonly UnitRatings[], options: AlphaOptions = {}): AlphaResult {
  const minUnits = options.minUnits ?? DEFAULT_MINIMUMS.alphaUnits;
  const requested = options.metrics ?? ALPHA_METRICS;
  const { values, patterns, pairableUnits, pairableValues, ratersSeen } = tabulate(units);
  const base = { units: pairableUnits, values: pairableValues };
  const all = (figure: MissingFigure): AlphaResult => ({
    ...base,
    nominal: figure,
    ordinal: figure,
    interval: figure,
    ratio: figure,
  });
  if (pairableUnits === 0) {
    if (ratersSeen <= 1)
      return all(missing(0, 'one rater', 'agreement needs ratings from at least 2 raters'));
    return all({
      ...missing(0, 'insufficient data', 'no unit has ratings from 2 or more raters'),
      sufficientWhen: [moreNeeded(minUnits, 'units with 2 or more ratings')],
    });
  }
  if (pairableUnits < minUnits)
    return all(insufficient(pairableUnits, 'units with 2 or more ratings', minUnits));
  if (values.length === 1) {
    return all(
      missing(pairableUnits, 'no variation', `every rating is ${values[0]}, so chance disagreement is 0`),
    );
  }

  const marginals = new Float64Array(values.length);
  for (const pattern of patterns) {
    pattern.valueIndex.forEach((index, i) => (marginals[index]! += pattern.units * pattern.valueCount[i]!));
  }
  const plans = requested
    .filter((metric, index) => requested.indexOf(metric) === index)
    .map((metric) => planFor(metric, values, marginals));
  const usable = plans.filter((plan): plan is MetricPlan => plan !== null);
  for (const pattern of patterns)
    pattern.disagreement = usable.map((plan) => observedOf(pattern, plan.delta));

  const weights = patterns.map((pattern) => pattern.units);
  const points = alphasFor(patterns, weights, usable, values.length);
  const bootstrap = options.bootstrap === false ? null : { ...DEFAULT_ALPHA_BOOTSTRAP, ...options.bootstrap };
  const minIntervalUnits = options.minIntervalUnits ?? DEFAULT_MINIMUMS.alphaIntervalUnits;
  const tooFewForInterval = pairableUnits < minIntervalUnits;
  const intervals =
    bootstrap && !tooFewForInterval ? bootstrapIntervals(patterns, usable, values.length, bootstrap) : null;

  const figureFor = (metric: AlphaMetric): AlphaFigure => {
    if (!requested.includes(metric))
      return missing(pairableUnits, 'not applicable', `the ${metric} metric was not requested`);
    const index = usable.findIndex((plan) => plan.metric === metric);
    if (index < 0) {
      return missing(
        pairableUnits,
        'not applicable',
        `the ${metric} metric needs values ≥ 0, and some are negative`,
      );
    }
    const point = points[index];
    if (point === null || point === undefined) {
      return missing(pairableUnits, 'no variation', `no two pairable values differ at the ${metric} metric`);
    }
    const figure = known(point, pairableUnits);
    if (bootstrap && tooFewForInterval) {
      return {
        ...figure,
        ci: null,
        ciReason: `insufficient data: ${pairableUnits} units with 2 or more ratings for an interval (minimum ${minIntervalUnits})`,
      };
    }
    if (!intervals) return { ...figure, ci: null, ciReason: 'not applicable: bootstrap not requested' };
    const interval = intervals[index]!;
    return typeof interval === 'string'
      ? { ...figure, ci: null, ciReason: interval }
      : { ...figure, ci: interval };
  };
  return {
    ...base,
    nominal: figureFor('nominal'),
    ordinal: figureFor('ordinal'),
    interval: figureFor('interval'),
    ratio: figureFor('ratio'),
  };
}

function tabulate(units: readonly UnitRatings[]) {
  const distinct = new Set<number>();
  const pairable: UnitRatings[] = [];
  let ratersSeen = 0;
  let pairableValues = 0;
  for (const unit of units) {
    let count = 0;
    for (let rater = 0; rater < unit.length; rater++) {
      const value = unit[rater];
      if (value === null || value === undefined) continue;
      if (!Number.isFinite(value)) throw new RangeError(`rating values must be finite numbers, got ${value}`);
      count++;
      if (rater + 1 > ratersSeen) ratersSeen = rater + 1;
    }
    if (count < 2) continue;
    for (const value of unit) if (value !== null && value !== undefined) distinct.add(value);
    pairable.push(unit);
    pairableValues += count;
  }
  const values = [...distinct].sort((a, b) => a - b);
  const indexOf = new Map(values.map((value, index) => [value, index]));
  const byKey = new Map<number | string, Pattern>();
  const base = values.length + 1;
  const bitsPerValue = Math.log2(base);
  const indices: number[] = [];
  for (const unit of pairable) {
    indices.length = 0;
    for (const value of unit) {
      if (value === null || value === undefined) continue;
      // Insertion sort: units hold a handful of values.
      const index = indexOf.get(value)!;
      let at = indices.length;
      indices.push(index);
      while (at > 0 && indices[at - 1]! > index) {
        indices[at] = indices[at - 1]!;
        at--;
      }
      indices[at] = index;
    }
    // A unit's pattern is its sorted value indices; as a number while that fits in 52 bits.
    let key: number | string;
    if (indices.length * bitsPerValue <= 52) {
      key = 0;
      for (const index of indices) key = key * base + index + 1;
    } else key = indices.join(',');
    const pattern = byKey.get(key);
    if (pattern) {
      pattern.units++;
      continue;
    }
    const valueIndex: number[] = [];
    const valueCount: number[] = [];
    for (const index of indices) {
      if (valueIndex.at(-1) === index) valueCount[valueCount.length - 1]!++;
      else {
        valueIndex.push(index);
        valueCount.push(1);
      }
    }
    byKey.set(key, { units: 1, valueIndex, valueCount, disagreement: [] });
  }
  return {
    values,
    patterns: [...byKey.values()],
    pairableUnits: pairable.length,
    pairableValues,
    ratersSeen,
  };
}

function observedOf(pattern: Pattern, delta: Delta): number {
  const m = pattern.valueCount.reduce((sum, count) => sum + count, 0);
  let sum = 0;
  for (let i = 0; i < pattern.valueIndex.length; i++) {
    for (let j = i + 1; j < pattern.valueIndex.length; j++) {
      sum +=
        2 *
        pattern.valueCount[i]! *
        pattern.valueCount[j]! *
        delta(pattern.valueIndex[i]!, pattern.valueIndex[j]!);
    }
  }
  return sum / (m - 1);
}

/** α per metric for patterns weighted by unit counts; null where the expected disagreement is 0. */
function alphasFor(
  patterns: readonly Pattern[],
  weights: ArrayLike<number>,
  plans: readonly MetricPlan[],
  size: number,
): (number | null)[] {
  const marginals = new Float64Array(size);
  const observed = new Float64Array(plans.length);
  let n = 0;
  for (let p = 0; p < patterns.length; p++) {
    const weight = weights[p]!;
    if (weight === 0) continue;
    const pattern = patterns[p]!;
    for (let i = 0; i < pattern.valueIndex.length; i++) {
      const count = weight * pattern.valueCount[i]!;
      marginals[pattern.valueIndex[i]!]! += count;
      n += count;
    }
    for (let m = 0; m < plans.length; m++) observed[m]! += weight * pattern.disagreement[m]!;
  }
  let present = 0;
  for (const count of marginals) if (count > 0) present++;
  // With one value left there is no chance disagreement: α is 0/0, whatever rounding says.
  if (present < 2) return plans.map(() => null);
  return plans.map((plan, m) => {
    const expected = plan.expected(marginals);
    if (!(expected > 0)) return null;
    return 1 - ((n - 1) * observed[m]!) / expected;
  });
}

function bootstrapIntervals(
  patterns: readonly Pattern[],
  plans: readonly MetricPlan[],
  size: number,
  options: AlphaBootstrapOptions,
): (AlphaInterval | string)[] {
  const random = seededRandom(options.seed);
  const draws = plans.map(() => [] as number[]);
  const weights = new Float64Array(patterns.length);
  const samplers = new Map<number, (random: () => number) => number>();
  const samplerOf = patterns.map((pattern) => {
    let sampler = samplers.get(pattern.units);
    if (!sampler) {
      sampler = poissonSampler(pattern.units);
      samplers.set(pattern.units, sampler);
    }
    return sampler;
  });
  for (let r = 0; r < options.replicates; r++) {
    let units = 0;
    for (let p = 0; p < patterns.length; p++) {
      weights[p] = samplerOf[p]!(random);
      units += weights[p]!;
    }
    if (units < 2) continue;
    alphasFor(patterns, weights, plans, size).forEach((alpha, m) => {
      if (alpha !== null) draws[m]!.push(alpha);
    });
  }
  const needed = Math.max(100, Math.ceil(options.replicates / 2));
  return draws.map((sample) => {
    if (sample.length < needed) {
      return `insufficient data: α was defined in ${sample.length} of ${options.replicates} bootstrap replicates (minimum ${needed})`;
    }
    const sorted = Float64Array.from(sample).sort();
    const tail = (1 - options.level) / 2;
    let below = 0;
    for (const alpha of sorted) if (alpha < options.threshold) below++;
    return {
      method: 'poisson-unit-bootstrap',
      level: options.level,
      low: quantileOfSorted(sorted, tail)!,
      high: quantileOfSorted(sorted, 1 - tail)!,
      replicates: sorted.length,
      requested: options.replicates,
      seed: options.seed,
      probabilityBelow: { threshold: options.threshold, value: below / sorted.length },
    };
  });
}
