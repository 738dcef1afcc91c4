import type { AuditReport } from './audit-report';
import type { Definitions } from '../definitions/schema-v1';
import type { MergeSummary } from '../exchange/merge-imports';
import type { ImportKind } from '../exchange/read-import-file';
import type { OrgLoadSummary } from './org-load-side';

/**
 * The messages between the audit page and its worker. Everything here is structured-clonable:
 * parsed files (whose `locate` is a function) stay inside the worker.
 */

/** A file handed to the worker. `File` is structured-clonable, so the worker reads the bytes itself. */
export interface IncomingFile {
  /** Unique per import (the same file imported twice gets two ids). */
  id: string;
  file: Blob & { readonly name: string };
  /** `definitions` when the manager picked it as the definitions file; `auto` detects the kind. */
  role: 'auto' | 'definitions';
}

/** What the page asks the worker to do. Requests are handled one at a time, in order. */
export type AuditRequest =
  | { type: 'import'; files: IncomingFile[]; asOf: number }
  | { type: 'remove'; ids: string[]; asOf: number }
  | { type: 'remove-definitions'; asOf: number }
  | { type: 'audit'; asOf: number }
  /** Merge in the org rows the background stored for `load.origin` (null: leave the org out). */
  | { type: 'org'; load: OrgLoadSummary | null; asOf: number }
  | { type: 'clear' };

/** Where one file is in its import. */
export type FilePhase = 'reading' | 'checking' | 'merging';

/** The kind of an accepted file, definitions included. */
export type AcceptedKind = ImportKind | 'definitions';

/** A file that is part of the audit. */
export interface AcceptedFile {
  id: string;
  name: string;
  kind: AcceptedKind;
  /** Scores, ratings or outcomes that this file added (the rest were already imported). */
  added: { scores: number; ratings: number; outcomes: number };
  /** Scores, ratings or outcomes of this file that were already imported and merged. */
  duplicates: number;
  /** For definitions: `id@version`. */
  label?: string;
}

/** A file that was refused whole. `lines` are `file:line:column: message`. */
export interface RejectedFile {
  id: string;
  name: string;
  summary: string;
  lines: string[];
}

/** How long each step took in the worker, in milliseconds. */
export interface WorkerTimings {
  read: number;
  merge: number;
  audit: number;
  total: number;
}

/** The worker's answers. */
export type AuditResponse =
  | { type: 'progress'; id: string; phase: FilePhase; fraction: number }
  | {
      type: 'state';
      /** Files that make up the audit, in import order. */
      files: AcceptedFile[];
      /** Files refused by the request this answers (each id is one of the request's files). */
      rejected: RejectedFile[];
      /** The active definitions, if a definitions file was imported. */
      definitions: { id: string; version: string; title: string; file: string } | null;
      /** The definitions the report reads (the imported file, or the latest bundle score's): names, weights, levels. */
      definitionsDocument: Definitions | null;
      summary: MergeSummary | null;
      report: AuditReport | null;
      timings: WorkerTimings;
    }
  | { type: 'failed'; message: string };

/** The page's end of the worker: the real Worker in the extension, an in-process adapter in tests. */
export interface AuditEngine {
  post(request: AuditRequest): void;
  subscribe(listener: (response: AuditResponse) => void): () => void;
}
