import type { AuditReport } from '../../../lib/audit/audit-report';
import { figureCell, ReportTable } from '../ReportTable';
import { levels, two } from './cell-formats';
import { criterionLabel, type CriterionNames } from './criterion-label';
import { MonthlyBias } from './MonthlyBias';
import { ReportSection } from './ReportSection';

/** Each rater's drift over time per criterion, and the bias month by month. */
export function DriftSection({ report, names }: { report: AuditReport; names: CriterionNames }) {
  const criteria = report.criteria.map((c) => c.id);
  return (
    <ReportSection id="ys-drift">
      <p>
        The trend of each rater&apos;s deviation, in levels per 30 days, and the bias month by month (UTC). On
        deal data part of a slope can be real deal progress; calibration cases are free of that.
      </p>
      <ReportTable
        scrollLabel="Rater drift table"
        caption="Drift: slope of deviation per 30 days (n = dated deviations)"
        columns={['Rater', ...criteria.map((id) => criterionLabel(names, id))]}
        rows={report.raters.map((rater) => ({
          key: rater.id,
          header: rater.id,
          cells: criteria.map((criterion) => {
            const slope = rater.drift[criterion]!.slopePer30Days;
            return figureCell({
              figure: slope,
              format: levels,
              suffix: slope.se === null ? 'per 30 days' : `± ${two(slope.se)} per 30 days`,
            });
          }),
        }))}
      />
      {report.raters.some((rater) => Object.values(rater.drift).some((d) => d.windows.length > 0)) && (
        <MonthlyBias report={report} criteria={criteria} names={names} />
      )}
    </ReportSection>
  );
}
