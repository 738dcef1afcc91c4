import type { AuditReport } from './audit-report';
import { formatMoreNeeded, type Figure } from './figure';
import { plural } from './format-numbers';

/**
 * What data a section lacks, in words a manager can act on: which file to import, or what the
 * files must contain. Null when the section has what it needs (individual figures may still be
 * "insufficient data", with their own reasons).
 */

/** Agreement (α, κ, ICC) needs several raters on the same deals. */
export function agreementGap(report: AuditReport): string | null {
  const raters = report.counts.raters;
  const minimum = report.minimums.alphaUnits;
  if (report.counts.scores === 0) {
    return 'Agreement needs ratings: import rep bundles or a ratings CSV from at least 2 raters who scored the same deals.';
  }
  if (raters < 2) {
    const who = report.raters[0] ? ` (${report.raters[0].id})` : '';
    return `Agreement needs at least 2 raters scoring the same deals; you have 1 rater${who}. Import the other reps' bundles, or a ratings CSV from a calibration session.`;
  }
  const units = Math.max(0, ...report.criteria.map((c) => c.agreement.units));
  if (units === 0) {
    return `Agreement needs at least 2 raters scoring the same deals; your ${raters} raters have no deal in common with a known (not Unknown) rating. Have them score the same deals, or run a calibration session.`;
  }
  const short = report.criteria.filter((c) => c.agreement.units < minimum);
  if (short.length > 0) {
    return `Krippendorff's α needs at least ${minimum} deals rated by 2 or more raters; ${short
      .map((c) => `${c.id} has ${c.agreement.units}`)
      .join(', ')}.`;
  }
  return null;
}

/** Rater bias compares each rater with the others on shared deals. */
export function biasGap(report: AuditReport): string | null {
  if (report.counts.raters === 0) return 'Rater bias needs ratings from at least 2 raters.';
  if (report.counts.raters < 2) {
    return `Rater bias compares each rater with the others on the same deals; you have 1 rater (${report.raters[0]!.id}).`;
  }
  const anyBias = report.raters.some((r) => Object.values(r.bias).some((b) => b.value !== null));
  if (!anyBias) {
    return `Rater bias needs at least ${report.minimums.biasUnits} deals that a rater shares with another rater; no rater has that many yet.`;
  }
  return null;
}

/** Score distributions need totals. */
export function distributionGap(report: AuditReport): string | null {
  if (report.raters.length === 0)
    return 'Score distributions need scores: import rep bundles or a ratings CSV.';
  if (report.raters.every((r) => r.totals.n === 0)) {
    return 'No score has a total. Totals of a ratings CSV need a definitions file, or at least one criterion with more than one level in the data.';
  }
  return null;
}

/** Predictive validity needs outcomes that match scored deals. */
export function predictiveGap(report: AuditReport): string | null {
  const { outcomes, closedDealsScored } = report.counts;
  if (outcomes === 0) {
    return 'Predictive validity needs an outcomes CSV (header deal,outcome; outcome is won or lost). None is imported.';
  }
  if (closedDealsScored === 0) {
    return `None of the ${plural(outcomes, 'deal')} in the outcomes file has a deal score. Its deal column must hold the scored deals' keys or CRM record ids (calibration cases have no outcome).`;
  }
  const { won, lost } = report.total.predictive;
  const minimum = report.minimums.aucPerOutcome;
  if (won < minimum || lost < minimum) {
    return `AUC needs at least ${minimum} won and ${minimum} lost closed deals with scores; you have ${won} won and ${lost} lost.${wayForward(report.total.predictive.auc)}`;
  }
  return null;
}

/** " 3 more won deals and 1 more lost deals would make it sufficient." (empty when nothing is short). */
function wayForward(figure: Figure): string {
  const needs = figure.value === null ? (figure.sufficientWhen ?? []) : [];
  return needs.length === 0 ? '' : ` ${needs.map(formatMoreNeeded).join(' and ')} would make it sufficient.`;
}

/** Win rate by band needs the bands (from definitions). */
export function winRateGap(report: AuditReport): string | null {
  const predictive = report.total.predictive;
  if (predictive.winRateByBand === null) {
    return 'Win rate by band needs the bands of your definitions: import the definitions file, or bundles that carry their definitions (a ratings CSV has no bands).';
  }
  if (report.counts.outcomes === 0) return 'Win rate by band needs an outcomes CSV.';
  if (predictive.winRateByBand.every((band) => band.winRate.value === null)) {
    const needs = predictive.winRateByBand.flatMap((band) =>
      band.winRate.value === null ? (band.winRate.sufficientWhen ?? []) : [],
    );
    const forward = needs.length > 0 ? ` It needs ${needs.map(formatMoreNeeded).join(', ')}.` : '';
    return `Each band needs at least ${report.minimums.bandDeals} closed deals for a win rate; no band has that many yet.${forward}`;
  }
  return null;
}

/** Coverage needs the list of deals that should be scored. */
export function coverageGap(report: AuditReport): string | null {
  return report.coverage.value === null
    ? 'Coverage needs an outcomes CSV: it lists the deals that should have been scored.'
    : null;
}

/** Staleness looks at open deals (scored, not in the outcomes file) with dated scores. */
export function stalenessGap(report: AuditReport): string | null {
  return report.staleness.n === 0
    ? 'Staleness needs dated scores of open deals (scored deals that are not in the outcomes file); there are none.'
    : null;
}

/** Segment slices need extra columns in the outcomes file. */
export function segmentGap(report: AuditReport): string | null {
  if (report.slices.some((slice) => slice.by === 'segment') || report.slicesSkipped.length > 0) return null;
  return report.counts.outcomes === 0
    ? 'Slices by segment need an outcomes CSV with extra columns (for example region, lead_source, team).'
    : 'Slices by segment need extra columns in the outcomes CSV (for example region, lead_source, team); yours has only deal and outcome.';
}

/** Why the closed loop names nothing, when it does not. */
export function closedLoopGap(report: AuditReport): { rewrite: string; reweight: string } {
  const t = report.closedLoop.thresholds;
  const alphaReady = report.criteria.filter(
    (c) => c.agreement.alpha.ordinal.value !== null && c.agreement.alpha.ordinal.n >= t.rewriteMinUnits,
  );
  const aucReady = report.criteria.filter(
    (c) =>
      c.predictive.auc.value !== null &&
      c.predictive.auc.positives >= t.reweightMinPerOutcome &&
      c.predictive.auc.negatives >= t.reweightMinPerOutcome,
  );
  const mostUnits = Math.max(0, ...report.criteria.map((c) => c.agreement.alpha.ordinal.n));
  const raterCaused = report.closedLoop.raterNotWording;
  return {
    rewrite:
      alphaReady.length === 0
        ? `Not judged yet: a criterion is judged once its ordinal α rests on at least ${t.rewriteMinUnits} deals; none does${mostUnits < t.rewriteMinUnits ? ` (${formatMoreNeeded({ need: t.rewriteMinUnits - mostUnits, of: 'deals or calibration cases rated by 2 or more raters' })} would do it)` : ''}.`
        : raterCaused.length > 0
          ? `No criterion to rewrite: the low α of ${raterCaused.map((item) => `${item.criterion} (${item.rater})`).join(', ')} is one rater's, not the wording's; every other criterion judged has ordinal α of at least ${t.rewriteAlphaBelow}.`
          : `No criterion to rewrite: every criterion judged (${alphaReady.map((c) => c.id).join(', ')}) has ordinal α of at least ${t.rewriteAlphaBelow}.`,
    reweight:
      aucReady.length === 0
        ? `Not judged yet: a criterion is judged once it has at least ${t.reweightMinPerOutcome} won and ${t.reweightMinPerOutcome} lost closed deals; you have ${report.total.predictive.won} won and ${report.total.predictive.lost} lost.`
        : `No criterion to reweight: every criterion judged (${aucReady.map((c) => c.id).join(', ')}) has an AUC of at least ${0.5 + t.reweightAucWithin}.`,
  };
}
