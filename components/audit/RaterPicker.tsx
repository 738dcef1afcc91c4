import { useId } from 'react';
import type { RaterChoice } from '../../lib/org/salesforce/audit/rater-choices';

/** Whose scores a load reads: everyone the org shows, the role hierarchy's team, or raters ticked by name. */
export type RaterMode = 'all' | 'team' | 'chosen';

function choiceLabel(choice: RaterChoice): string {
  const notes = [
    ...(choice.isActive === false ? ['inactive'] : []),
    ...(choice.inTeam ? [] : ['not in your team']),
  ];
  return notes.length > 0 ? `${choice.name} (${notes.join(', ')})` : choice.name;
}

/**
 * The load's rater filter: a choice of everyone, "My team" (read from the org's role hierarchy at each
 * load) or chosen raters ticked from the team and the owners of rows already loaded.
 */
export function RaterPicker({
  mode,
  onMode,
  choices,
  teamProblem,
  chosen,
  onToggle,
}: {
  mode: RaterMode;
  onMode: (mode: RaterMode) => void;
  /** Null while the org is being asked. */
  choices: RaterChoice[] | null;
  teamProblem: string | null;
  chosen: ReadonlySet<string>;
  onToggle: (userId: string, on: boolean) => void;
}) {
  const name = useId();
  const team = (choices ?? []).filter((choice) => choice.inTeam);
  const radio = (value: RaterMode, text: string) => (
    <label>
      <input type="radio" name={name} checked={mode === value} onChange={() => onMode(value)} /> {text}
    </label>
  );
  return (
    <fieldset className="ys-rater-picker">
      <legend>Raters</legend>
      {radio('all', 'Everyone the org lets you see')}
      {radio('team', 'My team (below you in the role hierarchy)')}
      {radio('chosen', 'Chosen raters')}
      {mode === 'team' &&
        (choices === null ? (
          <p>Asking the org for your team…</p>
        ) : teamProblem ? (
          <p>{teamProblem}</p>
        ) : (
          <p>
            {team.length} {team.length === 1 ? 'person' : 'people'}: {team.map(choiceLabel).join(', ')}.
          </p>
        ))}
      {mode === 'chosen' &&
        (choices === null ? (
          <p>Asking the org for your team…</p>
        ) : choices.length === 0 ? (
          <p>No raters to choose from yet: the org names no team for you and nothing was loaded yet.</p>
        ) : (
          <ul aria-label="Raters to load">
            {choices.map((choice) => (
              <li key={choice.userId}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(choice.userId)}
                    onChange={(event) => onToggle(choice.userId, event.currentTarget.checked)}
                  />{' '}
                  {choiceLabel(choice)}
                </label>
              </li>
            ))}
          </ul>
        ))}
    </fieldset>
  );
}
