import { useId, useRef, useState, type DragEvent } from 'react';
import type { FileRow } from './audit-page-state';
import { count, fileSize, plural } from '../../lib/audit/format-numbers';
import { numberCell, ReportTable, textCell } from './ReportTable';

const ACCEPT = '.json,.ndjson,.jsonl,.csv,.txt,.yaml,.yml,application/json,text/csv';

/** Per-file progress: reading is most of the wait; checking and merging follow. */
function progressOf(row: FileRow): { value: number; text: string } {
  switch (row.status) {
    case 'queued':
      return { value: 0, text: 'Waiting' };
    case 'reading':
      return { value: 0.6 * row.fraction, text: `Reading ${Math.round(row.fraction * 100)}%` };
    case 'checking':
      return { value: 0.7, text: 'Checking' };
    case 'merging':
      return { value: 0.9, text: 'Merging and auditing' };
    case 'accepted':
      return { value: 1, text: 'Imported' };
    case 'rejected':
      return { value: 1, text: 'Refused' };
  }
}

function describeAccepted(row: FileRow): string {
  const file = row.accepted!;
  if (file.kind === 'definitions') return `Definitions ${file.label ?? ''}: levels are checked against them`;
  const what =
    file.kind === 'bundle'
      ? `Bundle: ${plural(file.added.scores, 'new score')}`
      : file.kind === 'ratings'
        ? `Ratings CSV: ${plural(file.added.ratings, 'new rating')} in ${plural(file.added.scores, 'score')}`
        : `Outcomes CSV: ${plural(file.added.outcomes, 'new outcome')}`;
  return file.duplicates > 0 ? `${what}, ${count(file.duplicates)} already imported (merged)` : what;
}

/** "a.csv: the ratings file has 1 problem" → "the ratings file has 1 problem" (the name is shown already). */
function withoutFileName(name: string, summary: string): string {
  return summary.startsWith(`${name}: `) ? summary.slice(name.length + 2) : summary;
}

/**
 * Import: drop files or pick them (many at once), with a progress bar per file. A refused file
 * shows every problem as `file:line:column: message`; the other files still import.
 */
export function ImportPanel({
  rows,
  busy,
  onFiles,
  onDefinitionsFile,
  onRemove,
  onDismiss,
  onClear,
}: {
  rows: FileRow[];
  busy: boolean;
  onFiles: (files: File[]) => void;
  onDefinitionsFile: (file: File) => void;
  onRemove: (id: string) => void;
  onDismiss: (id: string) => void;
  onClear: () => void;
}) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  };
  const inProgress = rows.filter((row) => row.status !== 'accepted' && row.status !== 'rejected');
  const overall =
    inProgress.length === 0
      ? null
      : inProgress.reduce((sum, row) => sum + progressOf(row).value, 0) / inProgress.length;
  const refused = rows.filter((row) => row.status === 'rejected');
  const listed = rows.filter((row) => row.status !== 'rejected');

  return (
    <section aria-labelledby={`${id}-heading`} className="ys-section ys-import">
      <h2 id={`${id}-heading`}>Import files</h2>
      <div
        className={dragging ? 'ys-dropzone ys-dragging' : 'ys-dropzone'}
        onDragEnter={(event) => {
          event.preventDefault();
          depth.current++;
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => {
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0) setDragging(false);
        }}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p className="ys-drop-hint">Drop files here, or choose them (many at once):</p>
        <div className="ys-pickers">
          <label htmlFor={`${id}-files`}>
            Data files: rep bundles (.json, .ndjson), ratings CSV, outcomes CSV
          </label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept={ACCEPT}
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              // Clearing the input lets the same files be picked again (importing twice is allowed).
              event.currentTarget.value = '';
              if (files.length > 0) onFiles(files);
            }}
          />
          <label htmlFor={`${id}-definitions`}>
            Definitions file (optional: checks levels, gives weights and bands)
          </label>
          <input
            id={`${id}-definitions`}
            type="file"
            accept=".json,.yaml,.yml,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) onDefinitionsFile(file);
            }}
          />
        </div>
        <p className="ys-muted">
          Files are read on this computer only. A definitions file dropped here is recognised; a file with any
          problem is refused whole. Importing the same file again changes nothing.
        </p>
      </div>

      {overall !== null && (
        <div className="ys-overall">
          <label htmlFor={`${id}-overall`}>
            Importing {plural(inProgress.length, 'file')}… The page stays usable meanwhile.
          </label>
          <progress id={`${id}-overall`} max={1} value={overall} />
        </div>
      )}

      {refused.length > 0 && (
        <div role="alert" className="ys-refused">
          {refused.map((row) => (
            <div key={row.id} className="ys-refused-file">
              <p>
                <strong>{row.name} was refused</strong>: {withoutFileName(row.name, row.rejected!.summary)}
              </p>
              <ul>
                {row.rejected!.lines.map((line, index) => (
                  <li key={index}>
                    <code>{line}</code>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => onDismiss(row.id)}>
                Dismiss<span className="ys-visually-hidden"> the error of {row.name}</span>
              </button>
            </div>
          ))}
        </div>
      )}

      {listed.length > 0 && (
        <ReportTable
          variant="files"
          caption="Files in this audit"
          columns={[
            'File',
            'Size',
            'Progress',
            'Contents',
            <span className="ys-visually-hidden">Actions</span>,
          ]}
          rows={listed.map((row) => {
            const progress = progressOf(row);
            return {
              key: row.id,
              header: row.name,
              cells: [
                numberCell(fileSize(row.size)),
                textCell(
                  <>
                    <progress max={1} value={progress.value} aria-label={`${row.name}: ${progress.text}`} />{' '}
                    <span>{progress.text}</span>
                  </>,
                ),
                textCell(row.accepted ? describeAccepted(row) : ''),
                textCell(
                  row.accepted && (
                    <button type="button" onClick={() => onRemove(row.id)} disabled={busy}>
                      Remove<span className="ys-visually-hidden"> {row.name}</span>
                    </button>
                  ),
                ),
              ],
            };
          })}
        />
      )}
      {listed.some((row) => row.accepted) && (
        <button type="button" className="ys-secondary" onClick={onClear}>
          Remove all files
        </button>
      )}
    </section>
  );
}
