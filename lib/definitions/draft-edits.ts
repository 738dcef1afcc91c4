import type { DraftDocument } from './next-version';

type Loose = Record<string, unknown>;

const isLoose = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The list the draft holds at `path` (a copy's own array, so it may be changed). */
function listAt(root: DraftDocument, path: readonly (string | number)[]): unknown[] {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  const holder = node as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (!Array.isArray(holder[last])) holder[last] = [];
  return holder[last] as unknown[];
}

/** The first of `base_1`, `base_2`… not among `taken`. */
export function unusedId(base: string, taken: Iterable<unknown>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

const idsOf = (items: unknown[]) => items.map((item) => (isLoose(item) ? item.id : undefined));

/** A copy of `draft` with `item` appended to the list at `path`. */
export function appendItem(
  draft: DraftDocument,
  path: readonly (string | number)[],
  item: unknown,
): DraftDocument {
  const root = structuredClone(draft);
  listAt(root, path).push(item);
  return root;
}

/** A copy of `draft` without item `index` of the list at `path`. */
export function removeItem(
  draft: DraftDocument,
  path: readonly (string | number)[],
  index: number,
): DraftDocument {
  const root = structuredClone(draft);
  listAt(root, path).splice(index, 1);
  return root;
}

/** A copy of `draft` with item `index` of the list at `path` moved by `offset` (kept inside the list). */
export function moveItem(
  draft: DraftDocument,
  path: readonly (string | number)[],
  index: number,
  offset: number,
): DraftDocument {
  const root = structuredClone(draft);
  const list = listAt(root, path);
  const target = Math.max(0, Math.min(list.length - 1, index + offset));
  const [item] = list.splice(index, 1);
  list.splice(target, 0, item);
  return root;
}

/**
 * A new criterion for `draft`: an unused id, weight 1 and two levels (0 and 1) whose name, question,
 * labels and evidence are the admin's to write (the validator asks for each until written).
 */
export function newCriterion(draft: DraftDocument): Loose {
  return {
    id: unusedId('criterion', idsOf(listOf(draft.criteria))),
    name: '',
    question: '',
    definition: '',
    weight: 1,
    levels: [
      { value: 0, label: '', evidence: '' },
      { value: 1, label: '', evidence: '' },
    ],
  };
}

/** A new top level for a criterion's `levels`: the next value up, label and evidence to write. */
export function newLevel(levels: unknown): Loose {
  const values = listOf(levels)
    .map((level) => (isLoose(level) ? level.value : undefined))
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return { value: values.length > 0 ? Math.max(...values) + 1 : 0, label: '', evidence: '' };
}

/** A new band for `draft`: an unused id, the label to write, the range to set. */
export function newBand(draft: DraftDocument): Loose {
  return { id: unusedId('band', idsOf(listOf(draft.bands))), label: '', min: 100, max: 100 };
}

/** A new last stage for `draft`: an unused id and the name to write. */
export function newStage(draft: DraftDocument): Loose {
  return { id: unusedId('stage', idsOf(listOf(draft.stages))), name: '' };
}

/** A copy of `draft` without criterion `index`, and without the calibration answers that named it. */
export function removeCriterion(draft: DraftDocument, index: number): DraftDocument {
  const removed = listOf(draft.criteria)[index];
  const root = removeItem(draft, ['criteria'], index);
  const id = isLoose(removed) ? removed.id : undefined;
  if (typeof id !== 'string') return root;
  for (const calibrationCase of listOf(root.calibration))
    if (isLoose(calibrationCase) && isLoose(calibrationCase.intendedLevels))
      delete calibrationCase.intendedLevels[id];
  return root;
}

/** A copy of `draft` without stage `index`, and without the gates and CRM stage names that pointed at it. */
export function removeStage(draft: DraftDocument, index: number): DraftDocument {
  const removed = listOf(draft.stages)[index];
  const root = removeItem(draft, ['stages'], index);
  const id = isLoose(removed) ? removed.id : undefined;
  if (typeof id !== 'string') return root;
  for (const criterion of listOf(root.criteria)) {
    if (!isLoose(criterion) || !isLoose(criterion.gates)) continue;
    delete criterion.gates[id];
    if (Object.keys(criterion.gates).length === 0) delete criterion.gates;
  }
  if (isLoose(root.stageMap))
    for (const [crmName, stageId] of Object.entries(root.stageMap))
      if (stageId === id) delete root.stageMap[crmName];
  return root;
}
