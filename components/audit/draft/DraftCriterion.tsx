import type { LevelSplits } from '../../../lib/audit/level-splits';
import {
  moveItem,
  newLevel,
  removeCriterion,
  removeItem,
  appendItem,
} from '../../../lib/definitions/draft-edits';
import { DraftField, DraftGroupProblem, valueAt, type DraftBinding } from './DraftField';
import { LevelSplitNote } from './LevelSplitNote';

type Loose = Record<string, unknown>;

const textOf = (value: unknown, fallback: string) =>
  typeof value === 'string' && value.trim() !== '' ? value : fallback;

/**
 * One criterion of the draft: id, name, weight, question, definition, its levels (added and
 * removed), a gate per stage, and for a reword proposal how the raters split on each level.
 */
export function DraftCriterion({
  binding,
  index,
  count,
  stages,
  splits,
}: {
  binding: DraftBinding;
  index: number;
  count: number;
  stages: readonly { id: string; name: string }[];
  /** How the raters split on this criterion, when the findings propose rewording it. */
  splits: LevelSplits | null;
}) {
  const path = ['criteria', index] as const;
  const criterion = (valueAt(binding.draft, path) ?? {}) as Loose;
  const name = textOf(criterion.name, textOf(criterion.id, `${index + 1}`));
  const levels = Array.isArray(criterion.levels) ? (criterion.levels as unknown[]) : [];
  const levelLabel = (value: number) => {
    const level = levels.find((l) => (l as Loose | null)?.value === value) as Loose | undefined;
    return level ? `${textOf(level.label, 'unlabelled')} (${value})` : String(value);
  };
  const gates = (criterion.gates ?? {}) as Loose;
  const stageIds = new Set(stages.map((stage) => stage.id));
  const gateStages = [
    ...stages.filter((stage) => typeof stage?.id === 'string' && stage.id !== ''),
    ...Object.keys(gates)
      .filter((id) => !stageIds.has(id))
      .map((id) => ({ id, name: `${id} (not a stage)` })),
  ];
  return (
    <fieldset className="ys-draft-criterion">
      <legend>Criterion {name}</legend>
      <div className="ys-toolbar">
        <button
          type="button"
          className="ys-secondary"
          aria-label={`Move ${name} up`}
          data-focus={`criteria[${index}]:up`}
          disabled={index === 0}
          onClick={() =>
            binding.edit(
              (draft) => moveItem(draft, ['criteria'], index, -1),
              `criteria[${index - 1}]:${index - 1 === 0 ? 'down' : 'up'}`,
            )
          }
        >
          Move up
        </button>
        <button
          type="button"
          className="ys-secondary"
          aria-label={`Move ${name} down`}
          data-focus={`criteria[${index}]:down`}
          disabled={index === count - 1}
          onClick={() =>
            binding.edit(
              (draft) => moveItem(draft, ['criteria'], index, 1),
              `criteria[${index + 1}]:${index + 1 === count - 1 ? 'up' : 'down'}`,
            )
          }
        >
          Move down
        </button>
        <button
          type="button"
          className="ys-secondary"
          aria-label={`Remove criterion ${name}`}
          onClick={() => binding.edit((draft) => removeCriterion(draft, index), 'add:criteria')}
        >
          Remove
        </button>
      </div>
      <DraftGroupProblem binding={binding} path={path} />
      <DraftField binding={binding} path={[...path, 'id']} label="Id" />
      <DraftField binding={binding} path={[...path, 'name']} label="Name" />
      <DraftField binding={binding} path={[...path, 'weight']} label="Weight" kind="number" />
      <DraftField binding={binding} path={[...path, 'question']} label="Question" kind="textarea" />
      <DraftField binding={binding} path={[...path, 'definition']} label="Definition" kind="textarea" />
      {splits && (
        <p className="ys-draft-note">
          The raters split on the highlighted levels: reword their evidence (the words are yours to write).
        </p>
      )}
      <DraftGroupProblem binding={binding} path={[...path, 'levels']} />
      {levels.map((level, l) => {
        const value = (level as Loose | null)?.value;
        const noteId = `ys-split-${index}-${l}`;
        const note =
          splits && typeof value === 'number' ? (
            <LevelSplitNote id={noteId} splits={splits} level={value} levelLabel={levelLabel} />
          ) : null;
        const involved =
          splits !== null && splits.confused.some((pair) => pair.low === value || pair.high === value);
        const levelName = textOf((level as Loose | null)?.label, `level ${l + 1}`);
        return (
          <div key={l} className="ys-draft-level" role="group" aria-label={`${name}: ${levelName}`}>
            <DraftGroupProblem binding={binding} path={[...path, 'levels', l]} />
            <DraftField
              binding={binding}
              path={[...path, 'levels', l, 'value']}
              label="Level value"
              kind="number"
            />
            <DraftField binding={binding} path={[...path, 'levels', l, 'label']} label="Level label" />
            <DraftField
              binding={binding}
              path={[...path, 'levels', l, 'evidence']}
              label="Evidence"
              kind="textarea"
              highlight={involved ? noteId : undefined}
            />
            {note}
            <button
              type="button"
              className="ys-secondary"
              aria-label={`Remove level ${levelName} of ${name}`}
              onClick={() =>
                binding.edit(
                  (draft) => removeItem(draft, [...path, 'levels'], l),
                  `add:criteria[${index}].levels`,
                )
              }
            >
              Remove level
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="ys-secondary"
        data-focus={`add:criteria[${index}].levels`}
        onClick={() =>
          binding.edit(
            (draft) => appendItem(draft, [...path, 'levels'], newLevel(valueAt(draft, [...path, 'levels']))),
            `criteria[${index}].levels[${levels.length}].label`,
          )
        }
      >
        Add a level to {name}
      </button>
      <DraftGroupProblem binding={binding} path={[...path, 'gates']} />
      {gateStages.map((stage, s) => (
        <DraftField
          key={`${s}:${stage.id}`}
          binding={binding}
          path={[...path, 'gates', stage.id]}
          label={`Gate: minimum level by ${stage.name || stage.id}`}
          kind="number"
          optional
        />
      ))}
    </fieldset>
  );
}
