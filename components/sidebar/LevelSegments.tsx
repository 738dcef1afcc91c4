import { useState, type KeyboardEvent } from 'react';
import type { Criterion } from '../../lib/definitions/schema-v1';

/** The key that, on a level of a criterion, opens that criterion's evidence note. */
export const OPEN_NOTE_KEY = 'Enter';

/**
 * A criterion's levels and Unknown as a segmented radio group (arrow keys move and choose, as in any
 * radio group). Each segment shows the level's value; its accessible name is the level's label and its
 * description the level's evidence. Unknown sits last, apart from the lowest level.
 */
export function LevelSegments({
  criterion,
  idPrefix,
  level,
  disabled,
  onChoose,
  onOpenNote,
}: {
  criterion: Criterion;
  /** Unique per criterion on the page: names the radio group and the evidence descriptions. */
  idPrefix: string;
  /** The chosen level: undefined = not answered, null = Unknown. */
  level: number | null | undefined;
  disabled: boolean;
  onChoose(level: number | null): void;
  onOpenNote(): void;
}) {
  const [focused, setFocused] = useState<number | null | undefined>(undefined);
  const groupName = `${idPrefix}-level`;
  const focusedLevel = focused === undefined ? undefined : criterion.levels.find((l) => l.value === focused);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== OPEN_NOTE_KEY || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey)
      return;
    event.preventDefault();
    onOpenNote();
  };

  return (
    <>
      <div
        role="radiogroup"
        aria-label={criterion.name}
        className="ys-segments"
        onKeyDown={onKeyDown}
        onBlur={() => setFocused(undefined)}
      >
        {criterion.levels.map((l, index) => (
          <label
            key={l.value}
            className="ys-segment"
            data-selected={level === l.value}
            title={`${l.label}: ${l.evidence}`}
          >
            <input
              type="radio"
              name={groupName}
              checked={level === l.value}
              disabled={disabled}
              aria-describedby={`${idPrefix}-evidence-${index}`}
              onChange={() => onChoose(l.value)}
              onFocus={() => setFocused(l.value)}
            />
            <span className="ys-segment-value" aria-hidden="true">
              {l.value}
            </span>
            <span className="ys-visually-hidden">{l.label}</span>
            <span id={`${idPrefix}-evidence-${index}`} hidden>
              {l.evidence}
            </span>
          </label>
        ))}
        <label
          className="ys-segment ys-segment-unknown"
          data-selected={level === null}
          title="Unknown: no evidence either way yet. Scores no points, and is not the lowest level."
        >
          <input
            type="radio"
            name={groupName}
            checked={level === null}
            disabled={disabled}
            onChange={() => onChoose(null)}
            onFocus={() => setFocused(null)}
          />
          <span className="ys-segment-value" aria-hidden="true">
            ?
          </span>
          <span className="ys-visually-hidden">Unknown</span>
        </label>
      </div>
      {focused !== undefined && (
        // Sighted keyboard users get the focused level's evidence; screen readers hear it as the description.
        <p className="ys-level-hint" aria-hidden="true">
          {focusedLevel ? (
            <>
              <strong>{focusedLevel.label}</strong> {focusedLevel.evidence}
            </>
          ) : (
            <>
              <strong>Unknown</strong> No evidence either way yet.
            </>
          )}
        </p>
      )}
    </>
  );
}
