import type { AuditReport } from '../../../lib/audit/audit-report';
import { count } from '../../../lib/audit/format-numbers';
import type { MergeSummary } from '../../../lib/exchange/merge-imports';
import { mergeWarningLines } from '../../../lib/exchange/merge-warnings';
import { numberCell, ReportTable } from '../ReportTable';
import { ReportSection } from './ReportSection';

/** What went into the report: counts of scores, ratings, raters, deals and outcomes, and merge notes. */
export function InputsSection({ report, summary }: { report: AuditReport; summary: MergeSummary | null }) {
  const c = report.counts;
  const rows: [string, number][] = [
    ['Scores', c.scores],
    ['Ratings (criterion answers)', c.ratings],
    ['Duplicates merged', summary?.duplicates ?? 0],
    ['Raters', c.raters],
    ['Deals scored', c.deals],
    ['Calibration cases', c.calibrationUnits],
    ['Deals in the outcomes file', c.outcomes],
    ['Closed deals with a score', c.closedDealsScored],
  ];
  return (
    <ReportSection id="ys-inputs">
      <ReportTable
        variant="compact"
        caption={`Merge summary, as of ${report.asOf.slice(0, 10)}`}
        rows={rows.map(([label, value]) => ({
          key: label,
          header: label,
          cells: [numberCell(count(value), `count-${label}`)],
        }))}
      />
      {summary && summary.notes.length > 0 && (
        <ul className="ys-notes">
          {summary.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {summary?.salesforce && (
        <p className="ys-notes" data-testid="verified-raters">
          Read from {summary.salesforce.origin}: {count(summary.salesforce.scores)} scores. Raters the org
          verified (the records&apos; owners):{' '}
          {(summary.verifiedRaters ?? []).map((rater) => rater.name).join(', ') || 'none'}
          {summary.selfDeclared ? '; any other rater is a self-declared name from a file.' : '.'}
        </p>
      )}
      <ul className="ys-notes" aria-label="Warnings about the inputs">
        {mergeWarningLines(summary).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </ReportSection>
  );
}
