import { formatImportError } from '../exchange/import-problem';
import { mergeWarningLines } from '../exchange/merge-warnings';
import type { MergeSummary } from '../exchange/merge-imports';
import type { Figure } from './figure';
import type { AlphaFigure } from './krippendorff-alpha';
import { ALPHA_METRICS } from './krippendorff-metrics';
import type { AucFigure } from './mann-whitney-auc';
import type { AuditReport } from './audit-report';
import type { Definitions } from '../definitions/schema-v1';
import { buildFindings } from './findings';

/** The `--json` document: the shape, numbers unrounded, `null` + `<name>Reason` beside what is missing. */
export type AuditJson = Record<string, unknown>;

/** Format id of the JSON report. */
export const AUDIT_JSON_FORMAT = 'yardstick-audit';

type Json = Record<string, unknown>;

/** Writes `figure` as `target[name]`, and its reason as `target[name + 'Reason']` when it is null. */
function put(target: Json, name: string, figure: Figure): Json {
  target[name] = figure.value;
  if (figure.value === null) target[`${name}Reason`] = figure.reason;
  if (figure.value === null && figure.sufficientWhen) target[`${name}SufficientWhen`] = figure.sufficientWhen;
  return target;
}

function alphaCi(figure: AlphaFigure): unknown {
  if (figure.value === null || !figure.ci) return null;
  const { method, level, low, high, replicates, requested, seed, probabilityBelow } = figure.ci;
  return { method, level, low, high, replicates, requested, seed, probabilityBelow };
}

function aucJson(auc: AucFigure): Json {
  const out = put({}, 'auc', auc);
  out.aucN = auc.n;
  out.aucSe = auc.se;
  out.aucCi = auc.ci;
  out.u = auc.u;
  return out;
}

function figureMap<T extends Figure>(
  entries: Record<string, T>,
  name: string,
  extra?: (figure: T) => Json,
): Json {
  const values: Json = {};
  const ns: Json = {};
  const reasons: Json = {};
  const sufficientWhen: Json = {};
  const extras: Json = {};
  for (const [key, figure] of Object.entries(entries)) {
    values[key] = figure.value;
    ns[key] = figure.n;
    if (figure.value === null) reasons[key] = figure.reason;
    if (figure.value === null && figure.sufficientWhen) sufficientWhen[key] = figure.sufficientWhen;
    if (extra) Object.assign(extras, { [key]: extra(figure) });
  }
  const out: Json = { [name]: values, [`${name}N`]: ns, [`${name}Reason`]: reasons };
  if (Object.keys(sufficientWhen).length > 0) out[`${name}SufficientWhen`] = sufficientWhen;
  if (extra) out[`${name}Detail`] = extras;
  return out;
}

/**
 * Converts a report to the JSON document the CLI prints with `--json`; `definitions` name the
 * criteria in the added `findings` (every earlier field is kept as it was).
 */
export function toAuditJson(
  report: AuditReport,
  summary?: MergeSummary,
  definitions?: Definitions | null,
): AuditJson {
  const criterionNames = Object.fromEntries((definitions?.criteria ?? []).map((c) => [c.id, c.name]));
  return {
    format: AUDIT_JSON_FORMAT,
    formatVersion: 1,
    asOf: report.asOf,
    inputs: {
      ...report.counts,
      ...(summary
        ? {
            files: summary.files,
            duplicates: summary.duplicates,
            notes: summary.notes,
            selfDeclared: summary.selfDeclared,
            warnings: mergeWarningLines(summary),
            refused: summary.refused.map((refused) => formatImportError(refused.error)),
            ...(summary.salesforce ? { salesforce: summary.salesforce } : {}),
            ...(summary.verifiedRaters ? { verifiedRaters: summary.verifiedRaters } : {}),
          }
        : {}),
    },
    minimums: report.minimums,
    biasFlag: report.biasFlag,
    criteria: report.criteria.map((criterion) => {
      const { alpha, fleissKappa, icc } = criterion.agreement;
      const alphaValues: Json = {};
      const alphaCis: Json = {};
      for (const metric of ALPHA_METRICS) {
        put(alphaValues, metric, alpha[metric]);
        alphaCis[metric] = alphaCi(alpha[metric]);
      }
      const agreement: Json = {
        units: criterion.agreement.units,
        deals: criterion.agreement.deals,
        calibrationCases: criterion.agreement.calibrationCases,
        raters: criterion.agreement.raters,
        values: alpha.values,
        alpha: alphaValues,
        alphaCi: alphaCis,
      };
      put(agreement, 'fleissKappa', fleissKappa);
      agreement.fleissKappaN = fleissKappa.n;
      const iccComputed =
        icc.oneWay.value !== null ||
        icc.twoWayAgreement.value !== null ||
        icc.twoWayConsistency.value !== null;
      if (iccComputed) {
        agreement.icc = {
          ...put({}, 'oneWay', icc.oneWay),
          ...put({}, 'twoWayAgreement', icc.twoWayAgreement),
          ...put({}, 'twoWayConsistency', icc.twoWayConsistency),
        };
      } else {
        agreement.icc = null;
        agreement.iccReason = icc.oneWay.reason;
      }
      agreement.iccN = icc.targets;
      const { deals, won, lost, auc } = criterion.predictive;
      return { id: criterion.id, agreement, predictive: { deals, won, lost, ...aucJson(auc) } };
    }),
    raters: report.raters.map((rater) => ({
      id: rater.id,
      scores: rater.scores,
      deals: rater.deals,
      ...figureMap(rater.bias, 'bias', (figure) => ({ se: figure.se })),
      ...figureMap(rater.robustBias, 'robustBias', (figure) => ({
        se: figure.se,
        flagged: figure.flagged,
        calibrationCases: figure.calibrationCases ?? 0,
      })),
      drift: Object.fromEntries(
        Object.entries(rater.drift).map(([criterion, drift]) => [
          criterion,
          {
            ...put({}, 'slopePer30Days', drift.slopePer30Days),
            slopeN: drift.slopePer30Days.n,
            slopeSe: drift.slopePer30Days.se,
            windows: drift.windows.map((window) => ({
              window: window.window,
              ...put({}, 'bias', window.bias),
              n: window.bias.n,
            })),
          },
        ]),
      ),
      totals: rater.totals,
    })),
    total: {
      agreement: {
        units: report.total.agreement.units,
        deals: report.total.agreement.deals,
        calibrationCases: report.total.agreement.calibrationCases,
        raters: report.total.agreement.raters,
        alpha: put({}, 'interval', report.total.agreement.alpha),
        alphaCi: { interval: alphaCi(report.total.agreement.alpha) },
      },
      predictive: {
        deals: report.total.predictive.deals,
        won: report.total.predictive.won,
        lost: report.total.predictive.lost,
        ...aucJson(report.total.predictive.auc),
        winRateByBand:
          report.total.predictive.winRateByBand?.map((band) => ({
            band: band.band,
            deals: band.deals,
            won: band.won,
            lost: band.lost,
            ...put({}, 'winRate', band.winRate),
            interval: band.interval,
          })) ?? null,
        ...(report.total.predictive.winRateByBandReason
          ? { winRateByBandReason: report.total.predictive.winRateByBandReason }
          : {}),
        ...put({}, 'brier', report.total.predictive.brier),
        brierN: report.total.predictive.brier.n,
        brierReference: report.total.predictive.brier.reference,
        brierSkill: report.total.predictive.brier.skill,
        baseRate: report.total.predictive.brier.baseRate,
      },
    },
    coverage: {
      ...put({}, 'share', report.coverage),
      deals: report.coverage.deals,
      scored: report.coverage.scored,
    },
    staleness: {
      asOf: report.staleness.asOf,
      staleAfterDays: report.staleness.staleAfterDays,
      n: report.staleness.n,
      ...put({}, 'medianDays', report.staleness.medianDays),
      ...put({}, 'p90Days', report.staleness.p90Days),
      ...put({}, 'maxDays', report.staleness.maxDays),
      ...put({}, 'staleShare', report.staleness.staleShare),
    },
    slices: report.slices.map((slice) => ({
      by: slice.by,
      ...(slice.column === undefined ? {} : { column: slice.column }),
      value: slice.value,
      deals: slice.deals,
      raters: slice.raters,
      closedDeals: slice.closedDeals,
      ...figureMap(slice.alpha, 'alphaOrdinal'),
      ...aucJson(slice.auc),
    })),
    slicesSkipped: report.slicesSkipped,
    closedLoop: report.closedLoop,
    dealMovement: {
      n: report.dealMovement.n,
      movedShare: report.dealMovement.movedShare.value,
      ...(report.dealMovement.movedShare.value === null
        ? { movedShareReason: report.dealMovement.movedShare.reason }
        : {}),
      reasons: report.dealMovement.reasons,
    },
    managerAgreement: {
      deals: report.managerAgreement.deals,
      comparisons: report.managerAgreement.comparisons,
      criteria: report.managerAgreement.criteria.map(({ criterion, agrees, disputes, unknown, share }) => ({
        id: criterion,
        agrees,
        disputes,
        unknown,
        share: share.value,
        n: share.n,
        ...(share.value === null ? { shareReason: share.reason } : {}),
      })),
      disputes: report.managerAgreement.disputes,
    },
    findings: buildFindings(report, { criterionNames }),
  };
}
