import type { Figure } from './figure';
import type { AlphaFigure } from './krippendorff-alpha';
import { ALPHA_METRICS } from './krippendorff-metrics';
import type { AucFigure } from './mann-whitney-auc';
import type { AuditReport } from './audit-report';
import type { MergeSummary } from '../exchange/merge-imports';
import { mergeWarningLines } from '../exchange/merge-warnings';
import { neutraliseFormula } from '../exchange/write-scores-csv';

/** The report's CSV columns: one figure per row ("long" format, easy to filter and pivot). */
export const REPORT_CSV_COLUMNS = [
  'section',
  'subject',
  'criterion',
  'measure',
  'value',
  'n',
  'ci_low',
  'ci_high',
  'note',
] as const;

type Cell = string | number | null;
type Row = Record<(typeof REPORT_CSV_COLUMNS)[number], Cell>;

/**
 * One text cell for Excel: a cell that a spreadsheet would run as a formula is prefixed with a
 * single quote ({@link neutraliseFormula}); then the text is quoted,
 * with inner quotes doubled.
 */
export function csvText(text: string): string {
  const safe = neutraliseFormula(text);
  return `"${safe.replaceAll('"', '""')}"`;
}

/** One cell: numbers as plain (unquoted, unrounded) numbers, empty for null, text quoted. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return csvText(value);
}

/**
 * The report as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads accents), CRLF line
 * ends, every text cell quoted and neutralised against formula injection, numbers unrounded.
 * A figure that could not be computed has an empty value and its reason in `note`.
 */
export function toReportCsv(report: AuditReport, summary: MergeSummary | null): string {
  const rows: Row[] = [];
  const add = (
    section: string,
    subject: string,
    criterion: string,
    measure: string,
    value: number | null,
    n: number | null,
    extra: { low?: number | null; high?: number | null; note?: string } = {},
  ) =>
    rows.push({
      section,
      subject,
      criterion,
      measure,
      value,
      n,
      ci_low: extra.low ?? null,
      ci_high: extra.high ?? null,
      note: extra.note ?? '',
    });
  const figure = (
    section: string,
    subject: string,
    criterion: string,
    measure: string,
    f: Figure,
    ci?: { low: number; high: number } | null,
    note?: string,
  ) =>
    add(section, subject, criterion, measure, f.value, f.n, {
      low: f.value === null ? null : (ci?.low ?? null),
      high: f.value === null ? null : (ci?.high ?? null),
      note: f.value === null ? f.reason : (note ?? ''),
    });
  const alphaCi = (f: AlphaFigure) => (f.value === null ? null : f.ci);

  add('report', '', '', 'as of', null, null, { note: report.asOf });
  const counts = report.counts;
  for (const [measure, value] of Object.entries(counts)) add('inputs', '', '', measure, value, null);
  if (summary) {
    add('inputs', '', '', 'duplicates merged', summary.duplicates, null);
    for (const note of summary.notes) add('inputs', '', '', 'note', null, null, { note });
    for (const note of mergeWarningLines(summary)) add('inputs', '', '', 'warning', null, null, { note });
    for (const file of summary.files) {
      add('inputs', file.file, '', `${file.kind} file: scores added`, file.scores, null);
      add('inputs', file.file, '', `${file.kind} file: ratings added`, file.ratings, null);
      add('inputs', file.file, '', `${file.kind} file: outcomes added`, file.outcomes, null);
    }
  }
  for (const [name, value] of Object.entries(report.minimums)) add('minimums', '', '', name, value, null);

  for (const criterion of report.criteria) {
    const { agreement } = criterion;
    add('agreement', '', criterion.id, 'pairable deals', agreement.units, null);
    add('agreement', '', criterion.id, 'of which deals', agreement.deals, null);
    add('agreement', '', criterion.id, 'of which calibration cases', agreement.calibrationCases, null);
    add('agreement', '', criterion.id, 'raters', agreement.raters, null);
    for (const metric of ALPHA_METRICS) {
      const alpha = agreement.alpha[metric];
      figure('agreement', '', criterion.id, `alpha ${metric}`, alpha, alphaCi(alpha));
      if (alpha.value !== null && alpha.ci) {
        const below = alpha.ci.probabilityBelow;
        add(
          'agreement',
          '',
          criterion.id,
          `alpha ${metric}: share of bootstrap replicates below ${below.threshold}`,
          below.value,
          alpha.ci.replicates,
        );
      }
    }
    figure('agreement', '', criterion.id, 'Fleiss kappa', agreement.fleissKappa);
    figure('agreement', '', criterion.id, 'ICC(1,1) one-way', agreement.icc.oneWay);
    figure('agreement', '', criterion.id, 'ICC(2,1) two-way agreement', agreement.icc.twoWayAgreement);
    figure('agreement', '', criterion.id, 'ICC(3,1) two-way consistency', agreement.icc.twoWayConsistency);
  }
  const totalAlpha = report.total.agreement.alpha;
  figure('agreement', '', 'total', 'alpha interval', totalAlpha, alphaCi(totalAlpha));

  for (const rater of report.raters) {
    add('raters', rater.id, '', 'scores', rater.scores, null);
    add('raters', rater.id, '', 'deals', rater.deals, null);
    for (const [criterion, bias] of Object.entries(rater.bias)) {
      figure(
        'rater bias',
        rater.id,
        criterion,
        'mean deviation from other raters (levels)',
        bias,
        null,
        bias.se === null ? '' : `standard error ${bias.se}`,
      );
    }
    for (const [criterion, bias] of Object.entries(rater.robustBias)) {
      figure(
        'rater bias against the team',
        rater.id,
        criterion,
        bias.flagged
          ? 'effect from the team consensus (levels), flagged'
          : 'effect from the team consensus (levels)',
        bias,
        null,
        bias.se === null ? '' : `standard error ${bias.se}`,
      );
    }
    for (const [criterion, drift] of Object.entries(rater.drift)) {
      figure('rater drift', rater.id, criterion, 'slope (levels per 30 days)', drift.slopePer30Days);
      for (const window of drift.windows)
        figure('rater drift', rater.id, criterion, `bias in ${window.window}`, window.bias);
    }
    const totals = rater.totals;
    for (const measure of ['mean', 'sd', 'min', 'q1', 'median', 'q3', 'max'] as const) {
      add('score distribution', rater.id, 'total', measure, totals[measure], totals.n);
    }
  }

  const predictive = (criterion: string, p: { deals: number; won: number; lost: number; auc: AucFigure }) => {
    add('predictive validity', '', criterion, 'closed deals', p.deals, null);
    add('predictive validity', '', criterion, 'won', p.won, null);
    add('predictive validity', '', criterion, 'lost', p.lost, null);
    figure('predictive validity', '', criterion, 'AUC', p.auc, p.auc.ci);
  };
  predictive('total', report.total.predictive);
  for (const criterion of report.criteria) predictive(criterion.id, criterion.predictive);
  const bands = report.total.predictive.winRateByBand;
  if (bands === null) {
    add('win rate by band', '', 'total', 'win rate', null, null, {
      note: report.total.predictive.winRateByBandReason ?? 'not applicable',
    });
  } else {
    for (const band of bands) {
      figure(
        'win rate by band',
        band.band,
        'total',
        'win rate (Wilson 95% interval)',
        band.winRate,
        band.interval,
      );
      add('win rate by band', band.band, 'total', 'won', band.won, band.deals);
    }
  }
  const brier = report.total.predictive.brier;
  figure('win rate by band', '', 'total', 'Brier score of band win rates', brier);
  if (brier.value !== null) {
    add('win rate by band', '', 'total', 'Brier reference (base rate)', brier.reference, brier.n);
    add('win rate by band', '', 'total', 'Brier skill', brier.skill, brier.n);
  }

  figure('coverage', '', '', 'share of outcome deals scored', report.coverage);
  const stale = report.staleness;
  figure('staleness', '', '', 'median age of latest score (days)', stale.medianDays);
  figure('staleness', '', '', '90th percentile age (days)', stale.p90Days);
  figure('staleness', '', '', 'maximum age (days)', stale.maxDays);
  figure('staleness', '', '', `share older than ${stale.staleAfterDays} days`, stale.staleShare);

  for (const slice of report.slices) {
    const subject = slice.by === 'segment' ? `${slice.column}=${slice.value}` : `${slice.by}=${slice.value}`;
    add('slices', subject, '', 'deals', slice.deals, null);
    add('slices', subject, '', 'raters', slice.raters, null);
    add('slices', subject, '', 'closed deals', slice.closedDeals, null);
    for (const [criterion, alpha] of Object.entries(slice.alpha))
      figure('slices', subject, criterion, 'alpha ordinal', alpha);
    figure('slices', subject, 'total', 'AUC', slice.auc, slice.auc.ci);
  }
  for (const skipped of report.slicesSkipped)
    add('slices', skipped.column, '', 'not sliced', null, skipped.values, { note: skipped.reason });

  for (const item of report.closedLoop.rewrite) {
    add('closed loop: rewrite', item.criterion, item.criterion, 'alpha ordinal', item.alpha, item.units, {
      low: item.ci?.low ?? null,
      high: item.ci?.high ?? null,
      note: item.why,
    });
  }
  for (const item of report.closedLoop.raterNotWording) {
    add(
      'closed loop: rater, not wording',
      item.rater,
      item.criterion,
      'alpha ordinal without the rater',
      item.alphaWithoutRater,
      item.unitsWithoutRater,
      {
        note: item.why,
      },
    );
  }
  for (const item of report.closedLoop.reweight) {
    add('closed loop: reweight', item.criterion, item.criterion, 'AUC', item.auc, item.won + item.lost, {
      low: item.ci?.low ?? null,
      high: item.ci?.high ?? null,
      note: `${item.why} (${item.won} won, ${item.lost} lost)`,
    });
  }

  const lines = [REPORT_CSV_COLUMNS.map(csvText).join(',')];
  for (const row of rows) lines.push(REPORT_CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
