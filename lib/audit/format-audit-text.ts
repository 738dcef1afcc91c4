import type { MergeSummary } from '../exchange/merge-imports';
import { mergeWarningLines } from '../exchange/merge-warnings';
import { unitsInWords } from './closed-loop';
import { formatMoreNeeded, type Figure } from './figure';
import type { AlphaFigure } from './krippendorff-alpha';
import type { AuditReport } from './audit-report';

/** Renders the audit as a plain-text report for a terminal: every number with its n, gaps named. */
export function formatAuditText(report: AuditReport, summary?: MergeSummary): string {
  const out: string[] = [];
  const notes: string[] = [];
  const show = (figure: Figure, digits = 3, where?: string): string => {
    if (figure.value !== null) return fixed(figure.value, digits);
    if (where) notes.push(`${where}: ${reasonAndWayForward(figure)}`);
    return `— (${figure.reason.split(':')[0]})`;
  };
  const { counts } = report;
  out.push(`Yardstick audit, as of ${report.asOf}`);
  out.push(
    `Inputs: ${summary ? `${summary.files.length} files, ` : ''}${counts.scores} scores, ${counts.ratings} ratings, ${counts.raters} raters, ${counts.deals} deals, ${counts.calibrationUnits} calibration cases, ${counts.outcomes} outcomes (${counts.closedDealsScored} closed deals scored)`,
  );
  for (const line of mergeWarningLines(summary)) out.push(`Warning: ${line}`);
  for (const note of summary?.notes ?? []) out.push(`Note: ${note}`);
  if (summary && summary.duplicates > 0)
    out.push(`Note: ${summary.duplicates} repeated scores/rows were identical and counted once`);

  out.push('', "AGREEMENT per criterion (each rater's latest rating of a deal; Unknown counts as missing)");
  const agreementRows = report.criteria.map((criterion) => {
    const { alpha, fleissKappa, icc } = criterion.agreement;
    const id = criterion.id;
    return [
      id,
      dealsAndCases(criterion.agreement.deals, criterion.agreement.calibrationCases),
      String(criterion.agreement.raters),
      withCi(alpha.ordinal, notes, `${id} α ordinal`),
      show(alpha.nominal, 3, `${id} α nominal`),
      show(alpha.interval, 3, `${id} α interval`),
      show(alpha.ratio, 3, `${id} α ratio`),
      show(fleissKappa, 3, `${id} Fleiss κ`),
      icc.oneWay.value === null && icc.twoWayAgreement.value === null
        ? show(icc.oneWay, 3, `${id} ICC`)
        : `${show(icc.oneWay)} / ${show(icc.twoWayAgreement)} / ${show(icc.twoWayConsistency)}`,
    ];
  });
  out.push(
    ...table(
      [
        'criterion',
        'deals + cases',
        'raters',
        'α ordinal [95% CI]',
        'α nominal',
        'α interval',
        'α ratio',
        'Fleiss κ',
        'ICC 1,1 / 2,1 / 3,1',
      ],
      agreementRows,
    ),
  );
  const total = report.total.agreement;
  out.push(
    `Total score: interval α ${withCi(total.alpha, notes, 'total α interval')} on ${unitsInWords(total.deals, total.calibrationCases)}, ${total.raters} raters`,
  );

  out.push(
    '',
    'RATER BIAS (own rating − mean of the other raters on the same deal, in level units; n = deals)',
  );
  const criteria = report.criteria.map((c) => c.id);
  out.push(
    ...table(
      ['rater', 'scores', ...criteria],
      report.raters.map((rater) => [
        rater.id,
        String(rater.scores),
        ...criteria.map((criterion) => {
          const bias = rater.bias[criterion]!;
          return bias.value === null ? `— (${bias.n})` : `${signed(bias.value)} (${bias.n})`;
        }),
      ]),
    ),
  );
  out.push(
    '',
    `AGAINST THE TEAM (own rating − the team's median rating of each deal rated by 3 or more; * = flagged: |bias| ≥ ${report.biasFlag.atLeastLevels} level and ≥ ${report.biasFlag.atLeastStandardErrors} standard errors)`,
  );
  out.push(
    ...table(
      ['rater', ...criteria],
      report.raters.map((rater) => [
        rater.id,
        ...criteria.map((criterion) => {
          const bias = rater.robustBias[criterion]!;
          if (bias.value === null) return `— (${bias.n})`;
          return `${signed(bias.value)}${bias.flagged ? '*' : ''} (${bias.n})`;
        }),
      ]),
    ),
  );
  const drifting = report.raters.flatMap((rater) =>
    criteria
      .map((criterion) => ({ criterion, slope: rater.drift[criterion]!.slopePer30Days }))
      .filter(({ slope }) => slope.value !== null)
      .map(
        ({ criterion, slope }) =>
          `${rater.id} on ${criterion}: ${signed(slope.value!)} per 30 days (n = ${slope.n})`,
      ),
  );
  out.push(
    drifting.length > 0
      ? `Drift: ${drifting.join('; ')}`
      : 'Drift: no rater has enough dated ratings across two months',
  );

  out.push('', 'PREDICTIVE VALIDITY on closed deals (latest score of each rater, averaged across raters)');
  const predictiveRows = [
    { id: 'total', predictive: report.total.predictive },
    ...report.criteria.map((criterion) => ({ id: criterion.id, predictive: criterion.predictive })),
  ].map(({ id, predictive }) => [
    id,
    String(predictive.deals),
    String(predictive.won),
    String(predictive.lost),
    predictive.auc.value === null
      ? show(predictive.auc, 3, `${id} AUC`)
      : `${fixed(predictive.auc.value, 3)}${predictive.auc.ci ? ` [${fixed(predictive.auc.ci.low, 2)}, ${fixed(predictive.auc.ci.high, 2)}]` : ''}`,
  ]);
  out.push(...table(['', 'deals', 'won', 'lost', 'AUC [95% CI]'], predictiveRows));
  const bands = report.total.predictive.winRateByBand;
  if (bands) {
    out.push('', 'Win rate by band (Wilson 95% interval)');
    out.push(
      ...table(
        ['band', 'deals', 'won', 'win rate [95% CI]'],
        bands.map((band) => [
          band.band,
          String(band.deals),
          String(band.won),
          band.winRate.value === null
            ? `— (${reasonAndWayForward(band.winRate)})`
            : `${percent(band.winRate.value)} [${percent(band.interval!.low)}, ${percent(band.interval!.high)}]`,
        ]),
      ),
    );
  } else {
    out.push(`Win rate by band: ${report.total.predictive.winRateByBandReason}`);
  }
  const brier = report.total.predictive.brier;
  out.push(
    brier.value === null
      ? `Brier score of band win rates: — (${brier.reason})`
      : `Brier score of band win rates: ${fixed(brier.value, 3)} (n = ${brier.n}; base-rate reference ${fixed(brier.reference!, 3)}${brier.skill === null ? '' : `, skill ${fixed(brier.skill, 3)}`})`,
  );

  out.push('', 'COVERAGE AND STALENESS');
  const cover = report.coverage;
  out.push(
    cover.value === null
      ? `Coverage: — (${cover.reason})`
      : `Coverage: ${cover.scored} of ${cover.deals} deals in the outcomes file are scored (${percent(cover.value)})`,
  );
  const stale = report.staleness;
  out.push(
    stale.n === 0
      ? 'Staleness: — (no dated scores of open deals)'
      : `Staleness of open deals' latest scores (n = ${stale.n}): median ${fixed(stale.medianDays.value!, 1)} days, 90th percentile ${fixed(stale.p90Days.value!, 1)}, oldest ${fixed(stale.maxDays.value!, 1)}; ${percent(stale.staleShare.value!)} older than ${stale.staleAfterDays} days`,
  );

  const movement = report.dealMovement;
  out.push(
    movement.movedShare.value === null
      ? `Deals moved since scored: — (${movement.movedShare.reason})`
      : `Deals moved since scored: ${percent(movement.movedShare.value)} of ${movement.n} latest scores of open deals (stage ${movement.reasons.stage}, close date pushed ${movement.reasons.closeDate}, amount ${movement.reasons.amount})`,
  );

  out.push('', 'CLOSED LOOP');
  const loop = report.closedLoop;
  out.push(
    loop.rewrite.length === 0
      ? `Rewrite: none (no criterion with ordinal α < ${loop.thresholds.rewriteAlphaBelow} on ≥ ${loop.thresholds.rewriteMinUnits} deals)`
      : `Rewrite: ${loop.rewrite.map((item) => `${item.criterion} (α ${fixed(item.alpha, 3)}${item.ci ? ` [${fixed(item.ci.low, 2)}, ${fixed(item.ci.high, 2)}]` : ''}, ${unitsInWords(item.deals, item.calibrationCases)})`).join('; ')}`,
  );
  for (const item of loop.raterNotWording) out.push(`Rater, not wording: ${item.criterion}: ${item.why}`);
  out.push(
    loop.reweight.length === 0
      ? `Reweight: none (no criterion with AUC within ${loop.thresholds.reweightAucWithin} of 0.5 on ≥ ${loop.thresholds.reweightMinPerOutcome} won and lost deals)`
      : `Reweight: ${loop.reweight.map((item) => `${item.criterion} (${item.why}; ${item.won} won, ${item.lost} lost)`).join('; ')}`,
  );

  const validation = report.managerAgreement;
  out.push('', 'MANAGER VALIDATION');
  if (validation.comparisons === 0) {
    out.push(
      'No deal has both a rep’s and a manager’s score (a manager sets the role "manager" in options).',
    );
  } else {
    out.push(`${validation.comparisons} rep–manager comparisons on ${validation.deals} deals`);
    out.push(
      ...table(
        ['criterion', 'agrees', 'disputes', 'unknown', 'agreement'],
        validation.criteria.map((row) => [
          row.criterion,
          String(row.agrees),
          String(row.disputes),
          String(row.unknown),
          row.share.value === null
            ? `— (${row.share.reason})`
            : `${percent(row.share.value)} (n = ${row.share.n})`,
        ]),
      ),
    );
  }

  if (report.slices.length > 0) {
    out.push('', 'SLICES (ordinal α per criterion; AUC of the total)');
    out.push(
      ...table(
        ['slice', 'deals', 'raters', 'closed', ...criteria, 'AUC'],
        report.slices.map((slice) => [
          `${slice.by === 'segment' ? slice.column : slice.by}=${slice.value}`,
          String(slice.deals),
          String(slice.raters),
          String(slice.closedDeals),
          ...criteria.map((criterion) => brief(slice.alpha[criterion]!)),
          brief(slice.auc),
        ]),
      ),
    );
    for (const skipped of report.slicesSkipped) out.push(`Not sliced: ${skipped.column}: ${skipped.reason}`);
  }

  if (notes.length > 0) {
    out.push('', 'NOT COMPUTED');
    for (const note of notes) out.push(`  ${note}`);
  }
  return `${out.join('\n')}\n`;
}

function withCi(figure: AlphaFigure, notes: string[], where: string): string {
  if (figure.value === null) {
    notes.push(`${where}: ${reasonAndWayForward(figure)}`);
    return `— (${figure.reason.split(':')[0]})`;
  }
  return figure.ci
    ? `${fixed(figure.value, 3)} [${fixed(figure.ci.low, 2)}, ${fixed(figure.ci.high, 2)}]`
    : fixed(figure.value, 3);
}

/** The reason, and for insufficient data what would make it sufficient. */
function reasonAndWayForward(figure: Figure): string {
  if (figure.value !== null) return '';
  const needs = figure.sufficientWhen ?? [];
  return needs.length === 0
    ? figure.reason
    : `${figure.reason}; needs ${needs.map(formatMoreNeeded).join(' and ')}`;
}

function dealsAndCases(deals: number, calibrationCases: number): string {
  return calibrationCases === 0 ? String(deals) : `${deals} + ${calibrationCases}`;
}

function brief(figure: Figure): string {
  return figure.value === null ? '—' : fixed(figure.value, 2);
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

function percent(value: number): string {
  return `${(100 * value).toFixed(1)}%`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
