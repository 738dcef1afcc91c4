import { useId, useState } from 'react';
import { formatIssuePath } from '../../../lib/definitions/parse-definitions';
import type { DraftDocument } from '../../../lib/definitions/next-version';

/** Where a field sits in the draft: keys and indexes. */
export type DraftPath = readonly (string | number)[];

/** What every field of the draft editor needs: the draft, its problems by path, and setters. */
export interface DraftBinding {
  draft: DraftDocument;
  problems: ReadonlyMap<string, string>;
  update(path: DraftPath, value: unknown): void;
  /**
   * A structural edit (add, remove, move) of the whole draft; `focus` names the field (its
   * `data-path`) or button (its `data-focus`) that takes the keyboard focus afterwards.
   */
  edit(change: (draft: DraftDocument) => DraftDocument, focus?: string): void;
}

/** The draft's value at `path`, or undefined where the path leads nowhere. */
export function valueAt(draft: DraftDocument, path: DraftPath): unknown {
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
  highlight,
}: {
  binding: DraftBinding;
  path: DraftPath;
  label: string;
  kind?: 'text' | 'number' | 'textarea' | 'list';
  /** An empty number field removes the key (e.g. no gate at that stage). */
  optional?: boolean;
  /** Marks the field as one the raters split on, with the element id that says how. */
  highlight?: string;
}) {
  const id = useId();
  const key = formatIssuePath(path);
  const problem = binding.problems.get(key);
  const raw = valueAt(binding.draft, path);
  // A list is typed as text: while it has focus the field keeps what was typed (a trailing comma, a
  // space), and the draft gets the items; re-joining the items at each keystroke would eat the comma.
  const [typedList, setTypedList] = useState<string | null>(null);
  const joined = Array.isArray(raw) ? raw.join(', ') : raw === undefined || raw === null ? '' : String(raw);
  const shown = typedList ?? joined;
  const onChange = (text: string) => {
    if (kind === 'number') {
      // A number that does not parse stays text, so the validator names it.
      const trimmed = text.trim();
      if (trimmed === '' && optional) return binding.update(path, undefined);
      const number = Number(trimmed);
      return binding.update(path, trimmed !== '' && Number.isFinite(number) ? number : text);
    }
    if (kind === 'list') {
      setTypedList(text);
      const items = text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      return binding.update(path, items.length > 0 ? items : undefined);
    }
    binding.update(path, text);
  };
  const describedBy = [problem ? `${id}-problem` : '', highlight ?? ''].filter(Boolean).join(' ');
  const common = {
    id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'data-path': key,
  };
  return (
    <div className={highlight ? 'ys-draft-field ys-draft-split' : 'ys-draft-field'}>
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
          onBlur={kind === 'list' ? () => setTypedList(null) : undefined}
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

/**
 * The validator's message for a whole list or item at `path` (e.g. "a criterion needs at least 2
 * levels"), shown where that list sits in the form rather than under one field.
 */
export function DraftGroupProblem({ binding, path }: { binding: DraftBinding; path: DraftPath }) {
  const key = formatIssuePath(path);
  const problem = binding.problems.get(key);
  if (!problem) return null;
  return (
    <p className="ys-draft-problem" data-path={key}>
      {key}: {problem}
    </p>
  );
}
