import {
  changedEntries,
  orgScoreStateOf,
  outboxStateOf,
  withEntry,
  type OrgOutboxRow,
  type OrgScoreState,
  type OrgSyncStatusRow,
} from '../org/salesforce/outbox-rows';
import { markSending, recoverInterrupted, resume, sendNow, type OutboxState } from '../org/salesforce/outbox';
import type { ScoreRecord } from '../scoring/score-record';
import type { YardstickDatabase } from './yardstick-database';

const OPEN_STATES = ['waiting', 'sending'] as const;
/** Waiting rows only (the others have no `entry.nextAttemptAt`), by org, then by when each is due. */
const DUE_INDEX = '[apiOrigin+state+entry.nextAttemptAt]';

/** One batch of an org's due scores, as the drain sends it. */
export interface OutboxBatch {
  rows: Map<string, OrgOutboxRow>;
  /** The batch's entries (oldest first) and the org's pause: the state machine's view of this batch only. */
  state: OutboxState;
  status: OrgSyncStatusRow | null;
  /** The scores of the batch's rows, read in the same transaction; a deleted score is absent. */
  scores: Map<string, ScoreRecord>;
}

const dueRange = (apiOrigin: string, from: number, to: number) =>
  [
    [apiOrigin, 'waiting', from],
    [apiOrigin, 'waiting', to],
  ] as const;

/** The API origins that have scores waiting or being sent (one index step per distinct origin and state). */
export async function originsWithOpenRows(db: YardstickDatabase): Promise<string[]> {
  const keys = (await db.orgOutbox.orderBy('[apiOrigin+state]').uniqueKeys()) as unknown as [
    string,
    string,
  ][];
  const open = keys.filter(([, state]) => (OPEN_STATES as readonly string[]).includes(state));
  return [...new Set(open.map(([apiOrigin]) => apiOrigin))].sort();
}

/** Rows (and their scores) per drain transaction: small enough that a save queued behind one barely waits. */
export const OUTBOX_SLICE_SIZE = 25;

/** Runs between the drain's transactions: gives the event loop, and any save it brings, a turn first. */
export type BetweenSlices = () => Promise<void>;

const noPause: BetweenSlices = () => Promise.resolve();

function slicesOf<T>(items: readonly T[]): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += OUTBOX_SLICE_SIZE)
    slices.push(items.slice(start, start + OUTBOX_SLICE_SIZE));
  return slices;
}

/**
 * Reads up to `limit` of an org's scores due by `now`, soonest due first, with their scores and the
 * org's status. The due index yields keys only; rows and scores follow in readonly transactions of
 * {@link OUTBOX_SLICE_SIZE}, with `between` run before each, so a save never queues behind the whole batch.
 */
export async function readDueBatch(
  db: YardstickDatabase,
  apiOrigin: string,
  now: number,
  limit: number,
  between: BetweenSlices = noPause,
): Promise<OutboxBatch> {
  const [from, to] = dueRange(apiOrigin, -Infinity, now);
  const [keys, status] = await db.transaction('r', db.orgOutbox, db.orgSyncStatus, () =>
    Promise.all([
      db.orgOutbox.where(DUE_INDEX).between(from, to, true, true).limit(limit).primaryKeys(),
      db.orgSyncStatus.get(apiOrigin),
    ]),
  );
  const rows: OrgOutboxRow[] = [];
  const scores = new Map<string, ScoreRecord>();
  for (const slice of slicesOf(keys as string[])) {
    await between();
    const [sliceRows, sliceScores] = await db.transaction('r', db.orgOutbox, db.scores, () =>
      Promise.all([db.orgOutbox.bulkGet(slice), db.scores.bulkGet(slice)]),
    );
    // Only this drain changes a due row; the check keeps a batch honest if anything else ever does.
    for (const row of sliceRows) if (row?.state === 'waiting' && row.apiOrigin === apiOrigin) rows.push(row);
    for (const score of sliceScores) if (score) scores.set(score.id, score);
  }
  return {
    rows: new Map(rows.map((row) => [row.scoreId, row])),
    state: outboxStateOf(rows, status ?? null),
    status: status ?? null,
    scores: new Map(
      rows.flatMap((row) => {
        const score = scores.get(row.scoreId);
        return score ? [[row.scoreId, score] as const] : [];
      }),
    ),
  };
}

/** When an org's soonest waiting score is due, or null when none waits. */
export async function readEarliestWait(db: YardstickDatabase, apiOrigin: string): Promise<number | null> {
  const [from, to] = dueRange(apiOrigin, -Infinity, Infinity);
  const row = await db.orgOutbox.where(DUE_INDEX).between(from, to, true, true).first();
  return row?.entry.state === 'waiting' ? row.entry.nextAttemptAt : null;
}

/** Records the batch about to be sent in the status row alone: one small write no save waits for. */
export async function markInFlight(
  db: YardstickDatabase,
  status: OrgSyncStatusRow,
  scoreIds: readonly string[],
): Promise<void> {
  await db.orgSyncStatus.put({ ...status, inFlight: [...scoreIds] });
}

/**
 * Stores what one batch came to: its changed rows in readwrite transactions of {@link OUTBOX_SLICE_SIZE}
 * (`between` before each), then the status (the pause from `next`, no call in flight). The in-flight
 * marker goes last, so a worker stopped between slices leaves the batch to recovery, which reconciles
 * the rows still waiting. Saves only add rows, so nothing else changes these.
 */
export async function saveBatchOutcome(
  db: YardstickDatabase,
  batch: Pick<OutboxBatch, 'rows' | 'state'>,
  next: OutboxState,
  status: OrgSyncStatusRow,
  between: BetweenSlices = noPause,
): Promise<OrgSyncStatusRow> {
  const changed = changedRows(batch.rows, batch.state, next);
  const stored: OrgSyncStatusRow = { ...status, pause: next.pause, inFlight: null };
  for (const slice of slicesOf(changed)) {
    await between();
    await db.orgOutbox.bulkPut(slice);
  }
  await between();
  await db.orgSyncStatus.put(stored);
  return stored;
}

/**
 * After a stopped worker: the scores of its call in flight (and rows an older version left "sending")
 * may or may not be in the org. They wait again, due now, marked to be checked with the org first.
 * Writes only when there is something to recover.
 */
export async function recoverInterruptedSends(
  db: YardstickDatabase,
  apiOrigin: string,
  now: number,
): Promise<void> {
  const read = () =>
    Promise.all([
      db.orgSyncStatus.get(apiOrigin),
      db.orgOutbox.where('[apiOrigin+state]').equals([apiOrigin, 'sending']).toArray(),
    ]);
  const [status, sending] = await db.transaction('r', db.orgOutbox, db.orgSyncStatus, read);
  if (!status?.inFlight?.length && sending.length === 0) return;
  await db.transaction('rw', db.orgOutbox, db.orgSyncStatus, async () => {
    const [current, stuck] = await read();
    const inFlight = current?.inFlight ?? [];
    const flown = (await db.orgOutbox.bulkGet(inFlight)).filter(
      (row): row is OrgOutboxRow => row?.state === 'waiting' && row.apiOrigin === apiOrigin,
    );
    const rows = new Map([...stuck, ...flown].map((row) => [row.scoreId, row]));
    const before = outboxStateOf([...rows.values()], current ?? null);
    const next = recoverInterrupted(markSending(before, inFlight), now);
    const changed = changedRows(rows, before, next);
    if (changed.length > 0) await db.orgOutbox.bulkPut(changed);
    if (current) await db.orgSyncStatus.put({ ...current, inFlight: null });
  });
}

/**
 * Lifts an org's pause: a new session lifts session and org pauses; the rep's "Send now" lifts any
 * pause and makes every waiting score due now. One transaction; reads only the rows it changes.
 */
export async function liftOutboxPause(
  db: YardstickDatabase,
  apiOrigin: string,
  trigger: 'new-session' | 'manual',
  now: number,
): Promise<void> {
  await db.transaction('rw', db.orgOutbox, db.orgSyncStatus, async () => {
    const status = await db.orgSyncStatus.get(apiOrigin);
    if (!status) return;
    const [from, to] = dueRange(apiOrigin, now, Infinity);
    const later =
      trigger === 'manual'
        ? await db.orgOutbox.where(DUE_INDEX).between(from, to, false, true).toArray()
        : [];
    const rows = new Map(later.map((row) => [row.scoreId, row]));
    const before = outboxStateOf(later, status);
    const next = trigger === 'manual' ? sendNow(before, now) : resume(before, trigger);
    const changed = changedRows(rows, before, next);
    if (changed.length > 0) await db.orgOutbox.bulkPut(changed);
    if (next.pause !== status.pause) await db.orgSyncStatus.put({ ...status, pause: next.pause });
  });
}

function changedRows(
  rows: ReadonlyMap<string, OrgOutboxRow>,
  before: OutboxState,
  after: OutboxState,
): OrgOutboxRow[] {
  return changedEntries(before, after).flatMap((entry) => {
    const row = rows.get(entry.scoreId);
    return row ? [withEntry(row, entry)] : [];
  });
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

/** Every org's sync status (no outbox row read). */
export function readSyncStatuses(db: YardstickDatabase): Promise<OrgSyncStatusRow[]> {
  return db.orgSyncStatus.toArray();
}

/** Counts for the popup: scores waiting, failed for good, in the org, and every org's status. */
export async function readOrgSyncSummary(db: YardstickDatabase): Promise<{
  waiting: number;
  failed: number;
  inOrg: number;
  statuses: OrgSyncStatusRow[];
}> {
  return db.transaction('r', db.orgOutbox, db.orgSyncStatus, async () => {
    const [waiting, sending, failed, inOrg, statuses] = await Promise.all([
      db.orgOutbox.where('state').equals('waiting').count(),
      db.orgOutbox.where('state').equals('sending').count(),
      db.orgOutbox.where('state').equals('failed').count(),
      db.orgOutbox.where('state').equals('in-org').count(),
      db.orgSyncStatus.toArray(),
    ]);
    return { waiting: waiting + sending, failed, inOrg, statuses };
  });
}

/** The newest failed row's error, in the org's words, or null. */
export async function readLastRecordFailure(db: YardstickDatabase): Promise<OrgOutboxRow | null> {
  const failed = await db.orgOutbox.where('state').equals('failed').toArray();
  return failed.sort((a, b) => b.queuedAt.localeCompare(a.queuedAt))[0] ?? null;
}
