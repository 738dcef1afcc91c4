import { seededRandom, type Random } from '../../lib/audit/seeded-random';

/** Summary statistics over a list of samples. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

/** The q-quantile (0–1) by linear interpolation between closest ranks; NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? Number.NaN;
  const high = sorted[upper] ?? Number.NaN;
  return low + (high - low) * (position - lower);
}

/** The median of the samples. */
export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

/** Median, p95, min, max and mean of the samples. */
export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  return {
    n,
    median: median(samples),
    p95: quantile(samples, 0.95),
    min: n ? Math.min(...samples) : Number.NaN,
    max: n ? Math.max(...samples) : Number.NaN,
    mean: n ? samples.reduce((sum, value) => sum + value, 0) / n : Number.NaN,
  };
}

/** Rounds for display and JSON. */
export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function resample(samples: readonly number[], random: Random): number[] {
  return samples.map(() => samples[Math.floor(random() * samples.length)] as number);
}

/** How a bootstrap interval is drawn: its level, its resamples, and the generator (seeded, so reproducible). */
export interface BootstrapOptions {
  level?: number;
  iterations?: number;
  random?: Random;
}

function percentileBootstrap(
  statistic: (random: Random) => number,
  options: BootstrapOptions,
): { low: number; high: number } {
  const { level = 0.95, iterations = 4_000, random = seededRandom(1) } = options;
  const draws = Array.from({ length: iterations }, () => statistic(random));
  const tail = (1 - level) / 2;
  return { low: quantile(draws, tail), high: quantile(draws, 1 - tail) };
}

/**
 * A percentile-bootstrap confidence interval for the median of independent loads, resampled with
 * replacement. NaNs without samples.
 */
export function medianInterval(
  samples: readonly number[],
  options: BootstrapOptions = {},
): { low: number; high: number } {
  if (samples.length === 0) return { low: Number.NaN, high: Number.NaN };
  return percentileBootstrap((random) => median(resample(samples, random)), options);
}

/**
 * A percentile-bootstrap confidence interval for median(`after`) − median(`before`), resampling each
 * list of independent loads with replacement. NaNs when either list is empty.
 */
export function medianDifferenceInterval(
  before: readonly number[],
  after: readonly number[],
  options: BootstrapOptions = {},
): { low: number; high: number } {
  if (before.length === 0 || after.length === 0) return { low: Number.NaN, high: Number.NaN };
  return percentileBootstrap(
    (random) => median(resample(after, random)) - median(resample(before, random)),
    options,
  );
}
