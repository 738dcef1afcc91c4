import { known, missing, moreNeeded, type Figure, type MoreNeeded } from './figure';
import { DEFAULT_MINIMUMS } from './minimums';
import { criticalValue } from './normal-quantile';

/** AUC with its class counts, standard errors and interval; n = positives + negatives. */
export type AucFigure = Figure & {
  positives: number;
  negatives: number;
  /** Mann–Whitney U of the positives (pairs won, ties counted ½). */
  u: number | null;
  /** Hanley & McNeil (1982) standard error. */
  se: number | null;
  /** Newcombe's (2006) score-type interval (docs/audit.md, "Predictive validity"). */
  ci: { level: number; low: number; high: number; method?: 'newcombe' } | null;
};

/**
 * Area under the ROC curve as the Mann–Whitney probability that a random positive scores above a
 * random negative, ties counted ½: AUC = (R₊ − n₊(n₊ + 1)/2) / (n₊·n₋), R₊ the positives' midrank sum.
 */
export function mannWhitneyAuc(
  positives: readonly number[],
  negatives: readonly number[],
  options: { minPerClass?: number; level?: number } = {},
): AucFigure {
  const minPerClass = options.minPerClass ?? DEFAULT_MINIMUMS.aucPerOutcome;
  const level = options.level ?? 0.95;
  const n1 = positives.length;
  const n0 = negatives.length;
  const none = { positives: n1, negatives: n0, u: null, se: null, ci: null };
  const n = n1 + n0;
  if (Math.min(n1, n0) < minPerClass) {
    const short = n1 < n0 ? `${n1} won` : `${n0} lost`;
    const sufficientWhen: MoreNeeded[] = [];
    if (n1 < minPerClass) sufficientWhen.push(moreNeeded(minPerClass - n1, 'won deals'));
    if (n0 < minPerClass) sufficientWhen.push(moreNeeded(minPerClass - n0, 'lost deals'));
    return {
      ...missing(
        n,
        'insufficient data',
        `${short} deals (minimum ${minPerClass} won and ${minPerClass} lost)`,
      ),
      sufficientWhen,
      ...none,
    };
  }
  const values = new Float64Array(n);
  values.set(positives, 0);
  values.set(negatives, n1);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]!);
  const midranks = midranksOf(values, order);
  let positiveRanks = 0;
  for (let i = 0; i < n1; i++) positiveRanks += midranks[i]!;
  if (values[order[0]!] === values[order[n - 1]!]) {
    return { ...missing(n, 'no variation', `every deal has the same value (${values[0]})`), ...none };
  }
  const u = positiveRanks - (n1 * (n1 + 1)) / 2;
  const auc = u / (n1 * n0);
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance = (auc * (1 - auc) + (n1 - 1) * (q1 - auc * auc) + (n0 - 1) * (q2 - auc * auc)) / (n1 * n0);
  const se = Math.sqrt(Math.max(0, variance));
  return {
    ...known(auc, n),
    positives: n1,
    negatives: n0,
    u,
    se,
    ci: newcombeAucInterval(auc, n1, n0, level),
  };
}

/** Midranks (1-based, ties sharing their mean rank) of `values`, given their ascending `order`. */
function midranksOf(values: Float64Array, order: Uint32Array): Float64Array {
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const midrank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i]!] = midrank;
    start = end;
  }
  return ranks;
}

/**
 * Newcombe (2006, Statistics in Medicine 25:559–573) method 5: the AUCs θ with
 * (AUC − θ)² = z²·V(θ), where V(θ) = θ(1 − θ)(1 + N*(1 − θ)/(2 − θ) + N*θ/(1 + θ))/(n₁n₀) is the
 * Hanley–McNeil variance at θ with N* = (n₁ + n₀)/2 − 1. Like Wilson's interval for a proportion it
 * is inverted rather than centred on the estimate, so it stays inside [0, 1] and keeps a width at 0 and 1.
 */
export function newcombeAucInterval(auc: number, n1: number, n0: number, level = 0.95) {
  const z2 = criticalValue(level) ** 2;
  const half = (n1 + n0) / 2 - 1;
  const excess = (theta: number) =>
    (auc - theta) ** 2 -
    (z2 * theta * (1 - theta) * (1 + (half * (1 - theta)) / (2 - theta) + (half * theta) / (1 + theta))) /
      (n1 * n0);
  // excess ≤ 0 at θ = AUC and ≥ 0 at 0 and 1 (V vanishes there): each bound is the one crossing between.
  const crossing = (inside: number, outside: number) => {
    if (inside === outside) return outside;
    let a = inside;
    let b = outside;
    for (let i = 0; i < 60; i++) {
      const middle = (a + b) / 2;
      if (excess(middle) <= 0) a = middle;
      else b = middle;
    }
    return (a + b) / 2;
  };
  return { level, low: crossing(auc, 0), high: crossing(auc, 1), method: 'newcombe' as const };
}

/** The un-thresholded AUC helper for golden tests and callers that apply their own minimums. */
export function aucValue(positives: readonly number[], negatives: readonly number[]): number | null {
  return mannWhitneyAuc(positives, negatives, { minPerClass: 1 }).value;
}
