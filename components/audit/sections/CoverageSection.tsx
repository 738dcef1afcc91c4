import type { AuditReport } from '../../../lib/audit/audit-report';
import type { Figure } from '../../../lib/audit/figure';
import { percent, plural } from '../../../lib/audit/format-numbers';
import { coverageGap, stalenessGap } from '../../../lib/audit/missing-data';
import { figureCell, ReportTable } from '../ReportTable';
import { one, pct } from './cell-formats';
import { Gap, ReportSection } from './ReportSection';

const days = (v: number) => `${one(v)} days`;

/** How much of the pipeline is scored, how old open deals' scores are, and how many moved since. */
export function CoverageSection({ report }: { report: AuditReport }) {
  const { coverage, staleness, dealMovement } = report;
  const moved = dealMovement.reasons;
  const rows: [string, Figure, (v: number) => string][] = [
    [
      'Deals in the outcomes file that are scored',
      coverage,
      (v) => `${percent(v)} (${coverage.scored} of ${coverage.deals})`,
    ],
    ["Median age of an open deal's latest score", staleness.medianDays, days],
    ['90th percentile age', staleness.p90Days, days],
    ['Oldest', staleness.maxDays, days],
    [
      `Open deals not rescored for over ${plural(staleness.staleAfterDays, 'day')}`,
      staleness.staleShare,
      pct,
    ],
    [
      `Latest scores made before the deal moved (stage ${moved.stage}, close date pushed ${moved.closeDate}, amount ${moved.amount})`,
      dealMovement.movedShare,
      pct,
    ],
  ];
  return (
    <ReportSection id="ys-coverage">
      <Gap text={coverageGap(report)} />
      <Gap text={stalenessGap(report)} />
      <ReportTable
        variant="compact"
        caption={`Coverage and staleness (as of ${staleness.asOf.slice(0, 10)})`}
        rows={rows.map(([label, figure, format]) => ({
          key: label,
          header: label,
          cells: [figureCell({ figure, format })],
        }))}
      />
    </ReportSection>
  );
}
