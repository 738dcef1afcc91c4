import { ownValue } from '../../lib/own-value';
import { dealKeyOf } from '../../lib/crm/deal-page-state';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Criterion } from '../../lib/definitions/schema-v1';
import type { GateShortfall } from '../../lib/scoring/stage-gates';
import { LevelSegments, OPEN_NOTE_KEY } from './LevelSegments';
import { useSidebar } from './sidebar-context';

// Beyond this many levels the segments no longer fit beside the name and get a line of their own.
const MANY_LEVELS = 5;

/**
 * One criterion as one row: its name, the chosen level as a segmented control, and an evidence note.
 * The question, definition and each level's evidence open on demand (the name is a disclosure).
 * `loading`: the deal's score is not here yet, so nothing can be picked or written.
 * `shortfall`: what the deal's stage requires of this criterion and does not have yet.
 */
export function CriterionPicker({
  criterion,
  loading = false,
  shortfall,
}: {
  criterion: Criterion;
  loading?: boolean;
  shortfall?: GateShortfall;
}) {
  const answer = useSidebar((s) => ownValue(s.draft, criterion.id));
  const chooseLevel = useSidebar((s) => s.chooseLevel);
  const writeEvidence = useSidebar((s) => s.writeEvidence);
  const idPrefix = useId();
  const { detailsOpen, setDetailsOpen, noteOpen, setNoteOpen } = useOpenPerDeal();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const rowRef = useRef<HTMLDivElement>(null);
  const level = answer?.level;
  const evidence = answer?.evidence ?? '';

  const focusNoteOnOpen = useRef(false);
  useEffect(() => {
    // The textarea exists only once the note is open: focus it after that render.
    if (noteOpen && focusNoteOnOpen.current) noteRef.current?.focus();
    focusNoteOnOpen.current = false;
  }, [noteOpen]);

  const openNote = () => {
    if (noteOpen) return noteRef.current?.focus();
    focusNoteOnOpen.current = true;
    setNoteOpen(true);
  };
  const onNoteKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    setNoteOpen(false);
    const radios = [...(rowRef.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])];
    (radios.find((r) => r.checked) ?? radios[0])?.focus();
  };

  return (
    <div
      className="ys-criterion"
      data-criterion={criterion.id}
      data-gate-short={shortfall !== undefined}
      data-many-levels={criterion.levels.length > MANY_LEVELS}
    >
      <div className="ys-criterion-row" ref={rowRef}>
        <h3 className="ys-criterion-name">
          <button
            type="button"
            className="ys-disclosure"
            aria-expanded={detailsOpen}
            aria-controls={`${idPrefix}-details`}
            onClick={() => setDetailsOpen(!detailsOpen)}
          >
            {criterion.name}
          </button>
        </h3>
        <p className="ys-criterion-state">
          {/* A flagged row that is not answered says only what it needs, so that it stays one line. */}
          <span className={shortfall && level === undefined ? 'ys-visually-hidden' : undefined}>
            {loading ? 'Loading…' : describeAnswer(criterion, level)}
          </span>
          {shortfall && (
            <span className="ys-gate-flag">
              {level === undefined ? '' : ', '}
              <span className="ys-visually-hidden">the stage </span>
              {`needs ${shortfall.requiredLabel}`}
            </span>
          )}
        </p>
        <LevelSegments
          criterion={criterion}
          idPrefix={idPrefix}
          level={level}
          disabled={loading}
          onChoose={(value) => chooseLevel(criterion.id, value)}
          onOpenNote={openNote}
        />
        <button
          type="button"
          className="ys-note-toggle"
          aria-expanded={noteOpen}
          aria-controls={`${idPrefix}-note`}
          data-written={evidence !== ''}
          title={`Evidence note (${OPEN_NOTE_KEY} on a level opens it)`}
          onClick={() => (noteOpen ? setNoteOpen(false) : openNote())}
        >
          <span aria-hidden="true">✎</span>
          <span className="ys-visually-hidden">{`Evidence for ${criterion.name}`}</span>
        </button>
      </div>
      {detailsOpen && (
        <div className="ys-criterion-details" id={`${idPrefix}-details`}>
          <p className="ys-question">{criterion.question}</p>
          <p className="ys-definition">{criterion.definition}</p>
          <dl className="ys-level-list">
            {criterion.levels.map((l) => (
              <div key={l.value} data-selected={level === l.value}>
                <dt>
                  {l.value} {l.label}
                </dt>
                <dd>{l.evidence}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {noteOpen ? (
        <textarea
          id={`${idPrefix}-note`}
          ref={noteRef}
          className="ys-note"
          aria-label={`Evidence for ${criterion.name}`}
          placeholder="What did the customer do or say? (Esc closes)"
          value={evidence}
          rows={2}
          maxLength={5000}
          disabled={loading}
          onChange={(e) => writeEvidence(criterion.id, e.target.value)}
          onKeyDown={onNoteKeyDown}
        />
      ) : (
        evidence !== '' && (
          // A mouse shortcut to the note; the keyboard reaches it through the toggle or the level's key.
          <p className="ys-note-preview" onClick={openNote}>
            {evidence}
          </p>
        )
      )}
    </div>
  );
}

/**
 * Whether the row's disclosure and note are open, both closed again whenever the page shows another
 * deal; kept per deal rather than by remounting the rows, which a deal switch would pay for.
 */
function useOpenPerDeal() {
  const dealKey = useSidebar((s) => dealKeyOf(s.page));
  const [open, setOpen] = useState({ dealKey, details: false, note: false });
  const current = open.dealKey === dealKey ? open : { dealKey, details: false, note: false };
  return {
    detailsOpen: current.details,
    noteOpen: current.note,
    setDetailsOpen: (details: boolean) => setOpen({ ...current, details }),
    setNoteOpen: (note: boolean) => setOpen({ ...current, note }),
  };
}

function describeAnswer(criterion: Criterion, level: number | null | undefined): string {
  if (level === undefined) return 'Not answered';
  if (level === null) return 'Unknown';
  return criterion.levels.find((l) => l.value === level)?.label ?? String(level);
}
