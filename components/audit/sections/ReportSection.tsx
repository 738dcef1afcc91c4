import type { ReactNode } from 'react';

/** The report's sections, in page order: the navigation links to them by these ids. */
export const REPORT_SECTIONS = [
  { id: 'ys-inputs', title: 'Inputs' },
  { id: 'ys-agreement', title: 'Agreement per criterion' },
  { id: 'ys-bias', title: 'Rater bias and drift' },
  { id: 'ys-distributions', title: 'Score distributions by rater' },
  { id: 'ys-predictive', title: 'Predictive validity' },
  { id: 'ys-closed-loop', title: 'What to change in the definitions' },
  { id: 'ys-manager', title: 'Manager validation' },
  { id: 'ys-coverage', title: 'Coverage and staleness' },
  { id: 'ys-slices', title: 'Slices' },
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
