import type { AuditReport } from '../../../lib/audit/audit-report';
import { biasGap } from '../../../lib/audit/missing-data';
import { BiasHeatMap } from '../charts/BiasHeatMap';
import { figureCell, numberCell, ReportTable } from '../ReportTable';
import { levels, two } from './cell-formats';
import { MonthlyBias } from './MonthlyBias';
import { Gap, ReportSection } from './ReportSection';

/** Each rater's bias against colleagues per criterion, its drift over time, and the bias by month. */
export function BiasSection({ report }: { report: AuditReport }) {
  const criteria = report.criteria.map((c) => c.id);
  return (
    <ReportSection id="ys-bias">
      <p>
        Bias: a rater&apos;s rating minus the mean of the other raters on the same deals, in levels. Positive
        is more lenient than colleagues, negative stricter.
      </p>
      <Gap text={biasGap(report)} />
      {report.raters.length > 0 && criteria.length > 0 && (
        <BiasHeatMap raters={report.raters} criteria={criteria} />
      )}
      <ReportTable
        scrollLabel="Rater bias table"
        caption="Rater bias by criterion (levels ± standard error; n = deals shared with another rater)"
        columns={['Rater', 'Scores', 'Deals', ...criteria]}
        rows={report.raters.map((rater) => ({
          key: rater.id,
          header: rater.id,
          cells: [
            numberCell(rater.scores),
            numberCell(rater.deals),
            ...criteria.map((criterion) => {
              const bias = rater.bias[criterion]!;
              return figureCell({
                figure: bias,
                format: levels,
                suffix: bias.se === null ? undefined : `± ${two(bias.se)}`,
              });
            }),
          ],
        }))}
      />
      <h3>Drift over time</h3>
      <p>
        The trend of each rater&apos;s deviation, in levels per 30 days, and the bias month by month (UTC). On
        deal data part of a slope can be real deal progress; calibration cases are free of that.
      </p>
      <ReportTable
        scrollLabel="Rater drift table"
        caption="Drift: slope of deviation per 30 days (n = dated deviations)"
        columns={['Rater', ...criteria]}
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
        <MonthlyBias report={report} criteria={criteria} />
      )}
    </ReportSection>
  );
}
