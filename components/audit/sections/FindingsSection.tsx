import type { Finding, FindingEvidence } from '../../../lib/audit/findings';
import { REPORT_SECTIONS, ReportSection, type SectionId } from './ReportSection';

const EVIDENCE_SECTION: Record<FindingEvidence, SectionId> = {
  bias: 'ys-bias',
  agreement: 'ys-agreement',
  predictive: 'ys-predictive',
  coverage: 'ys-coverage',
  'closed-loop': 'ys-closed-loop',
};

/** Moves focus to a section's heading, opening the details it is folded in. */
export function goToSection(id: SectionId): boolean {
  const heading = document.getElementById(`${id}-heading`);
  if (!heading) return false;
  const folded = heading.closest('details');
  if (folded) folded.open = true;
  heading.scrollIntoView?.({ block: 'start' });
  heading.focus();
  return true;
}

/** The report's opening: at most five findings, each one sentence, how sure, and a link to its evidence. */
export function FindingsSection({ findings }: { findings: readonly Finding[] }) {
  return (
    <ReportSection id="ys-findings">
      <ol className="ys-findings">
        {findings.map((finding) => {
          const target = EVIDENCE_SECTION[finding.evidence];
          const title = REPORT_SECTIONS.find((section) => section.id === target)!.title;
          return (
            <li key={finding.topic} data-topic={finding.topic}>
              <p className="ys-finding">{finding.sentence}</p>
              <p className="ys-finding-meta">
                <span className={`ys-certainty ys-certainty-${finding.certainty.replace(/ /g, '-')}`}>
                  {finding.certainty[0]!.toUpperCase() + finding.certainty.slice(1)}
                </span>
                : {finding.basis}.{' '}
                <a
                  href={`#${target}`}
                  onClick={(event) => {
                    if (goToSection(target)) event.preventDefault();
                  }}
                >
                  Evidence: {title}
                </a>
              </p>
            </li>
          );
        })}
      </ol>
    </ReportSection>
  );
}
