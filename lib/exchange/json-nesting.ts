import type { ImportProblem } from './import-problem';
import { lineLocator } from './text-position';

/**
 * Deeper than any file Yardstick writes (a bundle or backup nests about 8 levels), far below what
 * recursive readers (the syntax-tree locator, the schema checks) survive.
 */
export const MAX_JSON_NESTING = 64;

const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Scans JSON (or NDJSON) text, without parsing it, for arrays and objects nested deeper than
 * `maxDepth`; returns where the first too-deep one opens, or null. Strings are skipped, so brackets
 * inside them do not count. Runs before anything that recurses over the data.
 */
export function findExcessiveNesting(text: string, maxDepth = MAX_JSON_NESTING): ImportProblem | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === BACKSLASH) i++;
        else if (inner === QUOTE) break;
      }
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > maxDepth) {
        return {
          ...lineLocator(text)(i),
          message: `arrays and objects are nested more than ${maxDepth} deep here; no Yardstick file nests like this, so the file is damaged or hostile and was not read`,
        };
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth = Math.max(0, depth - 1);
  }
  return null;
}
