import { useMemo, type ReactNode } from 'react';
import type { AuditReport } from '../../lib/audit/audit-report';
import { buildFindings } from '../../lib/audit/findings';
import type { Definitions } from '../../lib/definitions/schema-v1';
import type { MergeSummary } from '../../lib/exchange/merge-imports';
import { AgreementDetailsSection } from './sections/AgreementDetailsSection';
import { AgreementSection } from './sections/AgreementSection';
import { BiasSection } from './sections/BiasSection';
import { ClosedLoopSection } from './sections/ClosedLoopSection';
import { CoverageSection } from './sections/CoverageSection';
import type { CriterionNames } from './sections/criterion-label';
import { DistributionSection } from './sections/DistributionSection';
import { DriftSection } from './sections/DriftSection';
import { FindingsSection, goToSection } from './sections/FindingsSection';
import { InputsSection } from './sections/InputsSection';
import { ManagerValidationSection } from './sections/ManagerValidationSection';
import { PredictiveSection } from './sections/PredictiveSection';
import { REPORT_SECTIONS } from './sections/ReportSection';
import { SlicesSection } from './sections/SlicesSection';

/**
 * The whole report: findings first, then their evidence, then every other figure folded in
 * "All figures"; `debugLine` (the worker's timings) closes the folded part.
 */
export function AuditReportView({
  report,
  summary,
  definitions,
  debugLine,
  gaps,
}: {
  report: AuditReport;
  summary: MergeSummary | null;
  definitions: Definitions | null;
  debugLine?: string | null;
  /** What data is missing, shown right after the findings. */
  gaps?: ReactNode;
}) {
  const names: CriterionNames = useMemo(
    () => Object.fromEntries((definitions?.criteria ?? []).map((c) => [c.id, c.name])),
    [definitions],
  );
  const findings = useMemo(() => buildFindings(report, { criterionNames: names }), [report, names]);
  return (
    <>
      <nav aria-label="Report sections" className="ys-report-nav">
        <ul>
          {REPORT_SECTIONS.filter((section) => !section.folded).map((section) => (
            <li key={section.id}>
              <a
                href={`#${section.id}`}
                onClick={(event) => {
                  if (goToSection(section.id)) event.preventDefault();
                }}
              >
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <FindingsSection findings={findings} />
      {gaps}
      <BiasSection report={report} names={names} />
      <AgreementSection report={report} names={names} />
      <PredictiveSection report={report} names={names} />
      <CoverageSection report={report} />
      <ClosedLoopSection report={report} names={names} />
      <details className="ys-all-figures">
        <summary>
          All figures: inputs, α at every level, κ, ICC, drift, distributions, manager validation, slices
        </summary>
        <InputsSection report={report} summary={summary} />
        <AgreementDetailsSection report={report} names={names} />
        <DriftSection report={report} names={names} />
        <DistributionSection report={report} />
        <ManagerValidationSection report={report} names={names} />
        <SlicesSection report={report} names={names} />
        {debugLine && (
          <p className="ys-debug" data-testid="timings">
            {debugLine}
          </p>
        )}
      </details>
    </>
  );
}
