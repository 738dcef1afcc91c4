import type { Random } from './seeded-random';

/**
 * Draws from a Poisson distribution with the given mean: Knuth's multiplication method below 10,
 * Hörmann's transformed rejection (PTRS, 1993) from 10 up, so the cost stays flat for large means.
 */
export function poissonVariate(mean: number, random: Random): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`Poisson mean must be ≥ 0, got ${mean}`);
  if (mean === 0) return 0;
  return mean < 10 ? poissonMultiplication(mean, random) : poissonPtrs(mean, random);
}

/**
 * A sampler for one mean: below 10 it inverts a cumulative table built once (one uniform per draw,
 * no exp), which matters when a bootstrap draws millions of Poisson(1) weights.
 */
export function poissonSampler(mean: number): (random: Random) => number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`Poisson mean must be ≥ 0, got ${mean}`);
  if (mean === 0) return () => 0;
  if (mean >= 10) return (random) => poissonPtrs(mean, random);
  const cumulative: number[] = [];
  let p = Math.exp(-mean);
  let sum = p;
  for (let k = 0; sum < 1 - 1e-15 && k < 200; k++) {
    cumulative.push(sum);
    p *= mean / (k + 1);
    sum += p;
  }
  const table = Float64Array.from(cumulative);
  const last = table.length;
  return (random) => {
    const u = random();
    let k = 0;
    while (k < last && u > table[k]!) k++;
    return k;
  };
}

function poissonMultiplication(mean: number, random: Random): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}

function poissonPtrs(mean: number, random: Random): number {
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <=
      -mean + k * logMean - logGamma(k + 1)
    ) {
      return k;
    }
  }
}

const STIRLING = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
  8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
  1.796443723688307e-1, -1.3924322169059,
];

/** ln Γ(x) for x > 0 by the Stirling series, shifted up to x ≥ 7 where the series is accurate. */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x < 7 ? 7 - Math.floor(x) : 0;
  let x0 = x + shift;
  const inverseSquare = 1 / (x0 * x0);
  let series = STIRLING[9]!;
  for (let k = 8; k >= 0; k--) series = series * inverseSquare + STIRLING[k]!;
  let result = series / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 0; k < shift; k++) {
    x0 -= 1;
    result -= Math.log(x0);
  }
  return result;
}
