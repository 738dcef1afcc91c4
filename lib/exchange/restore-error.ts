import type { Result } from '../result';
import { err } from '../result';
import type { ImportError, ImportProblem, ProblemCollector } from './import-problem';

/** Why a backup was refused, for the UI to pick its wording; the problems say what and where. */
export type RestoreErrorReason =
  | 'too-large'
  | 'encoding'
  | 'syntax'
  | 'not-a-backup'
  | 'unsupported-version'
  | 'checksum'
  | 'invalid'
  | 'conflict'
  | 'storage';

/** A refused backup: nothing of it was restored. Problems carry line, column and JSON path. */
export interface RestoreError extends ImportError {
  reason: RestoreErrorReason;
}

/** Renders a refused backup for people: `backup.json, line 3, column 9: scores[12]…: message`. */
export function formatRestoreError(error: ImportError): string[] {
  const lines = error.problems.map((problem) => {
    const where = [
      error.file,
      problem.line === undefined ? undefined : `line ${problem.line}`,
      problem.line === undefined || problem.column === undefined ? undefined : `column ${problem.column}`,
    ].filter((part) => part !== undefined);
    return `${where.join(', ')}: ${problem.message}`;
  });
  if (lines.length === 0) lines.push(error.summary);
  if (error.more > 0)
    lines.push(`${error.file}: … and ${error.more} more problem${error.more === 1 ? '' : 's'}`);
  return lines;
}

/** The refusal of a backup with the collected problems. */
export function restoreErrorOf(
  problems: ProblemCollector,
  file: string,
  reason: RestoreErrorReason,
): RestoreError {
  const total = problems.problems.length + problems.more;
  return {
    file,
    reason,
    summary: `${file}: the backup has ${total} problem${total === 1 ? '' : 's'}; nothing was restored`,
    problems: problems.problems,
    more: problems.more,
  };
}

/** Refuses a backup for one problem, with nothing restored. */
export function refuseRestore(
  file: string,
  reason: RestoreErrorReason,
  problem: ImportProblem,
): Result<never, RestoreError> {
  return err({
    file,
    reason,
    summary: `${file}: ${problem.message}; nothing was restored`,
    problems: [problem],
    more: 0,
  });
}
