import type { AuditReport } from '../../../lib/audit/audit-report';
import { biasGap } from '../../../lib/audit/missing-data';
import { BiasHeatMap } from '../charts/BiasHeatMap';
import { figureCell, numberCell, ReportTable } from '../ReportTable';
import { levels, two } from './cell-formats';
import { criterionLabel, type CriterionNames } from './criterion-label';
import { Gap, ReportSection } from './ReportSection';

/** Each rater's bias against colleagues per criterion, as a heat map and a table. */
export function BiasSection({ report, names }: { report: AuditReport; names: CriterionNames }) {
  const criteria = report.criteria.map((c) => c.id);
  return (
    <ReportSection id="ys-bias">
      <p>
        Bias: a rater&apos;s rating minus the mean of the other raters on the same deals, in levels. Positive
        is more lenient than colleagues, negative stricter. One lenient rater pulls the others&apos; bias the
        other way; the findings and the heat map use each rater&apos;s robust bias, measured from the
        team&apos;s consensus, instead.
      </p>
      <Gap text={biasGap(report)} />
      {report.raters.length > 0 && criteria.length > 0 && <BiasHeatMap report={report} names={names} />}
      <ReportTable
        scrollLabel="Rater bias table"
        caption="Rater bias by criterion (levels ± standard error; n = deals shared with another rater)"
        columns={['Rater', 'Scores', 'Deals', ...criteria.map((id) => criterionLabel(names, id))]}
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
    </ReportSection>
  );
}
