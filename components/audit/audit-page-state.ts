import type { AuditReport } from '../../lib/audit/audit-report';
import type { MergeSummary } from '../../lib/exchange/merge-imports';
import type {
  AcceptedFile,
  AuditRequest,
  AuditResponse,
  FilePhase,
  RejectedFile,
  WorkerTimings,
} from '../../lib/audit/audit-protocol';
import { count, duration, plural } from '../../lib/audit/format-numbers';

/** One file in the page's list: in progress, part of the audit, or refused. */
export interface FileRow {
  id: string;
  name: string;
  size: number;
  status: 'queued' | FilePhase | 'accepted' | 'rejected';
  /** Reading progress, 0–1. */
  fraction: number;
  accepted?: AcceptedFile;
  rejected?: RejectedFile;
}

interface PendingRequest {
  type: AuditRequest['type'];
  ids: string[];
  startedAt: number;
}

/** Everything the audit page shows. */
export interface AuditPageState {
  rows: FileRow[];
  /** Requests sent to the worker and not answered yet, oldest first (it answers in order). */
  pending: PendingRequest[];
  report: AuditReport | null;
  summary: MergeSummary | null;
  definitions: Extract<AuditResponse, { type: 'state' }>['definitions'];
  /** The definitions the report reads, for criterion names and the draft of the next version. */
  definitionsDocument: Extract<AuditResponse, { type: 'state' }>['definitionsDocument'];
  timings: WorkerTimings | null;
  /** The last outcome in words, for the live status region. */
  status: string;
  /** Page-measured time of the last import (from sending the files to receiving the report). */
  lastImportMs: number | null;
  failure: string | null;
}

export const INITIAL_STATE: AuditPageState = {
  rows: [],
  pending: [],
  report: null,
  summary: null,
  definitions: null,
  definitionsDocument: null,
  timings: null,
  status: '',
  lastImportMs: null,
  failure: null,
};

export type AuditPageAction =
  | { type: 'sent'; request: AuditRequest; sizes?: Map<string, { name: string; size: number }>; at: number }
  | { type: 'received'; response: AuditResponse; at: number }
  | { type: 'dismiss'; id: string };

/** The page's reducer: requests add pending entries, the worker's answers settle them in order. */
export function auditPageReducer(state: AuditPageState, action: AuditPageAction): AuditPageState {
  switch (action.type) {
    case 'sent': {
      const { request } = action;
      const ids =
        request.type === 'import'
          ? request.files.map((f) => f.id)
          : request.type === 'remove'
            ? request.ids
            : [];
      const rows =
        request.type === 'import'
          ? [
              ...state.rows,
              ...request.files.map((f): FileRow => ({
                id: f.id,
                name: f.file.name,
                size: f.file.size,
                status: 'queued',
                fraction: 0,
              })),
            ]
          : request.type === 'clear'
            ? []
            : state.rows;
      return {
        ...state,
        rows,
        failure: null,
        pending: [...state.pending, { type: request.type, ids, startedAt: action.at }],
      };
    }
    case 'dismiss':
      return { ...state, rows: state.rows.filter((row) => row.id !== action.id) };
    case 'received':
      return received(state, action.response, action.at);
  }
}

function received(state: AuditPageState, response: AuditResponse, at: number): AuditPageState {
  if (response.type === 'progress') {
    return {
      ...state,
      rows: state.rows.map((row) =>
        row.id === response.id ? { ...row, status: response.phase, fraction: response.fraction } : row,
      ),
    };
  }
  const [request, ...pending] = state.pending;
  if (response.type === 'failed') {
    const ids = new Set(request?.ids ?? []);
    return {
      ...state,
      pending,
      // Files of the failed request are not part of the audit.
      rows: state.rows.filter((row) => !(ids.has(row.id) && row.status !== 'accepted')),
      failure: response.message,
      status: `The audit failed: ${response.message}`,
    };
  }
  const accepted = new Map(response.files.map((file) => [file.id, file]));
  const rejected = new Map(response.rejected.map((file) => [file.id, file]));
  const rows = state.rows.flatMap((row): FileRow[] => {
    const ok = accepted.get(row.id);
    if (ok) return [{ ...row, status: 'accepted', fraction: 1, accepted: ok, rejected: undefined }];
    const refused = rejected.get(row.id);
    if (refused) return [{ ...row, status: 'rejected', fraction: 1, rejected: refused, accepted: undefined }];
    // Accepted before and no longer in the audit: removed.
    if (row.status === 'accepted') return [];
    return [row];
  });
  return {
    ...state,
    pending,
    rows,
    report: response.report,
    summary: response.summary,
    definitions: response.definitions,
    definitionsDocument: response.definitionsDocument,
    timings: response.timings,
    lastImportMs: request?.type === 'import' ? at - request.startedAt : state.lastImportMs,
    status: statusOf(request, response, at),
  };
}

function statusOf(
  request: PendingRequest | undefined,
  response: Extract<AuditResponse, { type: 'state' }>,
  at: number,
): string {
  const report = response.report;
  const totals = report
    ? `The audit now has ${plural(report.counts.scores, 'score')} from ${plural(report.counts.raters, 'rater')} on ${plural(report.counts.deals, 'deal')}, and ${plural(report.counts.outcomes, 'outcome')}.`
    : 'No data is imported.';
  if (!request || request.type !== 'import') {
    if (request?.type === 'clear') return 'All files were removed.';
    if (request?.type === 'audit') return `Recomputed as of ${report?.asOf.slice(0, 10) ?? 'now'}. ${totals}`;
    const refused = response.rejected.length;
    return `${request?.type === 'remove-definitions' || request?.type === 'remove' ? 'Removed. ' : ''}${refused > 0 ? `${plural(refused, 'file')} no longer merge and ${refused === 1 ? 'was' : 'were'} refused. ` : ''}${totals}`;
  }
  const ids = new Set(request.ids);
  const mine = response.files.filter((file) => ids.has(file.id));
  const refused = response.rejected.filter((file) => ids.has(file.id)).length;
  const otherRefused = response.rejected.length - refused;
  const added = mine.reduce((sum, file) => sum + file.added.scores + file.added.outcomes, 0);
  const duplicates = mine.reduce((sum, file) => sum + file.duplicates, 0);
  const parts = [
    `Imported ${mine.length} of ${plural(request.ids.length, 'file')} in ${duration(at - request.startedAt)}`,
  ];
  if (refused > 0) parts.push(`${plural(refused, 'file')} refused (see the errors below)`);
  if (otherRefused > 0) parts.push(`${plural(otherRefused, 'earlier file')} refused by the new definitions`);
  let text = `${parts.join('; ')}.`;
  if (mine.length > 0) {
    text +=
      added === 0 && duplicates > 0
        ? ` Nothing new: all ${count(duplicates)} scores, ratings and outcomes were already imported and were merged.`
        : ` ${count(added)} new scores and outcomes${duplicates > 0 ? `, ${count(duplicates)} already imported (merged)` : ''}.`;
  }
  return `${text} ${totals}`;
}
