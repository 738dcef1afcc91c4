import type { AuditReport, CriterionAudit } from '../../../lib/audit/audit-report';
import type { Figure } from '../../../lib/audit/figure';
import { ALPHA_METRICS } from '../../../lib/audit/krippendorff-metrics';
import { agreementGap } from '../../../lib/audit/missing-data';
import { AgreementChart } from '../charts/AgreementChart';
import { figureCell, noteCell, numberCell, ReportTable, type ReportRow } from '../ReportTable';
import { pct, three, two } from './cell-formats';
import { Gap, ReportSection } from './ReportSection';

const OTHER_METRICS = ALPHA_METRICS.filter((metric) => metric !== 'ordinal');

/** Agreement per criterion: α at every metric (ordinal with its interval), Fleiss' κ and the ICCs. */
export function AgreementSection({ report }: { report: AuditReport }) {
  const threshold = report.closedLoop.thresholds.rewriteAlphaBelow;
  const chartRows = [
    ...report.criteria.map((criterion) => ({
      label: criterion.id,
      figure: criterion.agreement.alpha.ordinal,
    })),
    { label: 'total (interval α)', figure: report.total.agreement.alpha },
  ];
  const total = report.total.agreement;
  const totalRow: ReportRow = {
    key: '\u0000total',
    header: 'total score (interval α)',
    cells: [
      numberCell(total.units),
      numberCell(total.raters),
      figureCell({
        figure: total.alpha,
        format: three,
        ci: total.alpha.value === null ? null : total.alpha.ci,
        ciFormat: two,
      }),
      noteCell('Only the interval α applies to totals.', 9),
    ],
  };
  return (
    <ReportSection id="ys-agreement">
      <p>
        Do reps score the same deal the same way? Each rater&apos;s latest rating of a deal; Unknown counts as
        missing. Ordinal α is the headline (levels are ordered); below {threshold} the level definitions are
        not read alike.
      </p>
      <Gap text={agreementGap(report)} />
      <AgreementChart rows={chartRows} threshold={threshold} />
      <ReportTable
        scrollLabel="Agreement table"
        caption="Agreement per criterion (n = deals rated by 2 or more raters)"
        columns={[
          'Criterion',
          'Deals',
          'Raters',
          'α ordinal [95% CI]',
          `P(α < ${threshold})`,
          ...OTHER_METRICS.map((metric) => `α ${metric}`),
          'Fleiss κ',
          'ICC(1,1)',
          'ICC(2,1)',
          'ICC(3,1)',
        ]}
        rows={[...report.criteria.map(criterionRow), totalRow]}
      />
    </ReportSection>
  );
}

function criterionRow(criterion: CriterionAudit): ReportRow {
  const { alpha, fleissKappa, icc } = criterion.agreement;
  const ordinal = alpha.ordinal;
  const below: Figure =
    ordinal.value !== null && ordinal.ci
      ? { value: ordinal.ci.probabilityBelow.value, n: ordinal.ci.replicates }
      : {
          value: null,
          n: ordinal.n,
          reason: ordinal.value === null ? ordinal.reason : 'not applicable: no bootstrap interval',
        };
  return {
    key: criterion.id,
    header: criterion.id,
    cells: [
      numberCell(criterion.agreement.units),
      numberCell(criterion.agreement.raters),
      figureCell({
        figure: ordinal,
        format: three,
        ci: ordinal.value === null ? null : ordinal.ci,
        ciFormat: two,
      }),
      figureCell({ figure: below, format: pct }),
      ...OTHER_METRICS.map((metric) => figureCell({ figure: alpha[metric], format: three })),
      figureCell({ figure: fleissKappa, format: three }),
      figureCell({ figure: icc.oneWay, format: three }),
      figureCell({ figure: icc.twoWayAgreement, format: three }),
      figureCell({ figure: icc.twoWayConsistency, format: three }),
    ],
  };
}
