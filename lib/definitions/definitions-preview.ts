import type { Criterion } from './schema-v1';

/**
 * The active definitions' criteria as last served, kept in the extension's storage.local so that a
 * sidebar can lay out its criteria before the database answers (after a browser start it takes a
 * while to open). Shown disabled until the deal's own state, with the authoritative definitions, arrives.
 */
export interface DefinitionsPreview {
  /** Bumped when the stored shape changes; older copies are ignored. */
  format: typeof DEFINITIONS_PREVIEW_FORMAT;
  hash: string;
  criteria: Criterion[];
}

/** The stored shape's version. */
export const DEFINITIONS_PREVIEW_FORMAT = 1;

/** The preview of a set of definitions. */
export function definitionsPreviewOf(hash: string, criteria: readonly Criterion[]): DefinitionsPreview {
  return { format: DEFINITIONS_PREVIEW_FORMAT, hash, criteria: [...criteria] };
}

/**
 * A stored preview, or null when there is none or it is not one this version can lay out (an older
 * format, or anything malformed): the sidebar then simply waits for the deal's state.
 */
export function readDefinitionsPreview(value: unknown): DefinitionsPreview | null {
  if (!isRecord(value) || value.format !== DEFINITIONS_PREVIEW_FORMAT || typeof value.hash !== 'string')
    return null;
  const { criteria } = value;
  if (!Array.isArray(criteria) || criteria.length === 0 || !criteria.every(isCriterionShape)) return null;
  return value as unknown as DefinitionsPreview;
}

function isCriterionShape(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const texts = [value.id, value.name, value.question, value.definition];
  if (!texts.every((text) => typeof text === 'string') || !Array.isArray(value.levels)) return false;
  return value.levels.every(
    (level) =>
      isRecord(level) &&
      typeof level.value === 'number' &&
      typeof level.label === 'string' &&
      typeof level.evidence === 'string',
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
