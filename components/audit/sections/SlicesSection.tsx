import type { AuditReport, SliceAudit } from '../../../lib/audit/audit-report';
import { segmentGap } from '../../../lib/audit/missing-data';
import { figureCell, numberCell, ReportTable } from '../ReportTable';
import { three } from './cell-formats';
import { criterionLabel, type CriterionNames } from './criterion-label';
import { Gap, ReportSection } from './ReportSection';

const SLICE_KINDS: { by: SliceAudit['by']; title: string }[] = [
  { by: 'segment', title: 'By segment (outcomes file columns)' },
  { by: 'rater', title: 'By rater' },
  { by: 'definitions', title: 'By definitions version' },
];

/** Ordinal α per criterion and the AUC of the total on each segment value, rater and definitions version. */
export function SlicesSection({ report, names }: { report: AuditReport; names: CriterionNames }) {
  const criteria = report.criteria.map((c) => c.id);
  return (
    <ReportSection id="ys-slices">
      <p>Ordinal α per criterion (no interval) and the AUC of the total, on each subset of the data.</p>
      <Gap text={segmentGap(report)} />
      {SLICE_KINDS.map(({ by, title }) => {
        const slices = report.slices.filter((slice) => slice.by === by);
        if (slices.length === 0) return null;
        return (
          <ReportTable
            key={by}
            scrollLabel={`Slices ${title.toLowerCase()}`}
            caption={title}
            columns={[
              'Slice',
              'Deals',
              'Raters',
              'Closed',
              ...criteria.map((criterion) => `α ${criterionLabel(names, criterion)}`),
              'AUC of total',
            ]}
            rows={slices.map((slice) => ({
              key: `${slice.column ?? ''}\u0000${slice.value}`,
              header: slice.by === 'segment' ? `${slice.column} = ${slice.value}` : slice.value,
              cells: [
                numberCell(slice.deals),
                numberCell(slice.raters),
                numberCell(slice.closedDeals),
                ...criteria.map((criterion) =>
                  figureCell({ figure: slice.alpha[criterion]!, format: three }),
                ),
                figureCell({ figure: slice.auc, format: three }),
              ],
            }))}
          />
        );
      })}
      {report.slicesSkipped.length > 0 && (
        <ul className="ys-notes">
          {report.slicesSkipped.map((skipped) => (
            <li key={skipped.column}>
              {skipped.column}: {skipped.reason}
            </li>
          ))}
        </ul>
      )}
    </ReportSection>
  );
}
