import { useState } from 'react';
import type { AuditReport } from '../../../lib/audit/audit-report';
import type { Definitions } from '../../../lib/definitions/schema-v1';
import { DraftEditor } from './DraftEditor';

/** "Draft the next version": a button that opens the editor seeded with the definitions the report read. */
export function DraftSection({
  definitions,
  report,
}: {
  definitions: Definitions;
  report: AuditReport | null;
}) {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="ys-draft-heading" className="ys-section">
      <h2 id="ys-draft-heading">Draft the next version of {definitions.title}</h2>
      <p>
        Start from {definitions.id}@{definitions.version} with the findings&apos; changes proposed, edit it,
        and download the file to publish.
      </p>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Close the draft' : 'Draft the next version'}
      </button>
      {open && (
        <DraftEditor key={`${definitions.id}@${definitions.version}`} current={definitions} report={report} />
      )}
    </section>
  );
}
