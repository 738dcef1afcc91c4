import { known, missing, moreNeeded, type Figure, type MoreNeeded } from './figure';
import { DEFAULT_MINIMUMS } from './minimums';
import { criticalValue } from './normal-quantile';

/** AUC with its class counts and Hanley–McNeil interval; n = positives + negatives. */
export type AucFigure = Figure & {
  positives: number;
  negatives: number;
  /** Mann–Whitney U of the positives (pairs won, ties counted ½). */
  u: number | null;
  /** Hanley & McNeil (1982) standard error, and its interval on the logit scale. */
  se: number | null;
  ci: { level: number; low: number; high: number } | null;
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
  let positiveRanks = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    const midrank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) if (order[i]! < n1) positiveRanks += midrank;
    start = end;
  }
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
    ci: logitInterval(auc, se, n1 * n0, level),
  };
}

/**
 * The Hanley–McNeil interval on the logit scale, mapped back: it stays inside (0, 1) and keeps
 * its promised coverage at small n, where the plain normal interval falls short (docs/audit.md,
 * "Checked by simulation"). An AUC of 0 or 1 is moved half a pair inwards, and the standard
 * error is at least that of a proportion over the `pairs`, so a perfect split still has a width.
 */
function logitInterval(auc: number, se: number, pairs: number, level: number) {
  const z = criticalValue(level);
  const inside = Math.min(1 - 0.5 / pairs, Math.max(0.5 / pairs, auc));
  const spread = inside * (1 - inside);
  const logitSe = Math.max(se, Math.sqrt(spread / pairs)) / spread;
  const centre = Math.log(inside / (1 - inside));
  const back = (x: number) => 1 / (1 + Math.exp(-x));
  return { level, low: back(centre - z * logitSe), high: back(centre + z * logitSe) };
}

/** The un-thresholded AUC helper for golden tests and callers that apply their own minimums. */
export function aucValue(positives: readonly number[], negatives: readonly number[]): number | null {
  return mannWhitneyAuc(positives, negatives, { minPerClass: 1 }).value;
}
