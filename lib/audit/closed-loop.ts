import type { AlphaFigure, AlphaInterval } from './krippendorff-alpha';
import type { AucFigure } from './mann-whitney-auc';
import { DEFAULT_CLOSED_LOOP, type ClosedLoopThresholds } from './minimums';

/** A criterion whose definitions should be rewritten: reps do not apply them alike. */
export interface RewriteItem {
  criterion: string;
  /** Ordinal α and the units it rests on. */
  alpha: number;
  units: number;
  ci: AlphaInterval | null;
  why: string;
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
  rewrite: RewriteItem[];
  reweight: ReweightItem[];
}

/** One criterion's agreement and predictive figures, as the closed loop reads them. */
export interface ClosedLoopCriterion {
  id: string;
  /** Ordinal α: levels are ordered, so ordinal is the metric that matches how they are used. */
  alpha: AlphaFigure;
  auc: AucFigure;
}

/**
 * Rewrite: ordinal α below `rewriteAlphaBelow` on at least `rewriteMinUnits` units.
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
  for (const { id, alpha, auc } of criteria) {
    if (
      alpha.value !== null &&
      alpha.n >= thresholds.rewriteMinUnits &&
      alpha.value < thresholds.rewriteAlphaBelow
    ) {
      rewrite.push({
        criterion: id,
        alpha: alpha.value,
        units: alpha.n,
        ci: alpha.ci,
        why: `ordinal α ${alpha.value.toFixed(3)} < ${thresholds.rewriteAlphaBelow} on ${alpha.n} deals`,
      });
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
  return { thresholds, rewrite, reweight };
}
