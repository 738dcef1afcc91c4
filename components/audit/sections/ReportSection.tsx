import type { ReactNode } from 'react';

/**
 * The report's sections, in page order: the navigation links to them by these ids. `folded`
 * sections sit in the "All figures" details, closed by default.
 */
export const REPORT_SECTIONS = [
  { id: 'ys-findings', title: 'Findings', folded: false },
  { id: 'ys-bias', title: 'Who scores differently from the team', folded: false },
  { id: 'ys-agreement', title: 'Agreement per criterion', folded: false },
  { id: 'ys-predictive', title: 'Predictive validity', folded: false },
  { id: 'ys-coverage', title: 'Coverage and staleness', folded: false },
  { id: 'ys-closed-loop', title: 'What to change in the definitions', folded: false },
  { id: 'ys-inputs', title: 'Inputs', folded: true },
  { id: 'ys-agreement-details', title: 'Agreement at every level of measurement', folded: true },
  { id: 'ys-drift', title: 'Rater drift', folded: true },
  { id: 'ys-distributions', title: 'Score distributions by rater', folded: true },
  { id: 'ys-manager', title: 'Manager validation', folded: true },
  { id: 'ys-slices', title: 'Slices', folded: true },
] as const;

/** The id of one report section. */
export type SectionId = (typeof REPORT_SECTIONS)[number]['id'];

/** A report section: a landmark labelled by its heading, which the navigation focuses. */
export function ReportSection({ id, children }: { id: SectionId; children: ReactNode }) {
  const title = REPORT_SECTIONS.find((section) => section.id === id)!.title;
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="ys-section">
      {/* Focusable so that the navigation links move keyboard focus here. */}
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A paragraph saying what data a section is missing, or nothing. */
export function Gap({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className="ys-gap">
      <strong>Missing data: </strong>
      {text}
    </p>
  );
}
