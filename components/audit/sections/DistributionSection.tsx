import type { AuditReport } from '../../../lib/audit/audit-report';
import { distributionGap } from '../../../lib/audit/missing-data';
import { DistributionChart } from '../charts/DistributionChart';
import { missingCell, numberCell, ReportTable, type ReportCell } from '../ReportTable';
import { one } from './cell-formats';
import { Gap, ReportSection } from './ReportSection';

const NO_TOTALS = 'insufficient data: no totals';

/** A summary statistic of totals, or why there is none. */
const statistic = (value: number | null, why: string): ReportCell =>
  value === null ? missingCell(why) : numberCell(one(value));

/** The distribution of each rater's latest totals: a box plot and its five-number summary. */
export function DistributionSection({ report }: { report: AuditReport }) {
  return (
    <ReportSection id="ys-distributions">
      <p>Each rater&apos;s latest total per deal (0–100). A rater whose box sits apart scores differently.</p>
      <Gap text={distributionGap(report)} />
      {report.raters.length > 0 && <DistributionChart raters={report.raters} />}
      <ReportTable
        scrollLabel="Score distribution table"
        caption="Distribution of totals by rater (n = deals with a total)"
        columns={['Rater', 'n', 'Mean', 'SD', 'Min', 'Q1', 'Median', 'Q3', 'Max']}
        rows={report.raters.map((rater) => {
          const t = rater.totals;
          return {
            key: rater.id,
            header: rater.id,
            cells: [
              numberCell(t.n),
              statistic(t.mean, NO_TOTALS),
              statistic(t.sd, 'insufficient data: needs 2 totals'),
              statistic(t.min, NO_TOTALS),
              statistic(t.q1, NO_TOTALS),
              statistic(t.median, NO_TOTALS),
              statistic(t.q3, NO_TOTALS),
              statistic(t.max, NO_TOTALS),
            ],
          };
        })}
      />
    </ReportSection>
  );
}
