import type { ApiUsage } from './api-usage';
import { enqueue, EMPTY_OUTBOX, type OutboxEntry, type OutboxPause, type OutboxState } from './outbox';

/** Which org a score goes to: decided when it is saved, from the deal's host and the rep's session. */
export interface OrgTarget {
  /** The REST API origin (`https://acme.my.salesforce.com`). */
  apiOrigin: string;
  /** The 18-character org id of the rep's session. */
  orgId: string;
  /** The tab's cookie store, when the deal was open in a non-default one. */
  cookieStoreId: string | null;
}

/** One stored outbox row: the pure entry, the org it goes to, and its state copied out for the index. */
export interface OrgOutboxRow extends OrgTarget {
  scoreId: string;
  queuedAt: string;
  state: OutboxEntry['state'];
  entry: OutboxEntry;
}

/** One org's sync status: the outbox-wide pause, the last error in words, and the last API usage seen. */
export interface OrgSyncStatusRow {
  apiOrigin: string;
  orgId: string;
  pause: OutboxPause | null;
  lastError: { message: string; at: string } | null;
  apiUsage: ApiUsage | null;
  /**
   * The scores of the call under way. Kept here, not on the outbox rows, so marking a batch writes one
   * row that saves never touch; a stopped worker leaves it set, and the next drain checks those scores
   * with the org before sending them again. Absent on rows from before schema version 3.
   */
  inFlight?: string[] | null;
}

/** A score's org state as the sidebar and popup show it. */
export type OrgScoreState =
  | { state: 'waiting'; attempts: number; uncertain: boolean; lastError: string | null }
  | { state: 'in-org'; orgRecordId: string }
  | { state: 'failed'; statusCode: string; message: string; fields: string[] };

/** The row that puts a newly saved score in the outbox: waiting, due now. */
export function newOutboxRow(scoreId: string, target: OrgTarget, now: Date): OrgOutboxRow {
  const entry = enqueue(EMPTY_OUTBOX, [scoreId], now.getTime()).entries[0]!;
  return { scoreId, ...target, queuedAt: now.toISOString(), state: entry.state, entry };
}

/** The state machine's view of one org's open rows (waiting or sending), oldest first. */
export function outboxStateOf(rows: readonly OrgOutboxRow[], status: OrgSyncStatusRow | null): OutboxState {
  const ordered = [...rows].sort((a, b) =>
    a.queuedAt === b.queuedAt ? a.scoreId.localeCompare(b.scoreId) : a.queuedAt.localeCompare(b.queuedAt),
  );
  return { entries: ordered.map((row) => row.entry), pause: status?.pause ?? null };
}

/** The entries a transition changed (by identity: the state machine returns untouched entries as they were). */
export function changedEntries(before: OutboxState, after: OutboxState): OutboxEntry[] {
  const previous = new Map(before.entries.map((entry) => [entry.scoreId, entry]));
  return after.entries.filter((entry) => previous.get(entry.scoreId) !== entry);
}

/** A row with its entry replaced and the indexed state kept in step. */
export function withEntry(row: OrgOutboxRow, entry: OutboxEntry): OrgOutboxRow {
  return { ...row, state: entry.state, entry };
}

/** What a row tells the rep: waiting (sending counts as waiting), in the org, or failed with the org's words. */
export function orgScoreStateOf(entry: OutboxEntry): OrgScoreState {
  switch (entry.state) {
    case 'waiting':
      return {
        state: 'waiting',
        attempts: entry.attempts,
        uncertain: entry.uncertain,
        lastError: entry.lastError,
      };
    case 'sending':
      return { state: 'waiting', attempts: entry.attempts, uncertain: entry.uncertain, lastError: null };
    case 'in-org':
      return { state: 'in-org', orgRecordId: entry.orgRecordId };
    case 'failed':
      return { state: 'failed', ...entry.failure };
  }
}
