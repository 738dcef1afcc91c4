import {
  findNodeAtLocation,
  parse as parseJsonc,
  parseTree,
  printParseErrorCode,
  visit,
  type ParseError,
} from 'jsonc-parser';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { err, ok, type Result } from '../result';
import type { DefinitionsError, DefinitionsProblem } from './definitions-problem';

/** The syntax a definitions file is written in. */
export type DefinitionsSyntax = 'json' | 'yaml';

/** Where a value sits in the file, and its text as written there. */
export interface SourceSpot {
  line: number;
  column: number;
  text: string;
}

/** Definitions text read into plain data, with a way back from a path to where it was written. */
export interface ReadDefinitions {
  data: unknown;
  /** The spot of the value at `path`, or of its nearest ancestor that exists in the file. */
  locate(path: readonly PropertyKey[]): SourceSpot | undefined;
}

/**
 * Turns definitions text into plain data, reporting syntax errors with line and column.
 * Without a `syntax` hint, text starting with `{` is JSON and anything else YAML.
 */
export function readDefinitionsText(
  text: string,
  syntax?: DefinitionsSyntax,
): Result<ReadDefinitions, DefinitionsError> {
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

function readJson(text: string): Result<ReadDefinitions, DefinitionsError> {
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
  const root = parseTree(text);
  const locate = (path: readonly PropertyKey[]): SourceSpot | undefined => {
    if (!root) return undefined;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(root, path.slice(0, depth).map(asSegment));
      if (node) return spotAt(text, node.offset, node.offset + node.length);
    }
    return undefined;
  };
  return ok({ data, locate });
}

function readYaml(text: string): Result<ReadDefinitions, DefinitionsError> {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const first = document.errors[0];
  if (first) {
    const position = first.linePos?.[0];
    // The position travels in line and column, which formatProblem prints once; yaml repeats it in words.
    const message = (first.message.split('\n')[0] ?? first.message)
      .replace(/:$/, '')
      .replace(/ at line \d+, column \d+$/, '');
    return syntaxError('yaml', { path: '', message, line: position?.line, column: position?.col });
  }
  const data: unknown = document.toJS({ maxAliasCount: 100 });
  return ok({ data, locate: (path) => locateInYaml(document, text, path) });
}

/** Walks the YAML node tree as far as `path` goes; the deepest node reached gives the spot. */
function locateInYaml(
  document: Document,
  text: string,
  path: readonly PropertyKey[],
): SourceSpot | undefined {
  let node: unknown = document.contents;
  let range: readonly number[] | undefined = (node as { range?: number[] } | null)?.range;
  for (const segment of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      next = pair?.value ?? pair?.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    const nextRange = (next as { range?: number[] } | null | undefined)?.range;
    if (!nextRange) break;
    node = next;
    range = nextRange;
  }
  return range ? spotAt(text, range[0]!, range[1]!) : undefined;
}

function spotAt(text: string, start: number, end: number): SourceSpot {
  return { ...lineColumnAt(text, start), text: text.slice(start, end) };
}

function asSegment(segment: PropertyKey): string | number {
  return typeof segment === 'number' ? segment : String(segment);
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
