import { useState, type MouseEvent } from 'react';
import type { CriterionChange } from '../../lib/definitions/diff-definitions';

/**
 * Tells the rep the deal was last scored against older definitions and what changed, and steps them
 * through the changed criteria one by one (next and previous), moving focus to each.
 */
export function DefinitionsChangedNotice({
  scoredAgainst,
  activeVersion,
  changes,
}: {
  scoredAgainst: string;
  activeVersion: string;
  changes: CriterionChange[] | null;
}) {
  // Removed criteria have nothing left to score; the list still names them.
  const steps = (changes ?? []).filter((c) => c.kind !== 'removed');
  const [current, setCurrent] = useState<number | null>(null);

  const goTo = (index: number, event: MouseEvent<HTMLButtonElement>) => {
    const root = event.currentTarget.getRootNode() as Document | ShadowRoot;
    const criterionId = steps[index]?.criterionId;
    const criterion = criterionId
      ? root.querySelector(`[data-criterion="${CSS.escape(criterionId)}"]`)
      : root.querySelector('[data-criterion]');
    const target =
      criterion?.querySelector<HTMLElement>('input:checked') ??
      criterion?.querySelector<HTMLElement>('input') ??
      criterion?.querySelector<HTMLElement>('button, textarea');
    setCurrent(index);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };

  const step = current === null ? null : steps[current];
  return (
    <div className="ys-notice ys-notice-info" role="status" aria-label="Definitions changed">
      <p>
        Last scored against {scoredAgainst}; the definitions are now {activeVersion}. Levels that still exist
        are carried over. The old score stays as it was.
      </p>
      {changes && changes.length > 0 && (
        <ul>
          {changes.map((change) => (
            <li key={`${change.kind}-${change.criterionId}`}>
              {change.name}: {change.kind === 'changed' ? change.details.join('; ') : change.kind}
            </li>
          ))}
        </ul>
      )}
      {step && current !== null ? (
        <div className="ys-changed-steps" role="group" aria-label="Changed criteria">
          <p>
            Changed criterion {current + 1} of {steps.length}: {step.name}
          </p>
          <button
            type="button"
            className="ys-button"
            disabled={current === 0}
            onClick={(event) => goTo(current - 1, event)}
          >
            Previous changed criterion
          </button>
          <button
            type="button"
            className="ys-button"
            disabled={current === steps.length - 1}
            onClick={(event) => goTo(current + 1, event)}
          >
            Next changed criterion
          </button>
        </div>
      ) : (
        <button type="button" className="ys-button" onClick={(event) => goTo(0, event)}>
          Re-score with {activeVersion}
        </button>
      )}
    </div>
  );
}
