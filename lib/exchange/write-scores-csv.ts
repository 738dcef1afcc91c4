import type { Definitions } from '../definitions/schema-v1';
import type { ScoreRecord } from '../scoring/score-record';

/** Columns of the spreadsheet export, one row per score and criterion. */
export const SCORES_CSV_COLUMNS = [
  'score_id',
  'deal',
  'deal_name',
  'crm',
  'stage',
  'rater',
  'rater_verified',
  'scored_at',
  'context',
  'definitions_id',
  'definitions_version',
  'definitions_hash',
  'criterion',
  'level',
  'level_label',
  'evidence',
  'total',
  'band',
] as const;

/** The columns written as plain numbers: unquoted and never prefixed, so `-1` stays the number −1. */
const NUMERIC_COLUMNS: ReadonlySet<(typeof SCORES_CSV_COLUMNS)[number]> = new Set(['level', 'total']);

/**
 * Writes scores as CSV that opens cleanly in Excel and Google Sheets: UTF-8 with a byte-order mark,
 * CRLF line ends, ISO 8601 times, numbers (`level`, `total`) as plain numbers, every text field
 * quoted and neutralised by {@link neutraliseFormula}.
 * An Unknown level is an empty `level` cell with `level_label` "Unknown".
 */
export function writeScoresCsv(
  scores: readonly ScoreRecord[],
  definitionsByHash: ReadonlyMap<string, Definitions>,
): string {
  const lines = [SCORES_CSV_COLUMNS.map(quote).join(',')];
  for (const score of scores) {
    const definitions = definitionsByHash.get(score.definitions.hash);
    for (const answer of score.answers) {
      const criterion = definitions?.criteria.find((c) => c.id === answer.criterionId);
      const label =
        answer.level === null
          ? 'Unknown'
          : (criterion?.levels.find((l) => l.value === answer.level)?.label ?? '');
      const row = [
        score.id,
        score.dealKey,
        score.deal.name.text ?? '',
        score.deal.crm,
        score.deal.stage.text ?? '',
        score.rater,
        // `salesforce:<user id>` when the org verified the rater; empty when the name is self-declared.
        score.orgRater ? `salesforce:${score.orgRater.userId}` : '',
        score.savedAt,
        score.context,
        score.definitions.id,
        score.definitions.version,
        score.definitions.hash,
        answer.criterionId,
        answer.level === null ? '' : String(answer.level),
        label,
        answer.evidence,
        String(score.total),
        score.band.label,
      ];
      lines.push(
        row
          .map((cell, index) =>
            NUMERIC_COLUMNS.has(SCORES_CSV_COLUMNS[index]!) ? cell : quote(neutraliseFormula(cell)),
          )
          .join(','),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * What a spreadsheet reads as the start of a formula: = + - @ and their full-width and small
 * lookalikes (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫), which some spreadsheets fold to ASCII, plus tab, CR and LF.
 */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\t\r\n]/;

/**
 * Prefixes a text cell a spreadsheet would evaluate with an apostrophe (the OWASP CSV-injection
 * rule), so `=HYPERLINK(…)` is shown, never run. The test is made on the cell and on the cell with
 * leading white space trimmed, since spreadsheets skip it: ` =1+1` and `\n=1+1` are formulas too.
 * For text columns only: a number column's `-1` is a number, not a formula.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) || FORMULA_START.test(cell.trimStart()) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}
