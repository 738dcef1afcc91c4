import {
  changedEntries,
  orgScoreStateOf,
  outboxStateOf,
  withEntry,
  type OrgOutboxRow,
  type OrgScoreState,
  type OrgSyncStatusRow,
} from '../org/salesforce/outbox-rows';
import type { OutboxState } from '../org/salesforce/outbox';
import type { YardstickDatabase } from './yardstick-database';

const OPEN_STATES = ['waiting', 'sending'] as const;

/** One org's open outbox rows and its status, as the drain works on them. */
export interface LoadedOutbox {
  rows: Map<string, OrgOutboxRow>;
  status: OrgSyncStatusRow | null;
  state: OutboxState;
}

/** The API origins that have scores waiting or being sent. */
export async function originsWithOpenRows(db: YardstickDatabase): Promise<string[]> {
  const origins = new Set<string>();
  // One equality range per state: `anyOf` walks the index with cursor jumps, slow on large tables.
  for (const state of OPEN_STATES) {
    await db.orgOutbox
      .where('state')
      .equals(state)
      .each((row) => origins.add(row.apiOrigin));
  }
  return [...origins].sort();
}

/** Loads one org's open rows (waiting or sending) and its status. */
export async function loadOutbox(db: YardstickDatabase, apiOrigin: string): Promise<LoadedOutbox> {
  return db.transaction('r', db.orgOutbox, db.orgSyncStatus, async () => {
    // One equality range per state: `anyOf` walks the index with cursor jumps, slow on large tables.
    const [waiting, sending, status] = await Promise.all([
      db.orgOutbox.where('[apiOrigin+state]').equals([apiOrigin, 'waiting']).toArray(),
      db.orgOutbox.where('[apiOrigin+state]').equals([apiOrigin, 'sending']).toArray(),
      db.orgSyncStatus.get(apiOrigin),
    ]);
    const open = [...waiting, ...sending];
    return {
      rows: new Map(open.map((row) => [row.scoreId, row])),
      status: status ?? null,
      state: outboxStateOf(open, status ?? null),
    };
  });
}

/**
 * Stores a transition of one org's outbox: the changed entries and the status, in one transaction,
 * and updates `loaded` to match. Called before and after every call to the org, so a stopped service
 * worker leaves the rows exactly where the drain was.
 */
export async function saveOutboxTransition(
  db: YardstickDatabase,
  loaded: LoadedOutbox,
  next: OutboxState,
  status: OrgSyncStatusRow,
): Promise<void> {
  const changed = changedEntries(loaded.state, next).flatMap((entry) => {
    const row = loaded.rows.get(entry.scoreId);
    return row ? [withEntry(row, entry)] : [];
  });
  // The outbox-wide pause lives in the status row.
  const stored = { ...status, pause: next.pause };
  await db.transaction('rw', db.orgOutbox, db.orgSyncStatus, async () => {
    if (changed.length > 0) await db.orgOutbox.bulkPut(changed);
    await db.orgSyncStatus.put(stored);
  });
  for (const row of changed) loaded.rows.set(row.scoreId, row);
  loaded.state = next;
  loaded.status = stored;
}

/** Each given score's org state; scores that never went to an org are absent. */
export async function readOrgScoreStates(
  db: YardstickDatabase,
  scoreIds: readonly string[],
): Promise<Record<string, OrgScoreState>> {
  const rows = await db.orgOutbox.bulkGet([...scoreIds]);
  return Object.fromEntries(
    rows.flatMap((row) => (row ? [[row.scoreId, orgScoreStateOf(row.entry)] as const] : [])),
  );
}

/** Counts for the popup: scores waiting, failed for good, in the org, and every org's status. */
export async function readOrgSyncSummary(db: YardstickDatabase): Promise<{
  waiting: number;
  failed: number;
  inOrg: number;
  statuses: OrgSyncStatusRow[];
}> {
  return db.transaction('r', db.orgOutbox, db.orgSyncStatus, async () => {
    const [waiting, failed, inOrg, statuses] = await Promise.all([
      db.orgOutbox
        .where('state')
        .anyOf([...OPEN_STATES])
        .count(),
      db.orgOutbox.where('state').equals('failed').count(),
      db.orgOutbox.where('state').equals('in-org').count(),
      db.orgSyncStatus.toArray(),
    ]);
    return { waiting, failed, inOrg, statuses };
  });
}

/** The newest failed row's error, in the org's words, or null. */
export async function readLastRecordFailure(db: YardstickDatabase): Promise<OrgOutboxRow | null> {
  const failed = await db.orgOutbox.where('state').equals('failed').toArray();
  return failed.sort((a, b) => b.queuedAt.localeCompare(a.queuedAt))[0] ?? null;
}
