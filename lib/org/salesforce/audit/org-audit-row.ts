import { SCORE_FIELDS } from '../score-object';

/**
 * One row of the audit query with every column as text, keyed by its SELECT path
 * (`Opportunity__r.IsClosed`); null for an empty value. The REST and Bulk paths both produce it, so
 * the rest of the load never knows which one read the org.
 */
export type OrgAuditRow = Readonly<Record<string, string | null>>;

// Text unique to each score: copied out of the page rather than looked up among the page's repeats.
const UNIQUE_COLUMNS: ReadonlySet<string> = new Set([
  'Id',
  SCORE_FIELDS.key,
  'SystemModstamp',
  SCORE_FIELDS.savedAt,
]);

/**
 * Builds one page's rows compactly: every row shares one shape (an object filled by column name one
 * key at a time turns into a hash table, several times larger), a text repeated on the page (owner,
 * deal, stage, definitions, answers) is stored once, no value keeps the page's whole text alive, and
 * answers lose their evidence text, which the audit never reads.
 */
class PageRowBuilder {
  private readonly template: Record<string, string | null>;
  private readonly seen = new Map<string, string>();
  private readonly unique: boolean[];

  constructor(private readonly columns: readonly string[]) {
    this.template = Object.fromEntries(columns.map((column) => [column, null]));
    this.unique = columns.map((column) => UNIQUE_COLUMNS.has(column));
  }

  row(valueAt: (index: number) => string | null): OrgAuditRow {
    const row = { ...this.template };
    for (let i = 0; i < this.columns.length; i++) {
      const value = valueAt(i);
      if (value !== null) row[this.columns[i]!] = this.unique[i] ? ownCopy(value) : this.shared(i, value);
    }
    return row;
  }

  private shared(index: number, value: string): string {
    const known = this.seen.get(value);
    if (known !== undefined) return known;
    const kept = ownCopy(
      this.columns[index] === SCORE_FIELDS.answers ? (withoutEvidence(value) ?? value) : value,
    );
    this.seen.set(value, kept);
    return kept;
  }
}

// A slice of a CSV page (any text of 13 characters or more, in V8) holds on to the whole page; a
// property name is always a string of its own.
function ownCopy(text: string): string {
  return Object.keys({ [text]: true })[0] ?? text;
}

/** Flattens REST query records (`{Opportunity__r: {IsClosed: true}}`) to rows of their columns' text. */
export function rowsFromRestRecords(
  records: readonly Record<string, unknown>[],
  columns: readonly string[],
): OrgAuditRow[] {
  const builder = new PageRowBuilder(columns);
  const paths = columns.map((column) => column.split('.'));
  return records.map((record) =>
    builder.row((index) => {
      let value: unknown = record;
      for (const part of paths[index]!) {
        value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : null;
      }
      return textOf(value);
    }),
  );
}

/**
 * Maps Bulk API 2.0 CSV records to rows by their header. Bulk writes an empty field for null (an empty
 * text is null in the org too), and `true`/`false` and numbers as REST would print them.
 */
export function rowsFromCsv(
  header: readonly string[],
  records: readonly (readonly string[])[],
  columns: readonly string[],
): { ok: true; rows: OrgAuditRow[] } | { ok: false; missing: string[] } {
  const lower = header.map((name) => name.toLowerCase());
  const indexes = columns.map((column) => lower.indexOf(column.toLowerCase()));
  const missing = columns.filter((_column, i) => indexes[i] === -1);
  if (missing.length > 0) return { ok: false, missing };
  const builder = new PageRowBuilder(columns);
  const rows = records.map((fields) =>
    builder.row((index) => {
      const value = fields[indexes[index]!];
      return value === undefined || value === '' ? null : value;
    }),
  );
  return { ok: true, rows };
}

/**
 * Answers as the audit reads them (criterion and level), without evidence; null for text that is not
 * a JSON list, which stays as it is so that the audit still names the row it cannot read.
 */
export function withoutEvidence(json: string): string | null {
  try {
    const answers: unknown = JSON.parse(json);
    if (!Array.isArray(answers)) return null;
    return JSON.stringify(
      answers.map((answer: unknown) => {
        const { criterionId, level } = (answer ?? {}) as { criterionId?: unknown; level?: unknown };
        return { criterionId, level };
      }),
    );
  } catch {
    return null;
  }
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
