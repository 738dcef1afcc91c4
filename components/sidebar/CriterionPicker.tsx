import { ownValue } from '../../lib/own-value';
import { useId } from 'react';
import type { Criterion } from '../../lib/definitions/schema-v1';
import { useSidebar } from './sidebar-context';

/**
 * One criterion: its question, operational definition, levels with their evidence, Unknown, and a note.
 * `loading`: the deal's score is not here yet, so nothing can be picked or written.
 */
export function CriterionPicker({ criterion, loading = false }: { criterion: Criterion; loading?: boolean }) {
  const answer = useSidebar((s) => ownValue(s.draft, criterion.id));
  const chooseLevel = useSidebar((s) => s.chooseLevel);
  const writeEvidence = useSidebar((s) => s.writeEvidence);
  const baseId = useId();
  const groupName = `${baseId}-level`;
  const level = answer?.level;

  return (
    <div className="ys-criterion" data-criterion={criterion.id}>
      <h3 className="ys-criterion-name" id={`${baseId}-name`}>
        {criterion.name}
        <span className="ys-criterion-state">{loading ? 'Loading…' : describeAnswer(criterion, level)}</span>
      </h3>
      <p className="ys-question">{criterion.question}</p>
      <details className="ys-definition">
        <summary>Definition</summary>
        <p>{criterion.definition}</p>
      </details>
      <div role="radiogroup" aria-label={criterion.name} className="ys-levels">
        {criterion.levels.map((l) => (
          <label key={l.value} className="ys-level" data-selected={level === l.value}>
            <input
              type="radio"
              name={groupName}
              checked={level === l.value}
              disabled={loading}
              onChange={() => chooseLevel(criterion.id, l.value)}
            />
            <span className="ys-level-text">
              <span className="ys-level-label">{l.label}</span>{' '}
              <span className="ys-level-evidence">{l.evidence}</span>
            </span>
          </label>
        ))}
        <label className="ys-level ys-level-unknown" data-selected={level === null}>
          <input
            type="radio"
            name={groupName}
            checked={level === null}
            disabled={loading}
            onChange={() => chooseLevel(criterion.id, null)}
          />
          <span className="ys-level-text">
            <span className="ys-level-label">Unknown</span>
          </span>
        </label>
      </div>
      <label className="ys-evidence">
        <span className="ys-visually-hidden">Evidence for {criterion.name}</span>
        <textarea
          aria-label={`Evidence for ${criterion.name}`}
          placeholder="What did the customer do or say?"
          value={answer?.evidence ?? ''}
          rows={2}
          maxLength={5000}
          disabled={loading}
          onChange={(e) => writeEvidence(criterion.id, e.target.value)}
        />
      </label>
    </div>
  );
}

function describeAnswer(criterion: Criterion, level: number | null | undefined): string {
  if (level === undefined) return 'Not answered';
  if (level === null) return 'Unknown';
  return criterion.levels.find((l) => l.value === level)?.label ?? String(level);
}
