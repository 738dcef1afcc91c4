import { err, ok, type Result } from '../result';
import { fieldPosition, lineStartOf, parseCsv, type CsvRecord } from './csv-parse';
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
  /** Column of the `criterion` field on its line (for "not in the definitions" found later). */
  criterionColumn: number;
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
  const dealIndex = columns.get('deal')!;
  const raterIndex = columns.get('rater')!;
  const criterionIndex = columns.get('criterion')!;
  const levelIndex = columns.get('level')!;
  const scoredAtIndex = columns.get('scored_at');
  const contextIndex = columns.get('context');
  const versionIndex = columns.get('definitions_version');
  const rows: RatingRow[] = [];
  let lastTimestampText = '';
  let lastTimestamp: number | null = null;
  for (const record of records) {
    const fields = record.fields;
    if (fields.length !== header.fields.length) {
      problems.add({
        line: record.line,
        message: `expected ${header.fields.length} fields like the header, found ${fields.length}`,
      });
      continue;
    }
    const where = (index: number, field: string) => ({ ...fieldPosition(text, record, index), field });
    const deal = fields[dealIndex]!.trim();
    const rater = fields[raterIndex]!.trim();
    const criterion = fields[criterionIndex]!.trim();
    for (const [value, index, name] of [
      [deal, dealIndex, 'deal'],
      [rater, raterIndex, 'rater'],
      [criterion, criterionIndex, 'criterion'],
    ] as const) {
      if (value === '') problems.add({ ...where(index, name), message: `"${name}" is empty` });
    }
    const levelText = fields[levelIndex]!.trim();
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
    const scoredAtText = scoredAtIndex === undefined ? '' : fields[scoredAtIndex]!.trim();
    if (scoredAtText !== '') {
      // The rows of one score share their date: parse each distinct text once.
      if (scoredAtText !== lastTimestampText) {
        lastTimestampText = scoredAtText;
        lastTimestamp = parseTimestamp(scoredAtText);
      }
      scoredAt = lastTimestamp;
      if (scoredAt === null) {
        problems.add({
          ...where(scoredAtIndex!, 'scored_at'),
          message: `scored_at "${scoredAtText}" is not an ISO 8601 date or date-time (e.g. 2024-03-01 or 2024-03-01T09:30:00Z)`,
        });
      }
    }
    const contextRaw = contextIndex === undefined ? '' : fields[contextIndex]!.trim();
    const contextText = contextRaw.toLowerCase();
    if (contextText !== '' && contextText !== 'deal' && contextText !== 'calibration') {
      problems.add({
        ...where(contextIndex!, 'context'),
        message: `context "${contextRaw}" must be deal or calibration (or empty for deal)`,
      });
    }
    if (!problems.empty) continue;
    rows.push({
      line: record.line,
      levelColumn: columnOf(text, record, levelIndex),
      criterionColumn: columnOf(text, record, criterionIndex),
      deal,
      rater,
      criterion,
      level,
      scoredAt,
      context: contextText === 'calibration' ? 'calibration' : 'deal',
      definitionsVersion: (versionIndex === undefined ? '' : fields[versionIndex]!.trim()) || null,
    });
  }
  if (!problems.empty) return err(problems.toError(file, 'the ratings file'));
  return ok(rows);
}

/** Column of a field: arithmetic when the fields before it are unquoted, a rescan otherwise. */
function columnOf(text: string, record: CsvRecord, levelIndex: number): number {
  const lineStart = lineStartOf(text, record.offset);
  let position = record.offset;
  for (let i = 0; i < levelIndex; i++) {
    if (text.charCodeAt(position) === 34) return fieldPosition(text, record, levelIndex).column;
    position += record.fields[i]!.length + 1;
  }
  return position - lineStart + 1;
}
