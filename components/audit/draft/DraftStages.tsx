import { appendItem, moveItem, newStage, removeStage } from '../../../lib/definitions/draft-edits';
import { DraftField, DraftGroupProblem, valueAt, type DraftBinding } from './DraftField';

/**
 * The draft's stages in pipeline order: id, name and CRM names (aliases) of each, added, moved
 * and removed (removing a stage removes the gates set at it).
 */
export function DraftStages({ binding }: { binding: DraftBinding }) {
  const stages = valueAt(binding.draft, ['stages']);
  const list = Array.isArray(stages) ? (stages as { name?: unknown }[]) : [];
  return (
    <fieldset>
      <legend>Stages</legend>
      <DraftGroupProblem binding={binding} path={['stages']} />
      {list.map((stage, s) => {
        const name =
          typeof stage?.name === 'string' && stage.name.trim() !== '' ? stage.name : `stage ${s + 1}`;
        return (
          <div key={s} className="ys-draft-level" role="group" aria-label={`Stage ${name}`}>
            <DraftGroupProblem binding={binding} path={['stages', s]} />
            <DraftField binding={binding} path={['stages', s, 'id']} label="Stage id" />
            <DraftField binding={binding} path={['stages', s, 'name']} label="Stage name" />
            <DraftField
              binding={binding}
              path={['stages', s, 'aliases']}
              label="CRM names (comma-separated)"
              kind="list"
            />
            <div className="ys-toolbar">
              <button
                type="button"
                className="ys-secondary"
                aria-label={`Move stage ${name} earlier`}
                disabled={s === 0}
                data-focus={`stages[${s}]:earlier`}
                onClick={() =>
                  binding.edit(
                    (draft) => moveItem(draft, ['stages'], s, -1),
                    `stages[${s - 1}]:${s - 1 === 0 ? 'later' : 'earlier'}`,
                  )
                }
              >
                Earlier
              </button>
              <button
                type="button"
                className="ys-secondary"
                aria-label={`Move stage ${name} later`}
                disabled={s === list.length - 1}
                data-focus={`stages[${s}]:later`}
                onClick={() =>
                  binding.edit(
                    (draft) => moveItem(draft, ['stages'], s, 1),
                    `stages[${s + 1}]:${s + 1 === list.length - 1 ? 'earlier' : 'later'}`,
                  )
                }
              >
                Later
              </button>
              <button
                type="button"
                className="ys-secondary"
                aria-label={`Remove stage ${name}`}
                onClick={() => binding.edit((draft) => removeStage(draft, s), 'add:stages')}
              >
                Remove stage
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        className="ys-secondary"
        data-focus="add:stages"
        onClick={() =>
          binding.edit(
            (draft) => appendItem(draft, ['stages'], newStage(draft)),
            `stages[${list.length}].name`,
          )
        }
      >
        Add a stage
      </button>
    </fieldset>
  );
}
