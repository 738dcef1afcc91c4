import { SCORE_FIELDS } from '../score-object';
import type { OrgAuditState } from './load-org-audit';
import { withoutEvidence, type OrgAuditRow } from './org-audit-row';

/**
 * The CLI's `--state` file: the state with its rows as arrays under one column list (the column names
 * are most of a keyed row's bytes), and each score's answers without their evidence text, which the
 * audit never reads.
 */
export interface OrgAuditStateFile {
  formatVersion: 2;
  origin: string;
  apiVersion: string;
  queryKey: string;
  scoresSince: string | null;
  dealsSince: string | null;
  columns: string[];
  rows: (string | null)[][];
}

/** Writes a state as the file's JSON text. */
export function stateToFileText(state: OrgAuditState): string {
  const columns = [...new Set(state.rows.flatMap((row) => Object.keys(row)))];
  const file: OrgAuditStateFile = {
    formatVersion: 2,
    origin: state.origin,
    apiVersion: state.apiVersion,
    queryKey: state.queryKey,
    scoresSince: state.scoresSince,
    dealsSince: state.dealsSince,
    columns,
    rows: state.rows.map((row) =>
      columns.map((column) =>
        column === SCORE_FIELDS.answers ? answersWithoutEvidence(row[column] ?? null) : (row[column] ?? null),
      ),
    ),
  };
  return JSON.stringify(file);
}

/** Reads a state file (this format, or the keyed rows of format 1); null when the text is not one. */
export function stateFromFileText(text: string): OrgAuditState | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const keyed = parsed as { formatVersion?: unknown; rows?: unknown } | null;
  if (keyed?.formatVersion === 1 && Array.isArray(keyed.rows)) return parsed as OrgAuditState;
  const file = parsed as Partial<OrgAuditStateFile> | null;
  if (
    file?.formatVersion !== 2 ||
    typeof file.origin !== 'string' ||
    typeof file.apiVersion !== 'string' ||
    typeof file.queryKey !== 'string' ||
    !Array.isArray(file.columns) ||
    !file.columns.every((column) => typeof column === 'string') ||
    !Array.isArray(file.rows)
  )
    return null;
  const columns = file.columns;
  const rows: OrgAuditRow[] = [];
  for (const values of file.rows) {
    if (!Array.isArray(values) || values.length !== columns.length) return null;
    const row: Record<string, string | null> = {};
    columns.forEach((column, i) => {
      const value: unknown = values[i];
      row[column] = typeof value === 'string' ? value : null;
    });
    rows.push(row);
  }
  return {
    formatVersion: 1,
    origin: file.origin,
    apiVersion: file.apiVersion,
    queryKey: file.queryKey,
    scoresSince: typeof file.scoresSince === 'string' ? file.scoresSince : null,
    dealsSince: typeof file.dealsSince === 'string' ? file.dealsSince : null,
    rows,
  };
}

function answersWithoutEvidence(json: string | null): string | null {
  return json === null ? null : (withoutEvidence(json) ?? json);
}
