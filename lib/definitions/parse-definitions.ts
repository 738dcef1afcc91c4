import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import type { DefinitionsError, DefinitionsProblem } from './definitions-problem';
import { DefinitionsV1Schema, type Definitions } from './schema-v1';

export type { DefinitionsError, DefinitionsProblem } from './definitions-problem';

/** Parses and validates the text of a definitions file (JSON), reporting every problem found. */
export function parseDefinitions(text: string): Result<Definitions, DefinitionsError> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const problem = describeJsonSyntaxError(text, error);
    return err({ summary: `The file is not valid JSON: ${problem.message}`, problems: [problem] });
  }
  return validateDefinitions(data);
}

/** Validates already-parsed data against definitions format v1. */
export function validateDefinitions(data: unknown): Result<Definitions, DefinitionsError> {
  const parsed = DefinitionsV1Schema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map(toProblem);
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

function toProblem(issue: z.core.$ZodIssue): DefinitionsProblem {
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (is it a typo?)`;
  }
  return { path: formatIssuePath(issue.path), message };
}

/** Locates a JSON syntax error: JSON.parse's own message rarely says where. */
function describeJsonSyntaxError(text: string, error: unknown): DefinitionsProblem {
  if (text.trim() === '') return { path: '', message: 'the file is empty' };
  const located: ParseError[] = [];
  parseJsonc(text, located, { allowTrailingComma: false, disallowComments: true });
  const first = located[0];
  if (!first) return { path: '', message: error instanceof Error ? error.message : String(error) };
  const before = text.slice(0, first.offset).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return {
    path: '',
    message: `${describeParseErrorCode(printParseErrorCode(first.error))} at line ${line}, column ${column}`,
    line,
    column,
  };
}

function describeParseErrorCode(code: string): string {
  const spaced = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
