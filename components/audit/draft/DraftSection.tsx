import { useId, useState } from 'react';
import type { AuditReport } from '../../../lib/audit/audit-report';
import type { Definitions } from '../../../lib/definitions/schema-v1';
import { DraftEditor } from './DraftEditor';

/**
 * "Draft the next version": opens the editor seeded with the definitions the report read (with the
 * findings' changes proposed), or with a built-in framework for an admin starting out.
 */
export function DraftSection({
  definitions,
  frameworks,
  report,
}: {
  definitions: Definitions | null;
  frameworks: readonly Definitions[];
  report: AuditReport | null;
}) {
  const selectId = useId();
  const [open, setOpen] = useState(false);
  const sources = [...(definitions ? [definitions] : []), ...frameworks];
  const [chosen, setChosen] = useState(0);
  const start = sources[Math.min(chosen, sources.length - 1)]!;
  const fromAudit = definitions !== null && start === definitions;
  return (
    <section aria-labelledby="ys-draft-heading" className="ys-section">
      <h2 id="ys-draft-heading">Draft the next version</h2>
      <p>
        Start from the definitions of this audit, with the findings&apos; changes proposed, or from a built-in
        framework; edit it, and download the file to publish at your definitions URL.
      </p>
      {sources.length > 1 && (
        <p>
          <label htmlFor={selectId}>Start from </label>
          <select
            id={selectId}
            value={chosen}
            onChange={(event) => setChosen(Number(event.currentTarget.value))}
          >
            {sources.map((source, index) => (
              <option key={`${index}:${source.id}`} value={index}>
                {source.title} ({source.id}@{source.version})
                {definitions && index === 0 ? ', this audit' : ''}
              </option>
            ))}
          </select>
        </p>
      )}
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Close the draft' : 'Draft the next version'}
      </button>
      {open && (
        <DraftEditor
          key={`${chosen}:${start.id}@${start.version}`}
          current={start}
          report={fromAudit ? report : null}
        />
      )}
    </section>
  );
}
