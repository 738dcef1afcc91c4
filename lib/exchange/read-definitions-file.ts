import { parseDefinitions, type DefinitionsError } from '../definitions/parse-definitions';
import type { DefinitionsSyntax } from '../definitions/read-definitions-text';
import type { Definitions } from '../definitions/schema-v1';
import { err, type Result } from '../result';
import { findExcessiveNesting } from './json-nesting';
import { readFailure } from './read-failure';

/**
 * {@link parseDefinitions} for a file from outside (an import, the CLI's `--definitions`): text nested
 * too deeply is refused before parsing, and anything the parser throws is refused with an explanation.
 */
export function readDefinitionsFile(
  file: string,
  text: string,
  syntax?: DefinitionsSyntax,
): Result<Definitions, DefinitionsError> {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep) {
    return err({
      summary: `The definitions file was refused: ${tooDeep.message}.`,
      problems: [{ path: '', ...tooDeep }],
    });
  }
  try {
    return parseDefinitions(text, syntax);
  } catch (error) {
    const { problems } = readFailure(file, error);
    return err({
      summary: `The definitions file was refused: ${problems[0]!.message}.`,
      problems: problems.map((problem) => ({ path: '', message: problem.message })),
    });
  }
}
