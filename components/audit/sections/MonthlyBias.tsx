import { useState } from 'react';
import type { AuditReport } from '../../../lib/audit/audit-report';
import { figureCell, ReportTable, textCell } from '../ReportTable';
import { levels } from './cell-formats';
import { criterionLabel, type CriterionNames } from './criterion-label';

/** Bias month by month: rendered only when opened (it can be long: raters × criteria × months). */
export function MonthlyBias({
  report,
  criteria,
  names,
}: {
  report: AuditReport;
  criteria: string[];
  names: CriterionNames;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="ys-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Bias month by month</summary>
      {open && (
        <ReportTable
          scrollLabel="Monthly bias table"
          caption="Bias per calendar month (n = deviations in the month)"
          columns={['Rater', 'Criterion', 'Month', 'Bias']}
          rows={report.raters.flatMap((rater) =>
            criteria.flatMap((criterion) =>
              rater.drift[criterion]!.windows.map((window) => ({
                key: `${rater.id}\u0000${criterion}\u0000${window.window}`,
                header: rater.id,
                cells: [
                  textCell(criterionLabel(names, criterion)),
                  textCell(window.window),
                  figureCell({ figure: window.bias, format: levels }),
                ],
              })),
            ),
          )}
        />
      )}
    </details>
  );
}
