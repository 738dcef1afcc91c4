import { err, ok, type Result } from '../result';
import type { ImportProblem } from './import-problem';

/** One CSV record: its fields and where it starts. */
export interface CsvRecord {
  /** 1-based line the record starts on (a quoted field may span lines). */
  line: number;
  /** Character offset of the record's start, for locating a field later. */
  offset: number;
  fields: string[];
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Parses RFC 4180 CSV: comma-separated, fields optionally in double quotes with `""` for a quote,
 * records ended by CRLF, LF or CR. Blank lines are skipped. A stray quote or an unterminated quoted
 * field is a syntax error with its line and column; fields are returned as written (not trimmed).
 */
export function parseCsv(text: string): Result<CsvRecord[], ImportProblem> {
  const records: CsvRecord[] = [];
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  while (i < length) {
    const recordLine = line;
    const recordOffset = i;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        const quoteColumn = i - lineStart + 1;
        const valueStart = i + 1;
        let doubled = false;
        let value: string;
        let from = valueStart;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            return err({
              line: quoteLine,
              column: quoteColumn,
              message: 'a quoted field is never closed (a missing " or a truncated file)',
            });
          }
          for (let k = from; k < close; k++) {
            const code = text.charCodeAt(k);
            if (code !== LF && code !== CR) continue;
            if (code === CR || text.charCodeAt(k - 1) !== CR) line++;
            lineStart = k + 1;
          }
          if (text.charCodeAt(close + 1) === QUOTE) {
            doubled = true;
            from = close + 2;
            continue;
          }
          // One flat string per field: appending the pieces between doubled quotes would keep a
          // chain of slices of the whole text alive for every such field (a JSON column has dozens).
          value = doubled
            ? text.slice(valueStart, close).replaceAll('""', '"')
            : text.slice(valueStart, close);
          i = close + 1;
          break;
        }
        const next = text.charCodeAt(i);
        if (i < length && next !== COMMA && next !== LF && next !== CR) {
          return err({
            line,
            column: i - lineStart + 1,
            message:
              'unexpected text after a closing quote (a quote inside a quoted field must be doubled: "")',
          });
        }
        fields.push(value);
      } else {
        const start = i;
        while (i < length) {
          const code = text.charCodeAt(i);
          if (code === COMMA || code === LF || code === CR) break;
          if (code === QUOTE) {
            return err({
              line,
              column: i - lineStart + 1,
              message: 'a quote inside an unquoted field (quote the whole field and double the quote: "")',
            });
          }
          i++;
        }
        fields.push(text.slice(start, i));
      }
      if (i < length && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    if (i < length) {
      if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
      else i++;
      line++;
      lineStart = i;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    records.push({ line: recordLine, offset: recordOffset, fields });
  }
  return ok(records);
}

/** Line and column where field `index` of a record starts (for messages about a valid record). */
export function fieldPosition(
  text: string,
  record: CsvRecord,
  index: number,
): { line: number; column: number } {
  let i = record.offset;
  let line = record.line;
  let lineStart = lineStartOf(text, i);
  for (let field = 0; field < index; field++) {
    if (text.charCodeAt(i) === QUOTE) {
      i++;
      for (;;) {
        const code = text.charCodeAt(i);
        // CRLF, LF and CR alone (classic Mac) each end one line.
        if (code === CR || (code === LF && text.charCodeAt(i - 1) !== CR)) line++;
        if (code === CR || code === LF) lineStart = i + 1;
        if (code === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
    } else {
      while (i < text.length && text.charCodeAt(i) !== COMMA) i++;
    }
    i++;
  }
  return { line, column: i - lineStart + 1 };
}

/** Offset where the line holding `offset` starts: after the last LF or CR (classic Mac) before it. */
export function lineStartOf(text: string, offset: number): number {
  // A scan back, not lastIndexOf('\r'): in a file with no CR that would search to the start each call.
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== LF && text.charCodeAt(start - 1) !== CR) start--;
  return start;
}
