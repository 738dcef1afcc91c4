import type { CsvRecord } from './csv-parse';
import type { ProblemCollector } from './import-problem';

/** Column positions by normalised name (trimmed, lower-case). */
export type ColumnIndex = Map<string, number>;

/**
 * Reads a header record: names are trimmed and compared case-insensitively. Reports duplicate
 * names, missing required columns and, when `allowExtra` is false, unknown columns. A one-column
 * header holding semicolons or tabs is named as the wrong delimiter, since that is the usual cause.
 */
export function readHeader(
  header: CsvRecord,
  columns: { required: readonly string[]; optional: readonly string[]; allowExtra: boolean },
  problems: ProblemCollector,
): ColumnIndex {
  const index: ColumnIndex = new Map();
  const only = header.fields.length === 1 ? header.fields[0]! : '';
  const separator = only.includes(';') ? 'semicolon' : only.includes('\t') ? 'tab' : null;
  if (separator) {
    problems.add({
      line: header.line,
      column: 1,
      message: `the header is ${separator}-separated ("${only.slice(0, 60)}"): save the file as comma-separated CSV`,
    });
    return index;
  }
  let column = 1;
  header.fields.forEach((raw, position) => {
    const name = raw.trim().toLowerCase();
    const at = { line: header.line, column, field: raw };
    column += raw.length + 1;
    if (name === '') {
      problems.add({ ...at, message: `column ${position + 1} has an empty header` });
      return;
    }
    const first = index.get(name);
    if (first !== undefined) {
      problems.add({ ...at, message: `duplicate header "${raw.trim()}" (also column ${first + 1})` });
      return;
    }
    if (!columns.allowExtra && !columns.required.includes(name) && !columns.optional.includes(name)) {
      const expected = [...columns.required, ...columns.optional].join(', ');
      problems.add({ ...at, message: `unknown column "${raw.trim()}" (the columns are: ${expected})` });
      return;
    }
    index.set(name, position);
  });
  const missingColumns = columns.required.filter((name) => !index.has(name));
  if (missingColumns.length > 0) {
    problems.add({
      line: header.line,
      message: `missing column${missingColumns.length > 1 ? 's' : ''} ${missingColumns.map((n) => `"${n}"`).join(', ')} (the header has: ${header.fields.join(', ')})`,
    });
  }
  return index;
}
