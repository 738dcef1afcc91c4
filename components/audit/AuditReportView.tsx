import type { AuditReport } from '../../lib/audit/audit-report';
import type { MergeSummary } from '../../lib/exchange/merge-imports';
import { AgreementSection } from './sections/AgreementSection';
import { BiasSection } from './sections/BiasSection';
import { ClosedLoopSection } from './sections/ClosedLoopSection';
import { CoverageSection } from './sections/CoverageSection';
import { DistributionSection } from './sections/DistributionSection';
import { InputsSection } from './sections/InputsSection';
import { ManagerValidationSection } from './sections/ManagerValidationSection';
import { PredictiveSection } from './sections/PredictiveSection';
import { REPORT_SECTIONS } from './sections/ReportSection';
import { SlicesSection } from './sections/SlicesSection';

/** The whole report: navigation, then every section with its chart, table and missing-data notes. */
export function AuditReportView({ report, summary }: { report: AuditReport; summary: MergeSummary | null }) {
  return (
    <>
      <nav aria-label="Report sections" className="ys-report-nav">
        <ul>
          {REPORT_SECTIONS.map((section) => (
            <li key={section.id}>
              <a
                href={`#${section.id}`}
                onClick={(event) => {
                  const heading = document.getElementById(`${section.id}-heading`);
                  if (!heading) return;
                  event.preventDefault();
                  heading.scrollIntoView?.({ block: 'start' });
                  heading.focus();
                }}
              >
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <InputsSection report={report} summary={summary} />
      <AgreementSection report={report} />
      <BiasSection report={report} />
      <DistributionSection report={report} />
      <PredictiveSection report={report} />
      <ClosedLoopSection report={report} />
      <ManagerValidationSection report={report} />
      <CoverageSection report={report} />
      <SlicesSection report={report} />
    </>
  );
}
