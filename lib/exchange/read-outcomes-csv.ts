import { err, ok, type Result } from '../result';
import { fieldPosition, parseCsv } from './csv-parse';
import { readHeader } from './csv-header';
import { ProblemCollector, singleProblem, type ImportError } from './import-problem';

/** One closed deal of an outcomes CSV. */
export interface OutcomeRow {
  line: number;
  deal: string;
  won: boolean;
  /** Every other column (lead source, region, …), by header name as written. */
  segments: Record<string, string>;
}

/** An outcomes file: its rows and the segment columns it has. */
export interface OutcomesFile {
  rows: OutcomeRow[];
  segmentColumns: string[];
}

/**
 * Reads an outcomes CSV: `deal,outcome` (won or lost, any case) plus any segment columns. A deal
 * listed twice must agree with itself; any problem refuses the whole file.
 */
export function readOutcomesCsv(file: string, text: string): Result<OutcomesFile, ImportError> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return err(singleProblem(file, parsed.error));
  const [header, ...records] = parsed.value;
  if (!header)
    return err(singleProblem(file, { message: 'the file is empty (expected a header: deal,outcome)' }));
  const problems = new ProblemCollector();
  const columns = readHeader(
    header,
    { required: ['deal', 'outcome'], optional: [], allowExtra: true },
    problems,
  );
  if (!problems.empty) return err(problems.toError(file, 'the outcomes header'));
  const dealIndex = columns.get('deal')!;
  const outcomeIndex = columns.get('outcome')!;
  const segmentColumns = [...columns.entries()]
    .filter(([, index]) => index !== dealIndex && index !== outcomeIndex)
    .map(([, index]) => ({ name: header.fields[index]!.trim(), index }));
  const rows: OutcomeRow[] = [];
  const seen = new Map<string, OutcomeRow>();
  for (const record of records) {
    if (record.fields.length !== header.fields.length) {
      problems.add({
        line: record.line,
        message: `expected ${header.fields.length} fields like the header, found ${record.fields.length}`,
      });
      continue;
    }
    const deal = record.fields[dealIndex]!.trim();
    const outcomeText = record.fields[outcomeIndex]!.trim();
    const outcome = outcomeText.toLowerCase();
    if (deal === '') {
      problems.add({ ...fieldPosition(text, record, dealIndex), field: 'deal', message: '"deal" is empty' });
    }
    if (outcome !== 'won' && outcome !== 'lost') {
      problems.add({
        ...fieldPosition(text, record, outcomeIndex),
        field: 'outcome',
        message: `outcome "${outcomeText}" must be won or lost (open deals do not belong in the outcomes file)`,
      });
    }
    if (!problems.empty) continue;
    const row: OutcomeRow = {
      line: record.line,
      deal,
      won: outcome === 'won',
      segments: Object.fromEntries(
        segmentColumns.map(({ name, index }) => [name, record.fields[index]!.trim()]),
      ),
    };
    const earlier = seen.get(deal);
    if (earlier) {
      if (earlier.won !== row.won || JSON.stringify(earlier.segments) !== JSON.stringify(row.segments)) {
        problems.add({
          line: record.line,
          message: `deal "${deal}" is listed again with different values (first at line ${earlier.line})`,
        });
      }
      continue;
    }
    seen.set(deal, row);
    rows.push(row);
  }
  if (!problems.empty) return err(problems.toError(file, 'the outcomes file'));
  return ok({ rows, segmentColumns: segmentColumns.map((column) => column.name) });
}
