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

/** Renders a problem as one line: `criteria[2].levels[1].value: must be a number`. */
export function formatProblem(problem: DefinitionsProblem): string {
  const where = problem.line === undefined ? '' : ` (line ${problem.line}, column ${problem.column})`;
  return `${problem.path || '(file)'}${where}: ${problem.message}`;
}
