import { err, ok, type Result } from '../result';
import { fieldPosition, parseCsv } from './csv-parse';
import { readHeader } from './csv-header';
import { ProblemCollector, singleProblem, type ImportError } from './import-problem';
import { parseTimestamp } from './parse-timestamp';

/** The ratings CSV's required columns, in the documented order. */
export const RATINGS_REQUIRED_COLUMNS = ['deal', 'rater', 'criterion', 'level'] as const;
/** The ratings CSV's optional columns. */
export const RATINGS_OPTIONAL_COLUMNS = ['scored_at', 'context', 'definitions_version'] as const;

/** One row of a ratings CSV. */
export interface RatingRow {
  line: number;
  /** Column of the `level` field on its line (for messages found later, e.g. against definitions). */
  levelColumn: number;
  deal: string;
  rater: string;
  criterion: string;
  /** null = Unknown (an empty cell). */
  level: number | null;
  /** Epoch milliseconds, null when the column is absent or the cell empty. */
  scoredAt: number | null;
  context: 'deal' | 'calibration';
  definitionsVersion: string | null;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a ratings CSV (long format: `deal,rater,criterion,level` + optional `scored_at`, `context`,
 * `definitions_version`). Any problem refuses the whole file; every problem names line and column.
 */
export function readRatingsCsv(file: string, text: string): Result<RatingRow[], ImportError> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return err(singleProblem(file, parsed.error));
  const [header, ...records] = parsed.value;
  if (!header)
    return err(
      singleProblem(file, { message: 'the file is empty (expected a header: deal,rater,criterion,level)' }),
    );
  const problems = new ProblemCollector();
  const columns = readHeader(
    header,
    { required: RATINGS_REQUIRED_COLUMNS, optional: RATINGS_OPTIONAL_COLUMNS, allowExtra: false },
    problems,
  );
  if (!problems.empty) return err(problems.toError(file, 'the ratings header'));
  const at = (name: string) => columns.get(name);
  const rows: RatingRow[] = [];
  for (const record of records) {
    const where = (index: number, field: string) => ({ ...fieldPosition(text, record, index), field });
    if (record.fields.length !== header.fields.length) {
      problems.add({
        line: record.line,
        message: `expected ${header.fields.length} fields like the header, found ${record.fields.length}`,
      });
      continue;
    }
    const cell = (name: string): string | undefined => {
      const index = at(name);
      return index === undefined ? undefined : record.fields[index]!.trim();
    };
    const required = (name: string): string => {
      const value = cell(name)!;
      if (value === '') problems.add({ ...where(at(name)!, name), message: `"${name}" is empty` });
      return value;
    };
    const deal = required('deal');
    const rater = required('rater');
    const criterion = required('criterion');
    const levelText = cell('level')!;
    const levelIndex = at('level')!;
    let level: number | null = null;
    if (levelText !== '') {
      if (!NUMBER.test(levelText)) {
        problems.add({
          ...where(levelIndex, 'level'),
          message: `level "${levelText}" is not a number (leave the cell empty for Unknown)`,
        });
      } else level = Number(levelText);
    }
    let scoredAt: number | null = null;
    const scoredAtText = cell('scored_at');
    if (scoredAtText) {
      scoredAt = parseTimestamp(scoredAtText);
      if (scoredAt === null) {
        problems.add({
          ...where(at('scored_at')!, 'scored_at'),
          message: `scored_at "${scoredAtText}" is not an ISO 8601 date or date-time (e.g. 2024-03-01 or 2024-03-01T09:30:00Z)`,
        });
      }
    }
    const contextText = (cell('context') ?? '').toLowerCase();
    if (contextText !== '' && contextText !== 'deal' && contextText !== 'calibration') {
      problems.add({
        ...where(at('context')!, 'context'),
        message: `context "${cell('context')}" must be deal or calibration (or empty for deal)`,
      });
    }
    if (!problems.empty) continue;
    rows.push({
      line: record.line,
      levelColumn: where(levelIndex, 'level').column,
      deal,
      rater,
      criterion,
      level,
      scoredAt,
      context: contextText === 'calibration' ? 'calibration' : 'deal',
      definitionsVersion: cell('definitions_version') || null,
    });
  }
  if (!problems.empty) return err(problems.toError(file, 'the ratings file'));
  return ok(rows);
}
