import { parse as parseJsonc, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { err, ok, type Result } from '../result';
import type { DefinitionsError, DefinitionsProblem } from './definitions-problem';

/** The syntax a definitions file is written in. */
export type DefinitionsSyntax = 'json' | 'yaml';

/**
 * Turns definitions text into plain data, reporting syntax errors with line and column.
 * Without a `syntax` hint, text starting with `{` is JSON and anything else YAML.
 */
export function readDefinitionsText(
  text: string,
  syntax?: DefinitionsSyntax,
): Result<unknown, DefinitionsError> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return syntaxError('json', { path: '', message: 'the file is empty' });
  if (/^\s*</.test(body)) {
    return syntaxError('json', {
      path: '',
      message:
        'this is an HTML or XML page, not a definitions file (a login or error page served instead of the file?)',
      line: 1,
      column: 1,
    });
  }
  const chosen = syntax ?? (/^\s*[{[]/.test(body) ? 'json' : 'yaml');
  return chosen === 'json' ? readJson(body) : readYaml(body);
}

function readJson(text: string): Result<unknown, DefinitionsError> {
  const located: ParseError[] = [];
  const data: unknown = parseJsonc(text, located, { allowTrailingComma: false, disallowComments: true });
  const first = located[0];
  if (first) {
    const { line, column } = lineColumnAt(text, first.offset);
    return syntaxError('json', {
      path: '',
      message: `${describeCode(printParseErrorCode(first.error))} at line ${line}, column ${column}`,
      line,
      column,
    });
  }
  const duplicate = findDuplicateJsonKey(text);
  if (duplicate) return syntaxError('json', duplicate);
  return ok(data);
}

function readYaml(text: string): Result<unknown, DefinitionsError> {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const first = document.errors[0];
  if (first) {
    const position = first.linePos?.[0];
    const message = (first.message.split('\n')[0] ?? first.message).replace(/:$/, '');
    return syntaxError('yaml', { path: '', message, line: position?.line, column: position?.col });
  }
  return ok(document.toJS({ maxAliasCount: 100 }));
}

/** JSON.parse silently keeps the last of two equal keys; in a definitions file that hides a typo. */
function findDuplicateJsonKey(text: string): DefinitionsProblem | null {
  const seenPerObject: Set<string>[] = [];
  let found: DefinitionsProblem | null = null;
  visit(text, {
    onObjectBegin: () => void seenPerObject.push(new Set()),
    onObjectEnd: () => void seenPerObject.pop(),
    onObjectProperty: (name, offset) => {
      const seen = seenPerObject.at(-1);
      if (!seen || found) return;
      if (seen.has(name)) {
        const { line, column } = lineColumnAt(text, offset);
        found = {
          path: '',
          message: `duplicate key "${name}" at line ${line}, column ${column}`,
          line,
          column,
        };
      }
      seen.add(name);
    },
  });
  return found;
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function describeCode(code: string): string {
  const spaced = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function syntaxError(
  syntax: DefinitionsSyntax,
  problem: DefinitionsProblem,
): Result<never, DefinitionsError> {
  const what = syntax === 'json' ? 'valid JSON' : 'valid YAML';
  return err({ summary: `The file is not ${what}: ${problem.message}`, problems: [problem] });
}
