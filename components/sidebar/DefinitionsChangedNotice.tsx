import type { CriterionChange } from '../../lib/definitions/diff-definitions';

/** Tells the rep the deal was last scored against older definitions, what changed, and offers a re-score. */
export function DefinitionsChangedNotice({
  scoredAgainst,
  activeVersion,
  changes,
}: {
  scoredAgainst: string;
  activeVersion: string;
  changes: CriterionChange[] | null;
}) {
  const startRescore = (event: React.MouseEvent<HTMLButtonElement>) => {
    const root = event.currentTarget.getRootNode() as Document | ShadowRoot;
    const firstChanged = changes?.find((c) => c.kind !== 'removed')?.criterionId;
    const target = root.querySelector<HTMLElement>(
      firstChanged ? `[data-criterion="${CSS.escape(firstChanged)}"] input` : '[data-criterion] input',
    );
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  };
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
      <button type="button" className="ys-button" onClick={startRescore}>
        Re-score with {activeVersion}
      </button>
    </div>
  );
}
