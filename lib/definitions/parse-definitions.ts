import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { migrateDefinitions } from './migrations/migrate-definitions';
import { readDefinitionsText, type DefinitionsSyntax, type ReadDefinitions } from './read-definitions-text';
import type { DefinitionsError, DefinitionsProblem } from './definitions-problem';
import { DefinitionsV1Schema, type Definitions } from './schema-v1';

export type { DefinitionsError, DefinitionsProblem } from './definitions-problem';

/** Parses, migrates and validates the text of a definitions file (JSON or YAML), reporting every problem found. */
export function parseDefinitions(
  text: string,
  syntax?: DefinitionsSyntax,
): Result<Definitions, DefinitionsError> {
  const read = readDefinitionsText(text, syntax);
  if (!read.ok) return read;
  const migrated = migrateDefinitions(read.value.data);
  if (!migrated.ok) return migrated;
  // Paths of migrated data need not exist in the file; only unmigrated data is located in it.
  const locate = migrated.value === read.value.data ? read.value.locate : undefined;
  return validateDefinitions(migrated.value, locate);
}

/**
 * Validates already-parsed data against definitions format v1; with `locate`, each problem also
 * gets the line and column of the value it is about.
 */
export function validateDefinitions(
  data: unknown,
  locate?: ReadDefinitions['locate'],
): Result<Definitions, DefinitionsError> {
  const parsed = DefinitionsV1Schema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue) => toProblem(issue, locate));
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return err({ summary: `The definitions file has ${count}.`, problems });
}

/** Formats a Zod issue path as `criteria[2].levels[1].value`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = String(segment);
      const plain = /^[A-Za-z_$][\w$]*$/.test(name);
      if (!plain) return `[${JSON.stringify(name)}]`;
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

function toProblem(issue: z.core.$ZodIssue, locate?: ReadDefinitions['locate']): DefinitionsProblem {
  // An unknown key is located at the key itself, not at the object holding it.
  const spotPath = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  const spot = locate?.(spotPath);
  let message = issue.message;
  if (
    issue.code === 'invalid_type' &&
    issue.expected === 'string' &&
    /received number$/.test(issue.message)
  ) {
    // YAML reads `version: 1.0` as the number 1; the text as written is what the admin meant.
    const written = spot && /^[-+.\d]/.test(spot.text) ? spot.text : null;
    message = `must be text, not a number: ${written ? `quote it: "${written}"` : 'put it in quotes'}`;
  } else if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    message = `is required (${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`})`;
  } else if (issue.code === 'unrecognized_keys') {
    message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (is it a typo?)`;
  }
  const where = spot ? { line: spot.line, column: spot.column } : {};
  return { path: formatIssuePath(issue.path), message, ...where };
}
