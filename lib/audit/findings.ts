import type { AuditReport } from './audit-report';
import { fixed, percent, plural } from './format-numbers';
import { formatMoreNeeded, moreNeeded } from './figure';
import { unitsInWords } from './closed-loop';
import { teamDeviations, type RaterDifference } from './team-deviation';

/** How sure a finding is, in words a manager reads. */
export type Certainty = 'sure' | 'fairly sure' | 'not sure yet';

/** The part of the report a finding's evidence sits in. */
export type FindingEvidence = 'bias' | 'agreement' | 'predictive' | 'coverage' | 'closed-loop';

/** One finding: one sentence, how sure it is and why, and where its evidence is. */
export interface Finding {
  topic: 'raters' | 'criteria' | 'prediction' | 'pipeline' | 'definitions';
  sentence: string;
  certainty: Certainty;
  /** Why this certainty, in one clause ("the difference is 6 standard errors"). */
  basis: string;
  evidence: FindingEvidence;
}

/** What the findings read beside the report. */
export interface FindingsContext {
  /** Criterion id → name, from the definitions; ids are shown when a name is unknown. */
  criterionNames?: Readonly<Record<string, string>>;
}

/** Why a criterion's agreement is low: the wording, or one rater that reads it differently. */
export interface LowAgreement {
  criterion: string;
  alpha: number;
  units: number;
  /** `units` split: real deals and calibration cases. */
  deals: number;
  calibrationCases: number;
  /** The raters whose scoring alone explains (or may explain) the split. */
  raters: string[];
  /** For cause 'rater': ordinal α without that rater. */
  alphaWithoutRater?: number;
  cause: 'wording' | 'rater' | 'rater or wording';
}

const MAX_FINDINGS = 5;

/** A criterion's display name. */
export function criterionName(context: FindingsContext, id: string): string {
  return context.criterionNames?.[id] ?? id;
}

/** Joins "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function certaintyOfZ(z: number | null): Certainty {
  if (z === null) return 'not sure yet';
  if (z >= 3) return 'sure';
  if (z >= 2) return 'fairly sure';
  return 'not sure yet';
}

/**
 * Criteria whose ordinal α is below the rewrite threshold on enough units, each with its cause as
 * the closed loop established it: a flagged rater without whom α recovers (`raterNotWording`), a
 * flagged rater whose removal leaves too few units to tell, or the wording.
 */
export function lowAgreement(report: AuditReport): LowAgreement[] {
  const { rewrite, raterNotWording } = report.closedLoop;
  const byRater: LowAgreement[] = raterNotWording.map((item) => ({
    criterion: item.criterion,
    alpha: item.alpha,
    units: item.units,
    deals: item.deals,
    calibrationCases: item.calibrationCases,
    raters: [item.rater],
    alphaWithoutRater: item.alphaWithoutRater,
    cause: 'rater',
  }));
  const byWording: LowAgreement[] = rewrite.map((item) => {
    const untold = item.withoutFlaggedRater.filter((check) => check.alpha === null).map((c) => c.rater);
    return {
      criterion: item.criterion,
      alpha: item.alpha,
      units: item.units,
      deals: item.deals,
      calibrationCases: item.calibrationCases,
      raters: untold,
      cause: untold.length > 0 ? 'rater or wording' : 'wording',
    };
  });
  const order = new Map(report.criteria.map((c, i) => [c.id, i]));
  return [...byWording, ...byRater].sort(
    (a, b) => (order.get(a.criterion) ?? 0) - (order.get(b.criterion) ?? 0),
  );
}

function raterFinding(report: AuditReport, context: FindingsContext): Finding | null {
  if (report.counts.raters < 2) return null;
  const differences = teamDeviations(report);
  const computed = report.raters.some((r) => Object.values(r.robustBias).some((b) => b.value !== null));
  if (!computed) {
    return {
      topic: 'raters',
      sentence: `No rater can be compared with the team yet: each needs at least ${report.minimums.biasUnits} deals scored by a colleague too.`,
      certainty: 'not sure yet',
      basis: 'too few shared deals',
      evidence: 'bias',
    };
  }
  if (differences.length === 0) {
    const unsure = largestUnflagged(report);
    if (unsure)
      return {
        topic: 'raters',
        sentence: `No rater clearly scores differently from the team: ${unsure.rater} scores ${criterionName(context, unsure.criterion)} ${fixed(Math.abs(unsure.levels), 1)} levels ${unsure.levels > 0 ? 'higher' : 'lower'}, but within the noise of ${unitsInWords(unsure.deals, unsure.calibrationCases)}.`,
        certainty: 'not sure yet',
        basis: `a rater is named at ${report.biasFlag.atLeastLevels} level or more and ${report.biasFlag.atLeastStandardErrors} or more standard errors; this is ${unsure.z === null ? 'without a standard error' : `${fixed(unsure.z, 1)} standard errors`}`,
        evidence: 'bias',
      };
    return {
      topic: 'raters',
      sentence: 'No rater scores differently from the rest of the team on any criterion.',
      certainty: 'fairly sure',
      basis: `no rater is ${report.biasFlag.atLeastLevels} level or more from the team's consensus by ${report.biasFlag.atLeastStandardErrors} or more standard errors`,
      evidence: 'bias',
    };
  }
  const shown = [...differences].sort((a, b) => Math.abs(b.levels) - Math.abs(a.levels)).slice(0, 3);
  const parts = shown.map(
    (d) =>
      `${d.rater} scores ${criterionName(context, d.criterion)} ${d.levels > 0 ? 'higher' : 'lower'} than the rest of the team, by ${fixed(Math.abs(d.levels), 1)} ${Math.abs(d.levels) === 1 ? 'level' : 'levels'} on ${unitsInWords(d.deals, d.calibrationCases)}`,
  );
  const more = differences.length - shown.length;
  const weakest = Math.min(...shown.map((d) => d.z ?? 0));
  const certainty = certaintyOfZ(shown.some((d) => d.z === null) ? null : weakest);
  return {
    topic: 'raters',
    sentence: `${list(parts)}${more > 0 ? ` (and ${more} more)` : ''}.`,
    certainty,
    basis:
      weakest > 0
        ? `the smallest of these differences is ${fixed(weakest, 1)} times its standard error`
        : 'the differences rest on few deals',
    evidence: 'bias',
  };
}

function criteriaFinding(report: AuditReport, context: FindingsContext): Finding | null {
  const threshold = report.closedLoop.thresholds.rewriteAlphaBelow;
  const known = report.criteria.filter((c) => c.agreement.alpha.ordinal.value !== null);
  if (known.length === 0) return null;
  const low = lowAgreement(report);
  if (low.length === 0) {
    const lowest = [...known].sort(
      (a, b) => a.agreement.alpha.ordinal.value! - b.agreement.alpha.ordinal.value!,
    )[0]!;
    const value = lowest.agreement.alpha.ordinal.value!;
    const below = value < threshold;
    return {
      topic: 'criteria',
      sentence: below
        ? `${criterionName(context, lowest.id)} may be read differently by the team (agreement ${fixed(value, 2)}), but a verdict needs ${formatMoreNeeded(unitsToGo(report, lowest.agreement.units))}.`
        : `The team reads every criterion alike: the lowest agreement is ${criterionName(context, lowest.id)} at ${fixed(value, 2)}, above the ${threshold} that conclusions need.`,
      certainty: below ? 'not sure yet' : 'fairly sure',
      basis: below
        ? `a rewrite needs at least ${report.closedLoop.thresholds.rewriteMinUnits} deals rated by 2 or more raters`
        : `Krippendorff's α on ${unitsInWords(lowest.agreement.deals, lowest.agreement.calibrationCases)}`,
      evidence: 'agreement',
    };
  }
  const parts = low.map(
    (item) =>
      `${criterionName(context, item.criterion)} (agreement ${fixed(item.alpha, 2)} on ${unitsInWords(item.deals, item.calibrationCases)})`,
  );
  const causes = low.flatMap((item) => {
    const name = criterionName(context, item.criterion);
    if (item.cause === 'rater')
      return [
        `${list(item.raters)} alone explains ${name} (${fixed(item.alphaWithoutRater!, 2)} without them)`,
      ];
    if (item.cause === 'rater or wording') return [`${list(item.raters)} alone may explain ${name}`];
    return [];
  });
  const sure =
    report.closedLoop.rewrite.every((item) => item.ci !== null && item.ci.probabilityBelow.value >= 0.95) &&
    low.every((item) => item.cause !== 'rater or wording');
  return {
    topic: 'criteria',
    sentence: `The team reads ${list(parts)} differently from one another${causes.length > 0 ? `; ${causes.join('; ')}` : ''}.`,
    certainty: sure ? 'sure' : 'fairly sure',
    basis: sure
      ? `in 95% or more of the bootstrap replicates α stays below ${threshold}`
      : `α is below ${threshold}, but its interval reaches above it`,
    evidence: 'agreement',
  };
}

function predictionFinding(report: AuditReport): Finding {
  const { auc, won, lost } = report.total.predictive;
  const minimum = report.minimums.aucPerOutcome;
  if (auc.value === null) {
    const needs = (auc.sufficientWhen ?? []).map(formatMoreNeeded);
    return {
      topic: 'prediction',
      sentence:
        report.counts.outcomes === 0
          ? 'Whether the score predicts wins is not known: import an outcomes file of won and lost deals.'
          : `Whether the score predicts wins is not known yet: it needs ${needs.length > 0 ? list(needs) : 'more closed deals'} with a score (now ${won} won, ${lost} lost).`,
      certainty: 'not sure yet',
      basis: `the AUC needs at least ${minimum} won and ${minimum} lost deals`,
      evidence: 'predictive',
    };
  }
  const ci = auc.ci;
  const interval = ci ? ` [${fixed(ci.low, 2)}, ${fixed(ci.high, 2)}]` : '';
  const verdict =
    ci && ci.low > 0.5
      ? 'Higher scores go with won deals'
      : ci && ci.high < 0.5
        ? 'Higher scores go with lost deals'
        : 'The score does not yet tell won from lost deals';
  return {
    topic: 'prediction',
    sentence: `${verdict}: AUC ${fixed(auc.value, 2)}${interval} on ${plural(auc.n, 'closed deal')} (0.5 is chance, 1 perfect).`,
    certainty: ci && (ci.low > 0.5 || ci.high < 0.5) ? 'sure' : 'not sure yet',
    basis: ci
      ? `the 95% interval ${ci.low > 0.5 || ci.high < 0.5 ? 'excludes' : 'includes'} 0.5`
      : 'no interval',
    evidence: 'predictive',
  };
}

function pipelineFinding(report: AuditReport): Finding {
  const { coverage, staleness, dealMovement } = report;
  const parts: string[] = [];
  if (coverage.value !== null) {
    const unscored = coverage.deals - coverage.scored;
    parts.push(
      unscored === 0
        ? `all ${plural(coverage.deals, 'deal')} in the outcomes file are scored`
        : `${unscored} of ${plural(coverage.deals, 'deal')} in the outcomes file ${unscored === 1 ? 'is' : 'are'} unscored`,
    );
  }
  if (staleness.staleShare.value !== null) {
    parts.push(
      `${percent(staleness.staleShare.value, 0)} of open deals have a score older than ${plural(staleness.staleAfterDays, 'day')}`,
    );
  }
  if (dealMovement.movedShare.value !== null) {
    parts.push(`${percent(dealMovement.movedShare.value, 0)} moved since their latest score`);
  }
  if (parts.length === 0) {
    return {
      topic: 'pipeline',
      sentence:
        'Which deals are stale or unscored is not known: import an outcomes file listing the deals, and bundles with dated scores of open deals.',
      certainty: 'not sure yet',
      basis: 'no dated scores of open deals and no list of deals',
      evidence: 'coverage',
    };
  }
  const sentence = `${list(parts)}.`;
  return {
    topic: 'pipeline',
    sentence: sentence[0]!.toUpperCase() + sentence.slice(1),
    certainty: 'sure',
    basis: 'counted, not estimated',
    evidence: 'coverage',
  };
}

function definitionsFinding(report: AuditReport, context: FindingsContext): Finding {
  const low = lowAgreement(report);
  const reword = low.filter((item) => item.cause === 'wording').map((item) => item.criterion);
  const askFirst = low.filter((item) => item.cause !== 'wording');
  const reweight = report.closedLoop.reweight;
  const parts: string[] = [];
  if (reword.length > 0)
    parts.push(`reword the levels of ${list(reword.map((id) => criterionName(context, id)))}`);
  for (const item of reweight)
    parts.push(
      `lower the weight of ${criterionName(context, item.criterion)} (AUC ${fixed(item.auc, 2)}, ${item.auc <= 0.5 ? 'it goes with losing' : 'near chance'})`,
    );
  const talk = askFirst.map((item) =>
    item.cause === 'rater'
      ? `do not reword ${criterionName(context, item.criterion)}, talk to ${list(item.raters)} (agreement ${fixed(item.alphaWithoutRater!, 2)} without them)`
      : `talk to ${list(item.raters)} about ${criterionName(context, item.criterion)} before rewording it`,
  );
  if (parts.length === 0 && talk.length === 0) {
    return {
      topic: 'definitions',
      sentence:
        'Nothing in the definitions needs changing yet: no criterion is both read differently on enough deals and no criterion fails to predict outcomes on enough closed deals.',
      certainty: 'not sure yet',
      basis: `a rewrite needs ${report.closedLoop.thresholds.rewriteMinUnits} deals rated by 2 or more; a reweight ${report.closedLoop.thresholds.reweightMinPerOutcome} won and lost deals`,
      evidence: 'closed-loop',
    };
  }
  const text = [...parts, ...talk];
  const sentence = `In the definitions: ${list(text)}.`;
  return {
    topic: 'definitions',
    sentence,
    certainty: askFirst.some((item) => item.cause === 'rater or wording') ? 'not sure yet' : 'fairly sure',
    basis: askFirst.some((item) => item.cause === 'rater or wording')
      ? 'a flagged rater may explain the split, but too few units are left without them to tell'
      : askFirst.length > 0
        ? `without the flagged rater agreement reaches ${report.closedLoop.thresholds.rewriteAlphaBelow}: the rater, not the wording, explains it`
        : 'from the closed-loop thresholds',
    evidence: 'closed-loop',
  };
}

/** At most five findings, in a manager's words, built from the report (and any richer context). */
export function buildFindings(report: AuditReport, context: FindingsContext = {}): Finding[] {
  const findings = [
    raterFinding(report, context),
    criteriaFinding(report, context),
    predictionFinding(report),
    pipelineFinding(report),
    definitionsFinding(report, context),
  ].filter((finding): finding is Finding => finding !== null);
  return findings.slice(0, MAX_FINDINGS);
}

/** Units with 2 or more ratings still needed before a low α can be acted on. */
function unitsToGo(report: AuditReport, units: number) {
  return moreNeeded(
    Math.max(1, report.closedLoop.thresholds.rewriteMinUnits - units),
    'deals rated by 2 or more raters',
  );
}

/** The largest robust bias beyond the flag's level that the flag did not name (too noisy to be sure). */
function largestUnflagged(report: AuditReport): RaterDifference | null {
  let largest: RaterDifference | null = null;
  for (const rater of report.raters) {
    for (const [criterion, bias] of Object.entries(rater.robustBias)) {
      if (bias.value === null || bias.flagged || Math.abs(bias.value) < report.biasFlag.atLeastLevels)
        continue;
      if (largest && Math.abs(largest.levels) >= Math.abs(bias.value)) continue;
      const calibrationCases = bias.calibrationCases ?? 0;
      largest = {
        rater: rater.id,
        criterion,
        levels: bias.value,
        deals: bias.n - calibrationCases,
        calibrationCases,
        z: bias.se === null || bias.se === 0 ? null : Math.abs(bias.value) / bias.se,
      };
    }
  }
  return largest;
}
