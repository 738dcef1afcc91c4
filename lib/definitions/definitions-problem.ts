/** One thing wrong with a definitions file, located so an admin can fix it. */
export interface DefinitionsProblem {
  /** Path into the document, e.g. `criteria[2].levels[1].value`; empty for the whole file. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** Why a definitions file was refused. */
export interface DefinitionsError {
  summary: string;
  problems: DefinitionsProblem[];
}

/** Renders a problem as one line: `criteria[2].levels[1].value: must be a number (line 14, column 20)`. */
export function formatProblem(problem: DefinitionsProblem): string {
  // Syntax errors already say where they are in their message.
  const where =
    problem.line === undefined || /\bline \d+/.test(problem.message)
      ? ''
      : ` (line ${problem.line}, column ${problem.column})`;
  return `${problem.path || '(file)'}: ${problem.message}${where}`;
}
