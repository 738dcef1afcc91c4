import type { AuditReport } from '../../../lib/audit/audit-report';
import { interval, percent } from '../../../lib/audit/format-numbers';
import { closedLoopGap } from '../../../lib/audit/missing-data';
import { numberCell, ReportTable, textCell } from '../ReportTable';
import { three, two } from './cell-formats';
import { criterionLabel, type CriterionNames } from './criterion-label';
import { ReportSection } from './ReportSection';

/** A point estimate with its interval, when it has one: "0.412 [0.21, 0.60]". */
const withInterval = (value: number, ci: { low: number; high: number } | null) =>
  `${three(value)}${ci ? ` ${interval(ci.low, ci.high, two)}` : ''}`;

/** What to change in the definitions: criteria whose wording to rewrite and whose weight to revisit. */
export function ClosedLoopSection({ report, names }: { report: AuditReport; names: CriterionNames }) {
  const { thresholds, rewrite, reweight } = report.closedLoop;
  const gaps = closedLoopGap(report);
  return (
    <ReportSection id="ys-closed-loop">
      <h3>Criteria to rewrite</h3>
      <p>
        Ordinal α below {thresholds.rewriteAlphaBelow} on at least {thresholds.rewriteMinUnits} deals: reps do
        not read the level definitions alike, so the wording of the levels needs rewriting.
      </p>
      {rewrite.length === 0 ? (
        <p className="ys-muted">{gaps.rewrite}</p>
      ) : (
        <ReportTable
          caption="Criteria to rewrite"
          columns={[
            'Criterion',
            'α ordinal [95% CI]',
            'Deals (n)',
            `P(α < ${thresholds.rewriteAlphaBelow})`,
            'Why',
          ]}
          rows={rewrite.map((item) => ({
            key: item.criterion,
            header: criterionLabel(names, item.criterion),
            cells: [
              numberCell(withInterval(item.alpha, item.ci)),
              numberCell(item.units),
              numberCell(item.ci ? percent(item.ci.probabilityBelow.value) : '—'),
              textCell(item.why),
            ],
          }))}
        />
      )}
      <h3>Criteria to reweight</h3>
      <p>
        AUC within {thresholds.reweightAucWithin} of 0.5 (or at most {0.5 - thresholds.reweightAucWithin})
        with at least {thresholds.reweightMinPerOutcome} won and {thresholds.reweightMinPerOutcome} lost
        deals: the criterion does not separate won from lost deals, so its weight in the total is not earned.
      </p>
      {reweight.length === 0 ? (
        <p className="ys-muted">{gaps.reweight}</p>
      ) : (
        <ReportTable
          caption="Criteria to reweight"
          columns={['Criterion', 'AUC [95% CI]', 'Won', 'Lost', 'Why']}
          rows={reweight.map((item) => ({
            key: item.criterion,
            header: criterionLabel(names, item.criterion),
            cells: [
              numberCell(withInterval(item.auc, item.ci)),
              numberCell(item.won),
              numberCell(item.lost),
              textCell(item.why),
            ],
          }))}
        />
      )}
    </ReportSection>
  );
}
