import { formatMoreNeeded, moreNeeded, type MoreNeeded } from './figure';
import type { AlphaFigure, AlphaInterval } from './krippendorff-alpha';
import type { AucFigure } from './mann-whitney-auc';
import { DEFAULT_CLOSED_LOOP, type ClosedLoopThresholds } from './minimums';

/** Ordinal α of a criterion recomputed without one rater flagged as biased on it. */
export interface AlphaWithoutRater {
  rater: string;
  /** Null when too few units are left without the rater (then it cannot clear the wording). */
  alpha: number | null;
  units: number;
  /** α without the rater reaches the rewrite threshold: the rater, not the wording, explains the low α. */
  recovers: boolean;
}

/** A criterion whose definitions should be rewritten: reps do not apply them alike. */
export interface RewriteItem {
  criterion: string;
  /** Ordinal α and the units it rests on. */
  alpha: number;
  units: number;
  /** `units` split: real deals and calibration cases. */
  deals: number;
  calibrationCases: number;
  ci: AlphaInterval | null;
  why: string;
  /** α without each rater flagged on this criterion; none recovers (else the item is a rater finding). */
  withoutFlaggedRater: AlphaWithoutRater[];
  /**
   * Set when no rater was flagged and α rests on fewer than `raterCheckMinUnits` units: the wording
   * is at fault, but a rater a level off beside it would not show yet; this many more would tell.
   */
  raterCheckSufficientWhen?: MoreNeeded[];
}

/** A criterion whose low α one flagged rater explains: talk to the rater, leave the wording. */
export interface RaterNotWordingItem {
  criterion: string;
  /** The rater without whom α recovers (the one with the highest α without them). */
  rater: string;
  alpha: number;
  units: number;
  deals: number;
  calibrationCases: number;
  alphaWithoutRater: number;
  unitsWithoutRater: number;
  why: string;
  /** Every flagged rater that was tried. */
  withoutFlaggedRater: AlphaWithoutRater[];
}

/** A criterion whose weight should be revisited: its levels do not separate won from lost. */
export interface ReweightItem {
  criterion: string;
  auc: number;
  won: number;
  lost: number;
  ci: { level: number; low: number; high: number } | null;
  why: string;
}

/** What the audit tells the definitions owner to change. */
export interface ClosedLoop {
  thresholds: ClosedLoopThresholds;
  /** Criteria whose wording should be rewritten (no flagged rater explains their low α). */
  rewrite: RewriteItem[];
  reweight: ReweightItem[];
  /** Criteria below the rewrite threshold only because of one flagged rater: no rewrite. */
  raterNotWording: RaterNotWordingItem[];
}

/** One criterion's agreement and predictive figures, as the closed loop reads them. */
export interface ClosedLoopCriterion {
  id: string;
  /** Ordinal α: levels are ordered, so ordinal is the metric that matches how they are used. */
  alpha: AlphaFigure;
  auc: AucFigure;
  /** How many of α's units are calibration cases (the rest are deals); default 0. */
  calibrationCases?: number;
  /** Ordinal α without each rater flagged as biased on this criterion (bootstrap not needed). */
  withoutFlaggedRater?: readonly { rater: string; alpha: AlphaFigure }[];
}

/**
 * Rewrite: ordinal α below `rewriteAlphaBelow` on at least `rewriteMinUnits` units, unless α without
 * one flagged rater reaches the threshold: then the criterion is listed under `raterNotWording`.
 * A rewrite on fewer than `raterCheckMinUnits` units with no rater flagged says what would tell more.
 * Reweight: |AUC − 0.5| < `reweightAucWithin` with at least `reweightMinPerOutcome` won and lost deals
 * each; a criterion at or below 0.5 − that margin predicts losing and is listed too.
 */
export function closedLoop(
  criteria: readonly ClosedLoopCriterion[],
  overrides: Partial<ClosedLoopThresholds> = {},
): ClosedLoop {
  const thresholds = { ...DEFAULT_CLOSED_LOOP, ...overrides };
  const rewrite: RewriteItem[] = [];
  const reweight: ReweightItem[] = [];
  const raterNotWording: RaterNotWordingItem[] = [];
  for (const { id, alpha, auc, calibrationCases = 0, withoutFlaggedRater = [] } of criteria) {
    if (
      alpha.value !== null &&
      alpha.n >= thresholds.rewriteMinUnits &&
      alpha.value < thresholds.rewriteAlphaBelow
    ) {
      const deals = alpha.n - calibrationCases;
      const checks: AlphaWithoutRater[] = withoutFlaggedRater.map(({ rater, alpha: without }) => ({
        rater,
        alpha: without.value,
        units: without.n,
        recovers: without.value !== null && without.value >= thresholds.rewriteAlphaBelow,
      }));
      const best = checks.filter((check) => check.recovers).sort((a, b) => b.alpha! - a.alpha!)[0];
      const counted = unitsInWords(deals, calibrationCases);
      const base = { criterion: id, alpha: alpha.value, units: alpha.n, deals, calibrationCases };
      if (best) {
        raterNotWording.push({
          ...base,
          rater: best.rater,
          alphaWithoutRater: best.alpha!,
          unitsWithoutRater: best.units,
          why: `ordinal α ${alpha.value.toFixed(3)} on ${counted}, ${best.alpha!.toFixed(3)} without ${best.rater} (≥ ${thresholds.rewriteAlphaBelow}): ${best.rater} rates differently, the wording is not at fault`,
          withoutFlaggedRater: checks,
        });
      } else {
        const shortOfRaterCheck = checks.length === 0 && alpha.n < thresholds.raterCheckMinUnits;
        const more = moreNeeded(thresholds.raterCheckMinUnits - alpha.n, RATER_CHECK_UNITS);
        rewrite.push({
          ...base,
          ci: alpha.ci,
          why:
            `ordinal α ${alpha.value.toFixed(3)} < ${thresholds.rewriteAlphaBelow} on ${counted}` +
            (shortOfRaterCheck
              ? `; no rater stands out yet, and ${formatMoreNeeded(more)} would show whether one also rates a level off`
              : ''),
          withoutFlaggedRater: checks,
          ...(shortOfRaterCheck ? { raterCheckSufficientWhen: [more] } : {}),
        });
      }
    }
    const enough =
      auc.positives >= thresholds.reweightMinPerOutcome && auc.negatives >= thresholds.reweightMinPerOutcome;
    if (auc.value === null || !enough) continue;
    // The epsilon keeps a boundary value such as 0.6 outside "within 0.1" despite 0.6 − 0.5 = 0.0999….
    const distance = auc.value - 0.5;
    const near = Math.abs(distance) < thresholds.reweightAucWithin - 1e-12;
    if (near || distance <= -thresholds.reweightAucWithin) {
      reweight.push({
        criterion: id,
        auc: auc.value,
        won: auc.positives,
        lost: auc.negatives,
        ci: auc.ci,
        why:
          distance <= -thresholds.reweightAucWithin
            ? `AUC ${auc.value.toFixed(3)}: higher levels go with losing`
            : `AUC ${auc.value.toFixed(3)} is within ${thresholds.reweightAucWithin} of 0.5 (chance)`,
      });
    }
  }
  return { thresholds, rewrite, reweight, raterNotWording };
}

/** What the rater check needs more of: deals and calibration cases count alike. */
const RATER_CHECK_UNITS = 'deals or calibration cases rated by 2 or more raters';

/** "15 deals and 3 calibration cases": the two are never added up under one name. */
export function unitsInWords(deals: number, calibrationCases: number): string {
  const dealText = `${deals} deal${deals === 1 ? '' : 's'}`;
  if (calibrationCases === 0) return dealText;
  return `${dealText} and ${calibrationCases} calibration case${calibrationCases === 1 ? '' : 's'}`;
}
