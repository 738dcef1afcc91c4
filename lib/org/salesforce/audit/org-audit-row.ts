/**
 * One row of the audit query with every column as text, keyed by its SELECT path
 * (`Opportunity__r.IsClosed`); null for an empty value. The REST and Bulk paths both produce it, so
 * the rest of the load never knows which one read the org.
 */
export type OrgAuditRow = Readonly<Record<string, string | null>>;

/** Flattens a REST query record (`{Opportunity__r: {IsClosed: true}}`) to its columns' text. */
export function rowFromRestRecord(record: Record<string, unknown>, columns: readonly string[]): OrgAuditRow {
  const row: Record<string, string | null> = {};
  for (const column of columns) {
    let value: unknown = record;
    for (const part of column.split('.')) {
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : null;
    }
    row[column] = textOf(value);
  }
  return row;
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
  const rows = records.map((fields) => {
    const row: Record<string, string | null> = {};
    columns.forEach((column, i) => {
      const value = fields[indexes[i]!];
      row[column] = value === undefined || value === '' ? null : value;
    });
    return row;
  });
  return { ok: true, rows };
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
