import type { AuditReport, CriterionAudit } from '../../../lib/audit/audit-report';
import type { Figure } from '../../../lib/audit/figure';
import { agreementGap } from '../../../lib/audit/missing-data';
import { AgreementChart } from '../charts/AgreementChart';
import { figureCell, noteCell, numberCell, ReportTable, type ReportRow } from '../ReportTable';
import { pct, three, two } from './cell-formats';
import { criterionLabel, type CriterionNames } from './criterion-label';
import { Gap, ReportSection } from './ReportSection';

/** P(α < threshold) from the bootstrap, or why there is none. */
function probabilityBelow(criterion: CriterionAudit): Figure {
  const ordinal = criterion.agreement.alpha.ordinal;
  return ordinal.value !== null && ordinal.ci
    ? { value: ordinal.ci.probabilityBelow.value, n: ordinal.ci.replicates }
    : {
        value: null,
        n: ordinal.n,
        reason: ordinal.value === null ? ordinal.reason : 'not applicable: no bootstrap interval',
      };
}

/** Agreement per criterion: ordinal α with its interval, in a chart and a five-column table. */
export function AgreementSection({ report, names }: { report: AuditReport; names: CriterionNames }) {
  const threshold = report.closedLoop.thresholds.rewriteAlphaBelow;
  const chartRows = [
    ...report.criteria.map((criterion) => ({
      label: criterionLabel(names, criterion.id),
      figure: criterion.agreement.alpha.ordinal,
    })),
    { label: 'Total (interval α)', figure: report.total.agreement.alpha },
  ];
  const total = report.total.agreement;
  const totalRow: ReportRow = {
    key: '\u0000total',
    header: 'Total score (interval α)',
    cells: [
      numberCell(total.units),
      numberCell(total.raters),
      figureCell({
        figure: total.alpha,
        format: three,
        ci: total.alpha.value === null ? null : total.alpha.ci,
        ciFormat: two,
      }),
      noteCell('Only the interval α applies to totals.', 1),
    ],
  };
  return (
    <ReportSection id="ys-agreement">
      <p>
        Do reps score the same deal the same way? Each rater&apos;s latest rating of a deal; Unknown counts as
        missing. Ordinal α is the headline (levels are ordered); below {threshold} the level definitions are
        not read alike. The other measures are under All figures.
      </p>
      <Gap text={agreementGap(report)} />
      <AgreementChart rows={chartRows} threshold={threshold} />
      <ReportTable
        scrollLabel="Agreement table"
        caption="Agreement per criterion (n = deals rated by 2 or more raters)"
        columns={['Criterion', 'Deals', 'Raters', 'α ordinal [95% CI]', `P(α < ${threshold})`]}
        rows={[
          ...report.criteria.map((criterion): ReportRow => ({
            key: criterion.id,
            header: criterionLabel(names, criterion.id),
            cells: [
              numberCell(criterion.agreement.units),
              numberCell(criterion.agreement.raters),
              figureCell({
                figure: criterion.agreement.alpha.ordinal,
                format: three,
                ci:
                  criterion.agreement.alpha.ordinal.value === null
                    ? null
                    : criterion.agreement.alpha.ordinal.ci,
                ciFormat: two,
              }),
              figureCell({ figure: probabilityBelow(criterion), format: pct }),
            ],
          })),
          totalRow,
        ]}
      />
    </ReportSection>
  );
}
