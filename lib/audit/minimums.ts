/**
 * Below these counts a figure is reported as "insufficient data" instead of a noisy number.
 * docs/audit.md explains each one.
 */
export interface Minimums {
  /** Krippendorff's α: units (deals) with at least two known ratings. */
  alphaUnits: number;
  /** α's bootstrap interval: units; below it the percentile bootstrap covers too rarely. */
  alphaIntervalUnits: number;
  /** Fleiss' κ: units, each with the same number of ratings. */
  kappaUnits: number;
  /** ICC: units rated by every rater. */
  iccUnits: number;
  /** Rater bias: units where the rater and at least one other rater gave a known rating. */
  biasUnits: number;
  /** Drift slope: dated deviations, spread over at least two time windows. */
  driftDeviations: number;
  /** Drift per window: deviations in the window. */
  driftWindowDeviations: number;
  /** AUC: won deals and, separately, lost deals. */
  aucPerOutcome: number;
  /** Win rate of one band: closed deals in the band. */
  bandDeals: number;
  /** Brier score: closed deals with a band. */
  brierDeals: number;
  /** Manager agreement of one criterion: rep–manager comparisons where both levels are known. */
  managerComparisons: number;
}

/** The documented defaults (docs/audit.md, "Minimums"). */
export const DEFAULT_MINIMUMS: Readonly<Minimums> = Object.freeze({
  alphaUnits: 5,
  alphaIntervalUnits: 20,
  kappaUnits: 5,
  iccUnits: 5,
  biasUnits: 5,
  driftDeviations: 10,
  driftWindowDeviations: 3,
  aucPerOutcome: 5,
  bandDeals: 5,
  brierDeals: 10,
  managerComparisons: 5,
});

/** When a rater's robust bias is large and steady enough to name the rater in a finding. */
export interface BiasFlagRule {
  /** |bias| of at least this many levels… */
  atLeastLevels: number;
  /** …and at least this many standard errors from 0. */
  atLeastStandardErrors: number;
}

/** The documented flag rule (docs/audit.md, "Rater versus wording"), checked by `npm run audit:simulate`. */
export const DEFAULT_BIAS_FLAG: Readonly<BiasFlagRule> = Object.freeze({
  atLeastLevels: 0.5,
  atLeastStandardErrors: 3,
});

/** The closed-loop thresholds: when a criterion should be rewritten or reweighted. */
export interface ClosedLoopThresholds {
  /** Rewrite when ordinal α is below this (Krippendorff's lowest limit for tentative conclusions). */
  rewriteAlphaBelow: number;
  /** …and α rests on at least this many units (below it a lenient rater alone is too often taken for the wording). */
  rewriteMinUnits: number;
  /** Below this many units a rewrite whose check found no flagged rater says that a rater could still be part of it. */
  raterCheckMinUnits: number;
  /** Reweight when |AUC − 0.5| is below this… */
  reweightAucWithin: number;
  /** …with at least this many won and this many lost deals. */
  reweightMinPerOutcome: number;
}

/** The documented closed-loop defaults (docs/audit.md, "Closed loop"). */
export const DEFAULT_CLOSED_LOOP: Readonly<ClosedLoopThresholds> = Object.freeze({
  rewriteAlphaBelow: 0.667,
  rewriteMinUnits: 18,
  raterCheckMinUnits: 40,
  reweightAucWithin: 0.1,
  reweightMinPerOutcome: 20,
});
