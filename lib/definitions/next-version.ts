import { stringify } from 'yaml';
import { diffDefinitions } from './diff-definitions';
import { validateDefinitions } from './parse-definitions';
import { formatProblem } from './definitions-problem';
import type { Definitions } from './schema-v1';

/**
 * The next version number: the minor part of `major.minor.patch` goes up and the patch resets
 * ("2.1.0" → "2.2.0", "3" → "4"); any other text gets ".1" appended.
 */
export function bumpVersion(version: string): string {
  const semantic = /^(\d+)\.(\d+)(?:\.(\d+))?(.*)$/.exec(version.trim());
  if (semantic) {
    const [, major, minor, patch] = semantic;
    return patch === undefined ? `${major}.${Number(minor) + 1}` : `${major}.${Number(minor) + 1}.0`;
  }
  const whole = /^(\d+)$/.exec(version.trim());
  if (whole) return String(Number(whole[1]) + 1);
  return `${version.trim()}.1`;
}

/** A draft as the admin types it: definitions-shaped data that may not validate yet. */
export type DraftDocument = Record<string, unknown>;

/** A deep copy of `definitions` with the version bumped: where every draft starts. */
export function startDraft(definitions: Definitions): DraftDocument {
  const copy = structuredClone(definitions) as DraftDocument;
  copy.version = bumpVersion(definitions.version);
  return copy;
}

/** A copy of `draft` with the value at `path` (keys and indexes) replaced; `undefined` deletes it. */
export function setAt(
  draft: DraftDocument,
  path: readonly (string | number)[],
  value: unknown,
): DraftDocument {
  const root = structuredClone(draft);
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root;
}

/** Every problem of a draft, one line each, worded as `npm run definitions -- validate` words them. */
export function draftProblems(draft: DraftDocument): {
  valid: Definitions | null;
  lines: string[];
  paths: Map<string, string>;
} {
  const result = validateDefinitions(draft);
  if (result.ok) return { valid: result.value, lines: [], paths: new Map() };
  const paths = new Map<string, string>();
  for (const problem of result.error.problems)
    if (!paths.has(problem.path)) paths.set(problem.path, problem.message);
  return { valid: null, lines: result.error.problems.map(formatProblem), paths };
}

/** What changed from `before` to a valid `after`, one line each, version first. */
export function describeDraftChanges(before: Definitions, after: Definitions): string[] {
  const lines: string[] = [];
  if (before.version !== after.version) lines.push(`version ${before.version} → ${after.version}`);
  if (before.title !== after.title) lines.push(`title “${before.title}” → “${after.title}”`);
  for (const change of diffDefinitions(before, after)) {
    if (change.kind === 'changed') lines.push(`${change.name}: ${change.details.join('; ')}`);
    else lines.push(`${change.name}: ${change.kind}`);
  }
  if (JSON.stringify(before.bands) !== JSON.stringify(after.bands)) lines.push('bands changed');
  if (JSON.stringify(before.stages) !== JSON.stringify(after.stages)) lines.push('stages changed');
  return lines;
}

/** The file text of valid definitions, ready to publish at the definitions URL. */
export function serializeDefinitions(definitions: Definitions, syntax: 'json' | 'yaml'): string {
  return syntax === 'json' ? `${JSON.stringify(definitions, null, 2)}\n` : stringify(definitions);
}
