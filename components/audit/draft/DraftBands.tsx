import { appendItem, newBand, removeItem } from '../../../lib/definitions/draft-edits';
import { DraftField, DraftGroupProblem, valueAt, type DraftBinding } from './DraftField';

/** The draft's score bands: id, label and range of each, added and removed. */
export function DraftBands({ binding }: { binding: DraftBinding }) {
  const bands = valueAt(binding.draft, ['bands']);
  const list = Array.isArray(bands) ? (bands as { label?: unknown }[]) : [];
  return (
    <fieldset>
      <legend>Bands</legend>
      <DraftGroupProblem binding={binding} path={['bands']} />
      {list.map((band, b) => {
        const name =
          typeof band?.label === 'string' && band.label.trim() !== '' ? band.label : `band ${b + 1}`;
        return (
          <div key={b} className="ys-draft-level" role="group" aria-label={`Band ${name}`}>
            <DraftGroupProblem binding={binding} path={['bands', b]} />
            <DraftField binding={binding} path={['bands', b, 'id']} label="Band id" />
            <DraftField binding={binding} path={['bands', b, 'label']} label="Band label" />
            <DraftField binding={binding} path={['bands', b, 'min']} label="From" kind="number" />
            <DraftField binding={binding} path={['bands', b, 'max']} label="To" kind="number" />
            <button
              type="button"
              className="ys-secondary"
              aria-label={`Remove band ${name}`}
              onClick={() => binding.edit((draft) => removeItem(draft, ['bands'], b), 'add:bands')}
            >
              Remove band
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="ys-secondary"
        data-focus="add:bands"
        onClick={() =>
          binding.edit((draft) => appendItem(draft, ['bands'], newBand(draft)), `bands[${list.length}].label`)
        }
      >
        Add a band
      </button>
    </fieldset>
  );
}
