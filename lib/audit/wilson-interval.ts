import { criticalValue } from './normal-quantile';

/** A confidence interval for a proportion. */
export interface ProportionInterval {
  level: number;
  low: number;
  high: number;
}

/**
 * Wilson (1927) score interval for `successes` out of `trials`:
 * (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Null when there are no trials.
 */
export function wilsonInterval(successes: number, trials: number, level = 0.95): ProportionInterval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
    throw new RangeError(
      `wilsonInterval needs 0 ≤ successes ≤ trials (integers), got ${successes}/${trials}`,
    );
  }
  if (trials === 0) return null;
  const z = criticalValue(level);
  const z2 = z * z;
  const p = successes / trials;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At p̂ = 0 or 1 the bound is exactly 0 or 1; rounding must not push it past.
  return {
    level,
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
