import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** A 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/** Maps character offsets to line and column; the line index is built on first use. */
export function lineLocator(text: string): (offset: number) => TextPosition {
  let starts: number[] | null = null;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/**
 * Locates a JSON path (e.g. `['scores', 3, 'answers', 0, 'level']`) in JSON text; when the member
 * is absent it falls back to the nearest enclosing value. The syntax tree is built on first use.
 */
export function jsonPathLocator(text: string): (path: readonly (string | number)[]) => TextPosition {
  let root: Node | undefined;
  const position = lineLocator(text);
  return (path) => {
    root ??= parseTree(text) ?? undefined;
    if (!root) return { line: 1, column: 1 };
    for (let length = path.length; length >= 0; length--) {
      const node = findNodeAtLocation(root, path.slice(0, length) as (string | number)[]);
      if (node) return position(node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return { line: 1, column: 1 };
  };
}

/** Describes where JSON text stops being valid, e.g. "Unexpected end of file" at 12:1. */
export function locateJsonSyntaxError(text: string): (TextPosition & { message: string }) | null {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first) return null;
  const code = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  const atEnd = first.offset + first.length >= text.trimEnd().length;
  const message = atEnd ? `the JSON ends early (a truncated file?): ${code}` : `invalid JSON: ${code}`;
  return { ...lineLocator(text)(first.offset), message };
}
