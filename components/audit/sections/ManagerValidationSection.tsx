import type { AuditReport } from '../../../lib/audit/audit-report';
import { plural } from '../../../lib/audit/format-numbers';
import { figureCell, ReportTable, textCell } from '../ReportTable';
import { pct } from './cell-formats';
import { criterionLabel, type CriterionNames } from './criterion-label';
import { ReportSection } from './ReportSection';

/** Disputes listed at most on the page; the JSON export carries them all. */
const MAX_DISPUTES = 200;

/** Reps' scores beside managers' scores of the same deals: agreement per criterion and the disputes. */
export function ManagerValidationSection({ report, names }: { report: AuditReport; names: CriterionNames }) {
  const validation = report.managerAgreement;
  return (
    <ReportSection id="ys-manager">
      {validation.comparisons === 0 ? (
        <p className="ys-gap">
          No deal has both a rep’s and a manager’s score. A manager sets the role “manager” in Yardstick’s
          options (or policy), scores deals in the sidebar, and exports a bundle like any rep.
        </p>
      ) : (
        <>
          <p>
            {plural(validation.comparisons, 'rep–manager comparison')} on {plural(validation.deals, 'deal')}:
            each rep’s latest score beside each manager’s latest score of the same deal.
          </p>
          <ReportTable
            scrollLabel="Manager validation by criterion"
            caption="Agreement with the manager, per criterion"
            columns={['Criterion', 'Agrees', 'Disputes', 'Unknown on either side', 'Agreement']}
            rows={validation.criteria.map((row) => ({
              key: row.criterion,
              header: criterionLabel(names, row.criterion),
              cells: [
                textCell(row.agrees),
                textCell(row.disputes),
                textCell(row.unknown),
                figureCell({ figure: row.share, format: pct }),
              ],
            }))}
          />
          {validation.disputes.length > 0 && (
            <ReportTable
              variant="compact"
              scrollLabel="Disputed criteria"
              caption="Disputes: where the manager picked another level"
              columns={['Deal', 'Criterion', 'Rep', 'Rep’s level', 'Manager', 'Manager’s level']}
              rows={validation.disputes.slice(0, MAX_DISPUTES).map((d) => ({
                key: `${d.deal}-${d.criterion}-${d.rep}-${d.manager}`,
                cells: [
                  d.deal,
                  criterionLabel(names, d.criterion),
                  d.rep,
                  d.repLevel,
                  d.manager,
                  d.managerLevel,
                ].map(textCell),
              }))}
            />
          )}
        </>
      )}
    </ReportSection>
  );
}
