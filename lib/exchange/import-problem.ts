/** One thing wrong with an imported file, located so that a person can fix it. */
export interface ImportProblem {
  /** 1-based line of the file; absent when the problem is about the whole file. */
  line?: number;
  /** 1-based character column in that line. */
  column?: number;
  /** The CSV column name or JSON path the problem is in. */
  field?: string;
  message: string;
}

/** Why a file was refused as a whole (nothing of it is imported). */
export interface ImportError {
  file: string;
  summary: string;
  /** The first {@link MAX_PROBLEMS} problems. */
  problems: ImportProblem[];
  /** How many more problems there were beyond those listed. */
  more: number;
}

/** At most this many problems are listed per file; a broken export would otherwise list thousands. */
export const MAX_PROBLEMS = 20;

/** Renders a problem as `file:line:column: message` (compiler style, so editors can jump to it). */
export function formatImportProblem(file: string, problem: ImportProblem): string {
  const where = [file, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where}: ${problem.message}`;
}

/** Renders a refused file as lines: each problem, then a count of any not listed. */
export function formatImportError(error: ImportError): string[] {
  const lines = error.problems.map((problem) => formatImportProblem(error.file, problem));
  if (lines.length === 0) lines.push(`${error.file}: ${error.summary}`);
  if (error.more > 0)
    lines.push(`${error.file}: … and ${error.more} more problem${error.more === 1 ? '' : 's'}`);
  return lines;
}

/** Collects problems up to {@link MAX_PROBLEMS}, counting the rest. */
export class ProblemCollector {
  readonly problems: ImportProblem[] = [];
  more = 0;

  /** Records a problem. */
  add(problem: ImportProblem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem);
    else this.more++;
  }

  /** True when nothing was recorded. */
  get empty(): boolean {
    return this.problems.length === 0 && this.more === 0;
  }

  /** The refusal of `file`, with a summary counting every problem. */
  toError(file: string, what: string): ImportError {
    const total = this.problems.length + this.more;
    return {
      file,
      summary: `${file}: ${what} has ${total} problem${total === 1 ? '' : 's'}; nothing was imported from it`,
      problems: this.problems,
      more: this.more,
    };
  }
}

/** A refusal with a single problem. */
export function singleProblem(file: string, problem: ImportProblem): ImportError {
  return { file, summary: `${file}: ${problem.message}`, problems: [problem], more: 0 };
}
