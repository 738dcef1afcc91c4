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

/**
 * Writes scores as CSV that opens cleanly in Excel and Google Sheets: UTF-8 with a byte-order mark,
 * CRLF line ends, ISO 8601 times, every text field quoted, and cells that a spreadsheet would run
 * as a formula (starting with = + - @, tab or carriage return) prefixed with an apostrophe.
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
      lines.push(row.map((cell) => quote(neutraliseFormula(cell))).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Prefixes a cell a spreadsheet would evaluate, so `=HYPERLINK(…)` is shown, never run. */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return `"${cell.replace(/"/g, '""')}"`;
}
