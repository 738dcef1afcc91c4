import { useId } from 'react';
import { formatIssuePath } from '../../../lib/definitions/parse-definitions';
import type { DraftDocument } from '../../../lib/definitions/next-version';

/** Where a field sits in the draft: keys and indexes. */
export type DraftPath = readonly (string | number)[];

/** What every field of the draft editor needs: the draft, its problems by path, and a setter. */
export interface DraftBinding {
  draft: DraftDocument;
  problems: ReadonlyMap<string, string>;
  update(path: DraftPath, value: unknown): void;
}

function valueAt(draft: DraftDocument, path: DraftPath): unknown {
  let node: unknown = draft;
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return node;
}

/**
 * One input of the draft: its value read from the draft at `path`, every keystroke written back,
 * and the validator's message for that path under it (the CLI's words).
 */
export function DraftField({
  binding,
  path,
  label,
  kind = 'text',
  optional = false,
}: {
  binding: DraftBinding;
  path: DraftPath;
  label: string;
  kind?: 'text' | 'number' | 'textarea' | 'list';
  /** An empty number field removes the key (e.g. no gate at that stage). */
  optional?: boolean;
}) {
  const id = useId();
  const key = formatIssuePath(path);
  const problem = binding.problems.get(key);
  const raw = valueAt(binding.draft, path);
  const shown = Array.isArray(raw) ? raw.join(', ') : raw === undefined || raw === null ? '' : String(raw);
  const onChange = (text: string) => {
    if (kind === 'number') {
      // A number that does not parse stays text, so the validator names it.
      const trimmed = text.trim();
      if (trimmed === '' && optional) return binding.update(path, undefined);
      const number = Number(trimmed);
      return binding.update(path, trimmed !== '' && Number.isFinite(number) ? number : text);
    }
    if (kind === 'list') {
      const items = text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      return binding.update(path, items.length > 0 ? items : undefined);
    }
    binding.update(path, text);
  };
  const common = {
    id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? `${id}-problem` : undefined,
    'data-path': key,
  };
  return (
    <div className="ys-draft-field">
      <label htmlFor={id}>{label}</label>
      {kind === 'textarea' ? (
        <textarea
          {...common}
          rows={2}
          value={shown}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={kind === 'number' ? 'decimal' : undefined}
          value={shown}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
      {problem && (
        <span id={`${id}-problem`} className="ys-draft-problem">
          {key}: {problem}
        </span>
      )}
    </div>
  );
}
