import type { AuditInput } from './audit-input';
import { closedValues, historyGroups, indexAuditInput, latestGroups } from './audit-index';
import type { AuditOptions, AuditReport, CriterionAudit } from './audit-report';
import { closedLoop } from './closed-loop';
import { coverage } from './coverage';
import { dealMovement } from './deal-movement';
import { managerAgreement } from './manager-agreement';
import { DEFAULT_BIAS_FLAG, DEFAULT_MINIMUMS, type Minimums } from './minimums';
import { criterionAgreement, ordinalAlphaWithoutRater, totalAgreement } from './sections/agreement-section';
import { predictiveOf, totalPredictive } from './sections/predictive-section';
import { ratersOf } from './sections/rater-section';
import { slicesOf } from './sections/slice-section';
import { openDealStaleness } from './sections/staleness-section';

/**
 * Runs the whole audit: agreement (α, κ, ICC), rater bias and drift, predictive validity, coverage,
 * staleness, slices and the closed loop. Pure and deterministic for a given input and options.
 */
export function runAudit(input: AuditInput, options: AuditOptions): AuditReport {
  const minimums: Minimums = { ...DEFAULT_MINIMUMS, ...options.minimums };
  const asOf = typeof options.asOf === 'number' ? options.asOf : options.asOf.getTime();
  const data = indexAuditInput(input);
  const { scores, criteria } = data;
  const latestAll = latestGroups(data, () => true);
  const latestDeal = latestGroups(data, (s) => scores[s]!.context === 'deal');
  const outcomeByDeal = new Map<number, boolean>();
  for (const outcome of input.outcomes) {
    const deal = data.dealIndex.get(outcome.deal);
    if (deal !== undefined) outcomeByDeal.set(deal, outcome.won);
  }
  const history = historyGroups(data);

  const criterionAudits: CriterionAudit[] = criteria.map((criterion, c) => ({
    id: criterion,
    agreement: criterionAgreement(data, latestAll, c, minimums, options.bootstrap),
    predictive: predictiveOf(
      closedValues(latestDeal, outcomeByDeal, (s) => data.levels[s * criteria.length + c]!),
      minimums,
    ),
  }));

  const biasFlag = { ...DEFAULT_BIAS_FLAG, ...options.biasFlag };
  const raters = ratersOf(data, latestAll, history, minimums, biasFlag);
  const raterIndex = new Map(data.raters.map((rater, r) => [rater, r]));
  const flaggedOn = (criterion: string) =>
    raters.filter((rater) => rater.robustBias[criterion]?.flagged).map((rater) => rater.id);

  const totalValues = closedValues(latestDeal, outcomeByDeal, (s) => scores[s]!.total ?? NaN);
  const report: AuditReport = {
    asOf: new Date(asOf).toISOString(),
    counts: {
      scores: scores.length,
      ratings: data.ratings,
      raters: data.raters.length,
      deals: new Set(scores.filter((s) => s.context === 'deal').map((s) => s.deal)).size,
      calibrationUnits: new Set(scores.filter((s) => s.context === 'calibration').map((s) => s.deal)).size,
      outcomes: input.outcomes.length,
      closedDealsScored: totalValues.length,
    },
    minimums,
    biasFlag,
    criteria: criterionAudits,
    total: {
      agreement: totalAgreement(data, latestAll, minimums, options.bootstrap),
      predictive: totalPredictive(totalValues, input.bands ?? null, minimums),
    },
    raters,
    coverage: coverage(
      input.outcomes.map((outcome) => outcome.deal),
      new Set(scores.filter((s) => s.context === 'deal').map((s) => s.deal)),
    ),
    staleness: openDealStaleness(data, latestDeal, outcomeByDeal, asOf, input.staleAfterDays ?? 30),
    slices: [],
    slicesSkipped: [],
    managerAgreement: managerAgreement(input.scores, criteria, minimums.managerComparisons),
    dealMovement: dealMovement(
      input.scores,
      new Set(input.outcomes.map((outcome) => outcome.deal)),
      minimums.managerComparisons,
    ),
    closedLoop: closedLoop(
      criterionAudits.map((audit, c) => ({
        id: audit.id,
        alpha: audit.agreement.alpha.ordinal,
        auc: audit.predictive.auc,
        calibrationCases: audit.agreement.calibrationCases,
        withoutFlaggedRater: flaggedOn(audit.id).map((rater) => ({
          rater,
          alpha: ordinalAlphaWithoutRater(data, latestAll, c, raterIndex.get(rater)!, minimums),
        })),
      })),
      options.closedLoop,
    ),
  };
  if (options.slices !== false) {
    const sliced = slicesOf(
      data,
      input,
      latestAll,
      latestDeal,
      outcomeByDeal,
      minimums,
      options.maxSegmentValues ?? 50,
    );
    report.slices = sliced.slices;
    report.slicesSkipped = sliced.skipped;
  }
  return report;
}
